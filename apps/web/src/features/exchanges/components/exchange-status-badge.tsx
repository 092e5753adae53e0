import { useTranslation } from 'react-i18next';
import type { ExchangeStatus } from '@partagora/domain';

/** A symbol per status, so the badge never relies on its colour alone. */
const SYMBOL: Record<ExchangeStatus, string> = {
  requested: '…',
  accepted: '✓',
  handed_over: '⇄',
  returned: '↩',
  completed: '✔',
  declined: '✕',
  cancelled: '⊘',
  expired: '⌛',
  no_show: '!',
  overdue: '!',
};

export function ExchangeStatusBadge({ status }: { status: ExchangeStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`status-badge status-badge--${status}`}>
      <span aria-hidden="true">{SYMBOL[status]} </span>
      {t(`exchanges.status.${status}`)}
    </span>
  );
}
