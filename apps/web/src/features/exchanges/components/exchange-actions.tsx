import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { type ExchangeView, isPartyAction, type PartyAction } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { ConfirmDialog } from '../../../components/ui/confirm-dialog';
import { useExchangeAction } from '../api/exchanges.api';

/** Steps that end the exchange for good: asked twice. */
const CONFIRMED = ['cancel', 'no_show'] as const;
type ConfirmedAction = (typeof CONFIRMED)[number];
const needsConfirm = (a: PartyAction): a is ConfirmedAction =>
  (CONFIRMED as readonly string[]).includes(a);
const DANGER: readonly PartyAction[] = ['cancel', 'decline', 'no_show'];

export interface ExchangeActionsProps {
  exchange: ExchangeView;
  /** After a step was taken (focus moves to the new status). */
  onDone: () => void;
}

/** One button per step the API says the viewer may take now (`nextActions`), in its order. */
export function ExchangeActions({ exchange, onDone }: ExchangeActionsProps) {
  const { t } = useTranslation();
  const act = useExchangeAction(exchange.id);
  const [confirming, setConfirming] = useState<ConfirmedAction | null>(null);
  const actions = exchange.nextActions.filter(isPartyAction);
  if (actions.length === 0) return null;

  const run = (action: PartyAction) => {
    if (needsConfirm(action)) {
      setConfirming(action);
      return;
    }
    act.mutate(action, { onSuccess: onDone });
  };

  return (
    <section className="exchange-actions" aria-labelledby={`actions-${exchange.id}`}>
      <h2 id={`actions-${exchange.id}`}>{t('exchanges.actionsTitle')}</h2>
      {act.error ? <ApiErrorAlert error={act.error} /> : null}
      <div className="actions">
        {actions.map((action, i) => (
          <button
            key={action}
            type="button"
            className={[
              'button',
              DANGER.includes(action) ? 'button--danger' : i === 0 ? 'button--primary' : '',
            ]
              .join(' ')
              .trim()}
            disabled={act.isPending}
            aria-busy={act.isPending && act.variables === action}
            onClick={() => run(action)}
          >
            {t(`exchanges.actions.${action}`)}
          </button>
        ))}
      </div>
      {confirming ? (
        <ConfirmDialog
          title={t(`exchanges.actions.${confirming}`)}
          confirmLabel={t(`exchanges.actions.${confirming}`)}
          cancelLabel={t('common.cancel')}
          danger
          busy={act.isPending}
          onCancel={() => setConfirming(null)}
          onConfirm={() =>
            act.mutate(confirming, {
              onSuccess: onDone,
              onSettled: () => setConfirming(null),
            })
          }
        >
          <p>{t(`exchanges.confirm.${confirming}`)}</p>
        </ConfirmDialog>
      ) : null}
    </section>
  );
}
