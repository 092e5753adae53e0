import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import type { LibraryView } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { StatusMessage } from '../../../components/ui/status-message';
import { useLibraryItems, useWaitlist } from '../api/library.api';
import { BookingForm } from './booking-form';
import { OpeningSlots } from './opening-slots';

/** One library: where and when, its items with their availability, booking and waiting list. */
export function LibraryCatalogue({ library }: { library: LibraryView }) {
  const { t, i18n } = useTranslation();
  const items = useLibraryItems(library.organisationId);
  const waitlist = useWaitlist(library.organisationId);
  const [open, setOpen] = useState<string | null>(null);
  const headingId = `library-${library.organisationId}`;
  const until = (iso: string) =>
    new Intl.DateTimeFormat(i18n.language, {
      timeZone: library.timeZone,
      weekday: 'long',
      day: 'numeric',
      month: 'long',
      hour: '2-digit',
      minute: '2-digit',
    }).format(new Date(iso));

  return (
    <section className="library card" aria-labelledby={headingId}>
      <h2 id={headingId}>{library.name}</h2>
      <p>
        {t('library.address')} : {library.address}
      </p>
      <h3>{t('library.hours')}</h3>
      <OpeningSlots library={library} />
      {library.canManage ? (
        <p>
          <Link className="button button--ghost" to={`/staff/desk/${library.organisationId}`}>
            {t('library.openDesk')}
          </Link>
        </p>
      ) : null}
      <h3>{t('library.items', { count: library.itemCount })}</h3>
      {items.isPending ? <StatusMessage>{t('common.loading')}</StatusMessage> : null}
      {items.error ? (
        <ApiErrorAlert error={items.error} onRetry={() => void items.refetch()} />
      ) : null}
      {items.data && items.data.items.length === 0 ? <p>{t('library.empty')}</p> : null}
      {waitlist.error ? <ApiErrorAlert error={waitlist.error} /> : null}
      <ul className="library__items">
        {items.data?.items.map((item) => (
          <li key={item.id} className="library__item">
            <h4>
              <Link to={`/listings/${item.id}`}>{item.title}</Link>
            </h4>
            <p className="library__availability">
              {item.availableNow
                ? t('library.availableNow')
                : item.busyUntil
                  ? t('library.outUntil', { when: until(item.busyUntil) })
                  : t('library.out')}
            </p>
            <div className="library__actions">
              <button
                type="button"
                className="button button--primary"
                aria-expanded={open === item.id}
                onClick={() => setOpen(open === item.id ? null : item.id)}
              >
                {t('library.bookThis')}
              </button>
              <button
                type="button"
                className="button button--ghost"
                disabled={waitlist.isPending}
                onClick={() => waitlist.mutate({ listingId: item.id, join: !item.waitlist.joined })}
              >
                {item.waitlist.joined ? t('library.leaveWaitlist') : t('library.joinWaitlist')}
              </button>
              <span className="library__waitlist">
                {t('library.waitlistSize', { count: item.waitlist.size })}
              </span>
            </div>
            {open === item.id ? <BookingForm library={library} item={item} /> : null}
          </li>
        ))}
      </ul>
    </section>
  );
}
