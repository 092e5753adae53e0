import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventView } from '@partagora/domain';
import { formatDateTime } from '../../../lib/dates';

/** Places taken, in words: "12 / 20 places prises", or "8 participants" without a limit. */
export function useSeatsText() {
  const { t } = useTranslation();
  return (e: Pick<EventView, 'going' | 'capacity' | 'waiting'>) =>
    e.capacity === null
      ? t('events.seats.unlimited', { count: e.going })
      : e.going >= e.capacity
        ? t('events.seats.full', { capacity: e.capacity, count: e.waiting })
        : t('events.seats.limited', { going: e.going, capacity: e.capacity });
}

export function EventCard({ event }: { event: EventView }) {
  const { t, i18n } = useTranslation();
  const seats = useSeatsText();
  return (
    <li className="event-card">
      <h3 className="event-card__title">
        <Link to={`/events/${event.id}`}>{event.title}</Link>
      </h3>
      <p className="event-card__when">
        <time dateTime={event.startsAt}>{formatDateTime(i18n.language, event.startsAt)}</time>
        {' · '}
        {event.place.name}
      </p>
      <p className="event-card__meta">
        {t('events.by', { name: event.organiser.name })} · {seats(event)}
      </p>
      {event.partner ? (
        <p className="badge badge--partner">
          {t('events.partnerTown', { name: event.partner.name })}
        </p>
      ) : null}
      {event.myRsvp ? (
        <p className="badge">
          {event.myRsvp.status === 'going'
            ? t('events.rsvp.badgeGoing')
            : t('events.rsvp.badgeWaiting', { position: event.myRsvp.position ?? '?' })}
        </p>
      ) : null}
    </li>
  );
}
