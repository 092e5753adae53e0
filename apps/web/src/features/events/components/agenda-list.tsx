import { useTranslation } from 'react-i18next';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useAgenda } from '../api/events.api';
import { EventCard } from './event-card';

/** A town's upcoming events (public), nearby partner towns' marked; "more" pages on. */
export function AgendaList({
  slug,
  organisationId,
  limit,
  paged = true,
}: {
  slug: string;
  organisationId?: string;
  limit?: number;
  paged?: boolean;
}) {
  const { t } = useTranslation();
  const agenda = useAgenda(slug, { organisationId, limit });
  if (agenda.isPending) return <StatusMessage>{t('events.loading')}</StatusMessage>;
  if (agenda.isError)
    return <ApiErrorAlert error={agenda.error} onRetry={() => void agenda.refetch()} />;
  const items = agenda.data.pages.flatMap((p) => p.items);
  if (items.length === 0) return <p className="empty">{t('events.empty')}</p>;
  return (
    <>
      <ul className="event-list">
        {items.map((e) => (
          <EventCard key={e.id} event={e} />
        ))}
      </ul>
      {paged && agenda.hasNextPage ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={agenda.isFetchingNextPage}
          aria-busy={agenda.isFetchingNextPage}
          onClick={() => void agenda.fetchNextPage()}
        >
          {t('events.more')}
        </button>
      ) : null}
    </>
  );
}
