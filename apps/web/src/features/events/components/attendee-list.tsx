import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { formatDateTime } from '../../../lib/dates';
import { useAttendees, useEvent } from '../api/events.api';

/** The organisers' list: going first, then the waiting list in order. */
export function AttendeeList({ id }: { id: string }) {
  const { t, i18n } = useTranslation();
  const event = useEvent(id);
  const attendees = useAttendees(id);
  if (attendees.isPending) return <StatusMessage>{t('common.loading')}</StatusMessage>;
  if (attendees.isError)
    return <ApiErrorAlert error={attendees.error} onRetry={() => void attendees.refetch()} />;
  return (
    <section>
      <h1>{t('events.attendees.title', { title: event.data?.title ?? '' })}</h1>
      <p>
        <Link to={`/events/${id}`}>{t('events.attendees.back')}</Link>
      </p>
      {attendees.data.items.length === 0 ? (
        <p className="empty">{t('events.attendees.empty')}</p>
      ) : (
        <table>
          <caption>{t('events.attendees.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('events.attendees.name')}</th>
              <th scope="col">{t('events.attendees.status')}</th>
              <th scope="col">{t('events.attendees.answeredAt')}</th>
            </tr>
          </thead>
          <tbody>
            {attendees.data.items.map((a) => (
              <tr key={a.userId}>
                <td>{a.displayName}</td>
                <td>
                  {a.status === 'going'
                    ? t('events.rsvp.badgeGoing')
                    : t('events.rsvp.badgeWaiting', { position: a.position ?? '?' })}
                </td>
                <td>{formatDateTime(i18n.language, a.answeredAt)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
