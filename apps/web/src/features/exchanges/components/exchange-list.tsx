import { useId, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { ExchangeView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import { useExchangeList, type ExchangeRole } from '../api/exchanges.api';
import { nextStepText, otherPartyName } from '../lib/exchange-steps';
import { ExchangeStatusBadge } from './exchange-status-badge';

const ROLES: readonly ExchangeRole[] = ['owner', 'requester'];

export function ExchangeRow({ exchange, role }: { exchange: ExchangeView; role: ExchangeRole }) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  return (
    <li className="card exchange-row" data-testid="exchange-row" data-exchange-id={exchange.id}>
      <h3 className="card__title">
        <Link to={`/exchanges/${encodeURIComponent(exchange.id)}`}>{exchange.listingTitle}</Link>
      </h3>
      <p className="card__meta">
        {t(`exchanges.kind.${exchange.kind}`)} ·{' '}
        {t('exchanges.with', { name: otherPartyName(exchange, role) })}
      </p>
      <p className="card__meta">
        {exchange.start && exchange.end
          ? t('exchanges.period', {
              start: formatDateTime(lng, exchange.start),
              end: formatDateTime(lng, exchange.end),
            })
          : t('exchanges.requestedOn', { date: formatDateTime(lng, exchange.createdAt) })}
      </p>
      <p className="exchange-row__status">
        <ExchangeStatusBadge status={exchange.status} />
      </p>
      <p className="exchange-row__next">{nextStepText(t, lng, exchange, role)}</p>
    </li>
  );
}

function ExchangeTabPanel({ role }: { role: ExchangeRole }) {
  const { t } = useTranslation();
  const list = useExchangeList(role);
  if (list.isPending) return <StatusMessage>{t('exchanges.loading')}</StatusMessage>;
  if (!list.data) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  return (
    <>
      <p className="visually-hidden" role="status">
        {t('exchanges.count', { count: items.length })}
      </p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t(`exchanges.empty.${role}`)}</p>
          <Link
            className="button button--secondary"
            to={role === 'owner' ? '/listings/new' : '/listings'}
          >
            {t(`exchanges.emptyCta.${role}`)}
          </Link>
        </div>
      ) : (
        <ul className="card-list exchange-list">
          {items.map((exchange) => (
            <ExchangeRow key={exchange.id} exchange={exchange} role={role} />
          ))}
        </ul>
      )}
      {list.isFetchNextPageError ? <ApiErrorAlert error={list.error} /> : null}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('exchanges.loadMore')}
        </button>
      ) : null}
    </>
  );
}

export interface ExchangeListProps {
  role: ExchangeRole;
  onRoleChange: (role: ExchangeRole) => void;
}

/**
 * "Mes échanges": what I lend or give (I am the owner) and what I borrow or ask for (I am the
 * requester), as two tabs (arrow keys move between them).
 */
export function ExchangeList({ role, onRoleChange }: ExchangeListProps) {
  const { t } = useTranslation();
  const id = useId();
  const tabs = useRef(new Map<ExchangeRole, HTMLButtonElement>());

  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    const at = ROLES.indexOf(role);
    const next =
      e.key === 'ArrowRight'
        ? ROLES[(at + 1) % ROLES.length]
        : e.key === 'ArrowLeft'
          ? ROLES[(at - 1 + ROLES.length) % ROLES.length]
          : e.key === 'Home'
            ? ROLES[0]
            : e.key === 'End'
              ? ROLES[ROLES.length - 1]
              : undefined;
    if (!next) return;
    e.preventDefault();
    onRoleChange(next);
    tabs.current.get(next)?.focus();
  };

  return (
    <div className="tabs">
      <div role="tablist" aria-label={t('exchanges.tabsLabel')} className="tabs__list">
        {ROLES.map((r) => (
          <button
            key={r}
            ref={(el) => {
              if (el) tabs.current.set(r, el);
              else tabs.current.delete(r);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${r}`}
            aria-selected={r === role}
            aria-controls={`${id}-panel-${r}`}
            tabIndex={r === role ? 0 : -1}
            className="tabs__tab"
            onClick={() => onRoleChange(r)}
            onKeyDown={onKeyDown}
          >
            {t(`exchanges.tabs.${r}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${role}`}
        aria-labelledby={`${id}-tab-${role}`}
        className="tabs__panel"
      >
        <ExchangeTabPanel key={role} role={role} />
      </div>
    </div>
  );
}
