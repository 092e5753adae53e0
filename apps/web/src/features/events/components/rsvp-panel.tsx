import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { EventView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { useCancelRsvp, useRsvp } from '../api/events.api';

export type RsvpState =
  'anonymous' | 'cancelled' | 'closed' | 'open' | 'full' | 'going' | 'waiting';

/** Where the caller stands with an event, from its view and the time `now`. */
export function rsvpState(event: EventView, signedIn: boolean, now: Date): RsvpState {
  if (event.cancelledAt) return 'cancelled';
  if (new Date(event.startsAt).getTime() <= now.getTime()) return 'closed';
  if (!signedIn) return 'anonymous';
  if (event.myRsvp) return event.myRsvp.status;
  return event.capacity !== null && event.going >= event.capacity ? 'full' : 'open';
}

/**
 * Join, join the waiting list, or withdraw; the state is said in words (never by colour alone)
 * in a live region, so a screen reader hears the answer.
 */
export function RsvpPanel({
  event,
  signedIn,
  loginHref,
  now = new Date(),
}: {
  event: EventView;
  signedIn: boolean;
  loginHref: string;
  now?: Date;
}) {
  const { t } = useTranslation();
  const rsvp = useRsvp(event.id);
  const cancel = useCancelRsvp(event.id);
  const state = rsvpState(event, signedIn, now);
  const pending = rsvp.isPending || cancel.isPending;
  const error = rsvp.error ?? cancel.error;

  return (
    <section className="rsvp" aria-labelledby={`rsvp-${event.id}`}>
      <h2 id={`rsvp-${event.id}`}>{t('events.rsvp.title')}</h2>
      <p role="status" className="rsvp__status">
        {state === 'going'
          ? t('events.rsvp.going')
          : state === 'waiting'
            ? t('events.rsvp.waiting', { position: event.myRsvp?.position ?? '?' })
            : state === 'cancelled'
              ? t('events.rsvp.cancelledEvent')
              : state === 'closed'
                ? t('events.rsvp.closed')
                : state === 'full'
                  ? t('events.rsvp.full')
                  : ''}
      </p>
      {error ? <ApiErrorAlert error={error} /> : null}
      {state === 'anonymous' ? (
        <Link className="button button--primary" to={loginHref}>
          {t('events.rsvp.signIn')}
        </Link>
      ) : null}
      {state === 'open' || state === 'full' ? (
        <button
          type="button"
          className="button button--primary"
          disabled={pending}
          aria-busy={pending}
          onClick={() => rsvp.mutate()}
        >
          {state === 'full' ? t('events.rsvp.joinWaitingList') : t('events.rsvp.join')}
        </button>
      ) : null}
      {state === 'going' || state === 'waiting' ? (
        <button
          type="button"
          className="button button--secondary"
          disabled={pending}
          aria-busy={pending}
          onClick={() => cancel.mutate()}
        >
          {state === 'waiting' ? t('events.rsvp.leaveWaitingList') : t('events.rsvp.cancel')}
        </button>
      ) : null}
    </section>
  );
}
