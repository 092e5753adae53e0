import { useId, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import {
  MODERATION_CASE_STATUSES,
  type ModerationAction,
  type ModerationCaseStatus,
  type ModerationCaseView,
} from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import {
  useModerationQueue,
  useReportedConversation,
  useResolveReport,
} from '../api/moderation.api';

function ReportedContent({ item }: { item: ModerationCaseView }) {
  const { t } = useTranslation();
  const [reading, setReading] = useState(false);
  const conversation = useReportedConversation(item.id, reading);
  const c = item.content;
  switch (c.type) {
    case 'listing':
      return (
        <div className="moderation-case__content">
          <p>{t('moderation.queue.listingBy', { name: c.owner.displayName, status: c.status })}</p>
          <h3>{c.title}</h3>
          {c.description ? <p className="moderation-case__text">{c.description}</p> : null}
        </div>
      );
    case 'user':
      return (
        <div className="moderation-case__content">
          <h3>{c.displayName}</h3>
          {c.suspended ? <p>{t('moderation.queue.userSuspended')}</p> : null}
        </div>
      );
    case 'message':
      return (
        <div className="moderation-case__content">
          <p>{t('moderation.queue.messageBy', { name: c.author.displayName })}</p>
          <blockquote className="moderation-case__text">{c.body}</blockquote>
          {reading ? (
            <section aria-label={t('moderation.queue.conversationTitle')}>
              {conversation.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
              {conversation.isError ? <ApiErrorAlert error={conversation.error} /> : null}
              {conversation.data ? (
                <ol className="moderation-case__transcript">
                  {conversation.data.items.map((m) => (
                    <li key={m.id} aria-current={m.body === c.body && m.authorId === c.author.id}>
                      <strong>{m.authorId === c.author.id ? c.author.displayName : '—'}</strong>{' '}
                      {m.body} {m.removed ? t('moderation.queue.removedMessage') : null}
                    </li>
                  ))}
                </ol>
              ) : null}
            </section>
          ) : (
            <button type="button" className="button button--ghost" onClick={() => setReading(true)}>
              {t('moderation.queue.readConversation')}
            </button>
          )}
        </div>
      );
    case 'review':
      return (
        <div className="moderation-case__content">
          <p>
            {t('moderation.queue.reviewBy', {
              author: c.author?.displayName ?? t('moderation.queue.formerMember'),
              subject: c.subject.displayName,
              rating: c.rating,
            })}
          </p>
          {c.comment ? (
            <blockquote className="moderation-case__text">{c.comment}</blockquote>
          ) : null}
        </div>
      );
    case 'unavailable':
      return <p>{t('moderation.queue.unavailable')}</p>;
  }
}

/** The action buttons of a case, each asking for confirmation (with an optional note). */
function CaseActions({ item }: { item: ModerationCaseView }) {
  const { t } = useTranslation();
  const id = useId();
  const [pending, setPending] = useState<ModerationAction | null>(null);
  const [note, setNote] = useState('');
  const resolve = useResolveReport();
  if (item.actions.length === 0) return null;
  if (pending) {
    const action = t(`moderation.queue.actions.${pending}`);
    return (
      <form
        className="moderation-case__confirm"
        aria-label={t('moderation.queue.confirmQuestion', { action })}
        onSubmit={(e) => {
          e.preventDefault();
          const trimmed = note.trim();
          resolve.mutate(
            { id: item.id, action: pending, ...(trimmed ? { note: trimmed } : {}) },
            { onSuccess: () => setPending(null) },
          );
        }}
      >
        <p>{t('moderation.queue.confirmQuestion', { action })}</p>
        <div className="field">
          <label htmlFor={`${id}-note`}>{t('moderation.queue.note')}</label>
          <textarea
            id={`${id}-note`}
            rows={2}
            maxLength={1000}
            value={note}
            onChange={(e) => setNote(e.target.value)}
          />
        </div>
        {resolve.isError ? <ApiErrorAlert error={resolve.error} /> : null}
        <div className="form-actions">
          <button
            type="submit"
            className={`button ${pending === 'suspend' || pending === 'hide' ? 'button--danger' : 'button--primary'}`}
            disabled={resolve.isPending}
          >
            {t('moderation.queue.confirm', { action })}
          </button>
          <button
            type="button"
            className="button button--secondary"
            onClick={() => {
              setPending(null);
              resolve.reset();
            }}
          >
            {t('moderation.queue.cancel')}
          </button>
        </div>
      </form>
    );
  }
  return (
    <div className="moderation-case__actions">
      {item.actions.map((a) => (
        <button
          key={a}
          type="button"
          className="button button--secondary"
          onClick={() => setPending(a)}
        >
          {t(`moderation.queue.actions.${a}`)}
        </button>
      ))}
    </div>
  );
}

export function ModerationCase({ item }: { item: ModerationCaseView }) {
  const { t, i18n } = useTranslation();
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  const reasons = item.reasons.map((r) => t(`moderation.report.reasons.${r}`)).join(', ');
  return (
    <li className="card moderation-case">
      <p className="moderation-case__meta">
        <span className="badge">{t(`moderation.queue.target.${item.targetType}`)}</span>{' '}
        {item.priority ? (
          <span className="badge badge--priority">
            <span aria-hidden="true">⚠ </span>
            {t('moderation.queue.priority')}
          </span>
        ) : null}{' '}
        <span>{item.hidden ? t('moderation.queue.hidden') : t('moderation.queue.visible')}</span>
        {' · '}
        <span>{t('moderation.queue.count', { count: item.reportCount })}</span>
        {' · '}
        <time dateTime={item.createdAt}>
          {t('moderation.queue.reportedOn', { date: date.format(new Date(item.createdAt)) })}
        </time>
      </p>
      <ReportedContent item={item} />
      <p>{t('moderation.queue.reasons', { reasons })}</p>
      {item.comments.length > 0 ? (
        <details>
          <summary>{t('moderation.queue.comments')}</summary>
          <ul>
            {item.comments.map((c, i) => (
              <li key={i}>{c}</li>
            ))}
          </ul>
        </details>
      ) : null}
      {item.resolution ? (
        <p>
          {t('moderation.queue.resolution', {
            action: t(`moderation.queue.actions.${item.resolution.action}`),
            date: date.format(new Date(item.resolution.at)),
          })}
          {item.resolution.note ? ` — ${item.resolution.note}` : ''}
        </p>
      ) : null}
      <CaseActions item={item} />
    </li>
  );
}

function QueuePanel({ slug, status }: { slug: string; status: ModerationCaseStatus }) {
  const { t } = useTranslation();
  const queue = useModerationQueue(slug, status);
  if (queue.isPending) return <StatusMessage>{t('moderation.queue.loading')}</StatusMessage>;
  if (queue.isError)
    return <ApiErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />;
  const items = queue.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p>{t('moderation.queue.empty')}</p>;
  return (
    <>
      <ul className="card-list moderation-queue">
        {items.map((item) => (
          <ModerationCase key={item.id} item={item} />
        ))}
      </ul>
      {queue.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={queue.isFetchingNextPage}
          onClick={() => void queue.fetchNextPage()}
        >
          {t('moderation.queue.more')}
        </button>
      ) : null}
    </>
  );
}

/** The town's queue: open and resolved tabs (arrow keys move between them). */
export function ModerationQueue({ slug }: { slug: string }) {
  const { t } = useTranslation();
  const id = useId();
  const [status, setStatus] = useState<ModerationCaseStatus>('open');
  const tabs = useRef(new Map<ModerationCaseStatus, HTMLButtonElement>());
  const onKeyDown = (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!['ArrowRight', 'ArrowLeft', 'Home', 'End'].includes(e.key)) return;
    e.preventDefault();
    const next = status === 'open' ? 'resolved' : 'open';
    setStatus(next);
    tabs.current.get(next)?.focus();
  };
  return (
    <div className="tabs">
      <div role="tablist" aria-label={t('moderation.queue.tabsLabel')} className="tabs__list">
        {MODERATION_CASE_STATUSES.map((s) => (
          <button
            key={s}
            ref={(el) => {
              if (el) tabs.current.set(s, el);
              else tabs.current.delete(s);
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${s}`}
            aria-selected={s === status}
            aria-controls={`${id}-panel-${s}`}
            tabIndex={s === status ? 0 : -1}
            className="tabs__tab"
            onClick={() => setStatus(s)}
            onKeyDown={onKeyDown}
          >
            {t(`moderation.queue.${s}`)}
          </button>
        ))}
      </div>
      <div
        role="tabpanel"
        id={`${id}-panel-${status}`}
        aria-labelledby={`${id}-tab-${status}`}
        className="tabs__panel"
      >
        <QueuePanel key={status} slug={slug} status={status} />
      </div>
    </div>
  );
}
