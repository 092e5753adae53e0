import { useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { EXACT_PLACE_LEAD_HOURS, type ExchangeView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { formatDateTime } from '../../../lib/dates';
import { useExchange, type ExchangeRole } from '../api/exchanges.api';
import { nextStepText, otherPartyName } from '../lib/exchange-steps';
import { MeetingPointMap } from '../map/meeting-point-map';
import { ExchangeActions } from './exchange-actions';
import { ExchangeStatusBadge } from './exchange-status-badge';
import { ExchangeTimeline } from './exchange-timeline';
import { HandoverAddress } from './handover-address';
import { ReschedulePanel } from './reschedule-panel';

export interface ExchangeDetailProps {
  id: string;
  /** The signed-in user: tells whether they own the item or asked for it. */
  viewerId: string;
  /** The live chat of the exchange's conversation (composed by the app). */
  renderChat: (exchange: ExchangeView, otherPartyName: string) => ReactNode;
}

function meetingSentence(
  exchange: ExchangeView,
): 'exact' | 'beforeAccept' | 'beforeLoanStart' | 'notShared' {
  if (exchange.meetingPointExact) return 'exact';
  if (exchange.status === 'requested') return 'beforeAccept';
  // An accepted loan shows the exact place only from 48 h before it starts (DESIGN.md §5).
  return exchange.kind === 'loan' && exchange.status === 'accepted'
    ? 'beforeLoanStart'
    : 'notShared';
}

/**
 * One exchange: where it stands and what comes next (announced when it changes), the buttons of
 * the steps the viewer may take, its timeline, the meeting point and the conversation (below on a
 * phone, beside on a wide screen).
 */
export function ExchangeDetail({ id, viewerId, renderChat }: ExchangeDetailProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const query = useExchange(id);
  const status = useRef<HTMLDivElement>(null);
  useDocumentTitle(query.data?.listingTitle ?? t('exchanges.detailTitle'));
  if (query.isPending) return <StatusMessage>{t('exchanges.loadingOne')}</StatusMessage>;
  if (query.isError)
    return <ApiErrorAlert error={query.error} onRetry={() => void query.refetch()} />;

  const exchange = query.data;
  const role: ExchangeRole = exchange.ownerId === viewerId ? 'owner' : 'requester';
  const other = otherPartyName(exchange, role);
  const you = (name: string, isMe: boolean) => (isMe ? t('exchanges.youName', { name }) : name);
  const sentence = meetingSentence(exchange);

  return (
    <div className="exchange-page">
      <article className="exchange-page__main">
        <p>
          <Link to="/exchanges">{t('exchanges.back')}</Link>
        </p>
        <p className="card__meta">{t(`exchanges.kind.${exchange.kind}`)}</p>
        <h1>{exchange.listingTitle}</h1>
        <div
          ref={status}
          tabIndex={-1}
          className="exchange-page__status"
          aria-live="polite"
          aria-atomic="true"
        >
          <p>
            <ExchangeStatusBadge status={exchange.status} />
          </p>
          <p className="exchange-page__next">{nextStepText(t, lng, exchange, role)}</p>
        </div>

        <ExchangeActions exchange={exchange} onDone={() => status.current?.focus()} />
        <ReschedulePanel exchange={exchange} role={role} />
        {exchange.status === 'completed' ? (
          <p>
            <Link
              className="button button--primary"
              to={`/exchanges/${encodeURIComponent(exchange.id)}/review`}
            >
              {t('reviews.leaveReview')}
            </Link>
          </p>
        ) : null}

        <section>
          <h2>{t('exchanges.detailsTitle')}</h2>
          <dl className="facts">
            <div>
              <dt>{t('exchanges.listing')}</dt>
              <dd>
                <Link to={`/listings/${encodeURIComponent(exchange.listingId)}`}>
                  {exchange.listingTitle}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t('exchanges.owner')}</dt>
              <dd>
                <Link to={`/users/${encodeURIComponent(exchange.ownerId)}`}>
                  {you(exchange.ownerName, role === 'owner')}
                </Link>
              </dd>
            </div>
            <div>
              <dt>{t('exchanges.requester')}</dt>
              <dd>
                <Link to={`/users/${encodeURIComponent(exchange.requesterId)}`}>
                  {you(exchange.requesterName, role === 'requester')}
                </Link>
              </dd>
            </div>
            {exchange.start && exchange.end ? (
              <div>
                <dt>{t('exchanges.periodLabel')}</dt>
                <dd>
                  {t('exchanges.period', {
                    start: formatDateTime(lng, exchange.start),
                    end: formatDateTime(lng, exchange.end),
                  })}
                </dd>
              </div>
            ) : null}
            {exchange.offeredListingId || exchange.offeredItem ? (
              <div>
                <dt>{t('exchanges.offered')}</dt>
                <dd>
                  {exchange.offeredListingId ? (
                    <Link to={`/listings/${encodeURIComponent(exchange.offeredListingId)}`}>
                      {t('exchanges.offeredListing')}
                    </Link>
                  ) : (
                    <span className="pre-wrap">{exchange.offeredItem}</span>
                  )}
                </dd>
              </div>
            ) : null}
            <div>
              <dt>{t('exchanges.createdAt')}</dt>
              <dd>{formatDateTime(lng, exchange.createdAt)}</dd>
            </div>
          </dl>
        </section>

        <section>
          <h2>{t('exchanges.timelineTitle')}</h2>
          <ExchangeTimeline kind={exchange.kind} status={exchange.status} />
        </section>

        <section>
          <h2>{t('exchanges.meeting.title')}</h2>
          <p
            className={sentence === 'exact' ? 'privacy-note privacy-note--shared' : 'privacy-note'}
          >
            {t(`exchanges.meeting.${sentence}`, { hours: EXACT_PLACE_LEAD_HOURS })}
          </p>
          {exchange.meetingPointExact ? (
            <HandoverAddress point={exchange.meetingPoint} address={exchange.meetingAddress} />
          ) : null}
          <MeetingPointMap
            point={exchange.meetingPoint}
            exact={exchange.meetingPointExact}
            label={t('exchanges.meeting.mapLabel')}
            pinLabel={t('exchanges.meeting.pin')}
          />
        </section>
      </article>
      <section className="exchange-page__chat" aria-labelledby={`chat-${exchange.id}`}>
        <h2 id={`chat-${exchange.id}`}>{t('exchanges.chatTitle', { name: other })}</h2>
        {renderChat(exchange, other)}
      </section>
    </div>
  );
}
