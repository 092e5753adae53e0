import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useDocumentTitle } from '../../../components/ui/use-document-title';
import { formatDateTime } from '../../../lib/dates';
import { apiUrl, useCancelEvent, useEvent } from '../api/events.api';
import { useSeatsText } from './event-card';
import { RsvpPanel } from './rsvp-panel';

/** An event's public page: details, places, RSVP, "add to my calendar", organisers' tools. */
export function EventDetails({
  id,
  signedIn,
  loginHref,
}: {
  id: string;
  signedIn: boolean;
  loginHref: string;
}) {
  const { t, i18n } = useTranslation();
  const event = useEvent(id);
  const cancel = useCancelEvent(id);
  const seats = useSeatsText();
  useDocumentTitle(event.data?.title);
  if (event.isPending) return <StatusMessage>{t('events.loading')}</StatusMessage>;
  if (event.isError)
    return <ApiErrorAlert error={event.error} onRetry={() => void event.refetch()} />;
  const e = event.data;
  return (
    <article className="event">
      <header>
        <h1>{e.title}</h1>
        <p>
          {t('events.organisedBy')}{' '}
          <Link to={`/organisations/${e.organiser.id}`}>{e.organiser.name}</Link>
        </p>
        {e.cancelledAt ? <p className="alert alert--error">{t('events.cancelledBanner')}</p> : null}
      </header>
      <dl className="event__facts">
        <dt>{t('events.when')}</dt>
        <dd>
          <time dateTime={e.startsAt}>{formatDateTime(i18n.language, e.startsAt)}</time>
          {' – '}
          <time dateTime={e.endsAt}>{formatDateTime(i18n.language, e.endsAt)}</time>
        </dd>
        <dt>{t('events.where')}</dt>
        <dd>
          {e.place.name}
          <br />
          {e.place.address}
        </dd>
        <dt>{t('events.places')}</dt>
        <dd>{seats(e)}</dd>
      </dl>
      {e.description ? <p className="event__description">{e.description}</p> : null}
      <RsvpPanel event={e} signedIn={signedIn} loginHref={loginHref} />
      <p>
        <a className="button button--secondary" href={apiUrl(e.icsUrl)} download>
          {t('events.addToCalendar')}
        </a>
      </p>
      {e.canManage ? (
        <section aria-labelledby="event-manage">
          <h2 id="event-manage">{t('events.manage.title')}</h2>
          <p>
            <Link to={`/events/${e.id}/attendees`}>{t('events.manage.attendees')}</Link>
          </p>
          {!e.cancelledAt ? (
            <>
              {cancel.error ? <ApiErrorAlert error={cancel.error} /> : null}
              <button
                type="button"
                className="button button--ghost"
                disabled={cancel.isPending}
                aria-busy={cancel.isPending}
                onClick={() => {
                  if (window.confirm(t('events.manage.confirmCancel'))) cancel.mutate();
                }}
              >
                {t('events.manage.cancel')}
              </button>
            </>
          ) : null}
        </section>
      ) : null}
    </article>
  );
}
