import { useTranslation } from 'react-i18next';
import type { ExchangeKind, ExchangeStatus } from '@partagora/domain';
import { timelineSteps } from '../lib/exchange-steps';

const MARK = { done: '✔', current: '➜', upcoming: '○', skipped: '–' } as const;

/** The steps of the exchange, each saying in words whether it is done, current or to come. */
export function ExchangeTimeline({ kind, status }: { kind: ExchangeKind; status: ExchangeStatus }) {
  const { t } = useTranslation();
  return (
    <ol className="timeline">
      {timelineSteps(kind, status).map((step) => (
        <li
          key={step.key}
          className={`timeline__step timeline__step--${step.state}`}
          aria-current={step.state === 'current' ? 'step' : undefined}
        >
          <span className="timeline__mark" aria-hidden="true">
            {MARK[step.state]}
          </span>
          <span className="timeline__label">{t(`exchanges.steps.${step.key}`)}</span>
          <span className="timeline__state">{t(`exchanges.stepState.${step.state}`)}</span>
        </li>
      ))}
    </ol>
  );
}
