import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useConversations } from '../api/conversations.api';

/** Longest preview of the last message, in characters. */
const PREVIEW = 90;

function preview(body: string): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > PREVIEW ? `${flat.slice(0, PREVIEW - 1)}…` : flat;
}

/** `/messages`: my conversations, the most recent first, each with its unread count in words. */
export function ConversationList({ meId }: { meId: string }) {
  const { t, i18n } = useTranslation();
  const list = useConversations();
  if (list.isPending) return <StatusMessage>{t('conversations.loading')}</StatusMessage>;
  if (!list.data) return <ApiErrorAlert error={list.error} onRetry={() => void list.refetch()} />;
  const items = list.data.pages.flatMap((p) => p.items);
  const unread = items.reduce((sum, c) => sum + c.unread, 0);
  const time = new Intl.DateTimeFormat(i18n.language, { dateStyle: 'medium', timeStyle: 'short' });
  return (
    <>
      <p role="status" className="conversation-list__summary">
        {unread > 0
          ? t('conversations.unreadTotal', { count: unread })
          : t('conversations.allRead')}
      </p>
      {items.length === 0 ? (
        <div className="empty-state">
          <p>{t('conversations.empty')}</p>
          <Link className="button button--secondary" to="/listings">
            {t('conversations.emptyCta')}
          </Link>
        </div>
      ) : (
        <ul className="card-list conversation-list">
          {items.map((c) => (
            <li
              key={c.id}
              className={['card', c.unread > 0 ? 'conversation--unread' : ''].join(' ').trim()}
              data-testid="conversation-row"
            >
              <h2 className="card__title">
                <Link to={`/messages/${encodeURIComponent(c.id)}`}>
                  {t('conversations.title', {
                    name: c.otherParty.displayName,
                    title: c.listingTitle,
                  })}
                </Link>
              </h2>
              {c.lastMessage ? (
                <p className="card__meta">
                  {c.lastMessage.authorId === meId
                    ? t('conversations.previewMine', { body: preview(c.lastMessage.body) })
                    : preview(c.lastMessage.body)}
                </p>
              ) : null}
              <p className="card__meta">
                <time dateTime={c.updatedAt}>{time.format(new Date(c.updatedAt))}</time>
                {c.exchangeId
                  ? ` · ${t('conversations.aboutExchange')}`
                  : ` · ${t('conversations.question')}`}
              </p>
              {c.unread > 0 ? (
                <p className="unread-badge">{t('conversations.unread', { count: c.unread })}</p>
              ) : null}
            </li>
          ))}
        </ul>
      )}
      {list.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={list.isFetchingNextPage}
          onClick={() => void list.fetchNextPage()}
        >
          {list.isFetchingNextPage ? t('common.loading') : t('conversations.loadMore')}
        </button>
      ) : null}
    </>
  );
}
