import { type FormEvent, useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { type LibraryItem, type LibraryView, openingsBetween } from '@partagora/domain';
import { ApiErrorAlert } from '../../../components/ui/api-error-alert';
import { SubmitButton } from '../../../components/ui/submit-button';
import { useBookItem } from '../api/library.api';

const WEEKS = 8;
const STEP_MIN = 30;

/** Start times every half hour within an opening, its closing time included (a return). */
function timesIn(o: { start: Date; end: Date }, now: number): Date[] {
  const out: Date[] = [];
  for (let t = o.start.getTime(); t <= o.end.getTime(); t += STEP_MIN * 60_000) {
    if (t > now) out.push(new Date(t));
  }
  return out;
}

/**
 * Booking within the library's opening slots: the pick-up and the return are chosen among the
 * openings only (times outside them cannot be picked); the API checks the same rule.
 */
export function BookingForm({ library, item }: { library: LibraryView; item: LibraryItem }) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const book = useBookItem(library.organisationId);
  const [now] = useState(() => Date.now());
  const openings = useMemo(
    () =>
      openingsBetween(
        { slots: library.slots as never, closures: library.closures },
        new Date(now),
        new Date(now + WEEKS * 7 * 86_400_000),
      ).filter((o) => o.end.getTime() > now),
    [library, now],
  );
  const fmt = useMemo(
    () =>
      new Intl.DateTimeFormat(i18n.language, {
        timeZone: library.timeZone,
        weekday: 'long',
        day: 'numeric',
        month: 'long',
        hour: '2-digit',
        minute: '2-digit',
      }),
    [i18n.language, library.timeZone],
  );
  const times = useMemo(() => openings.flatMap((o) => timesIn(o, now)), [openings, now]);
  const [start, setStart] = useState('');
  const [end, setEnd] = useState('');
  const maxEnd = start
    ? new Date(start).getTime() + (item.loanSettings?.maxDays ?? 7) * 86_400_000
    : 0;
  const returns = times.filter(
    (d) => start && d.getTime() > new Date(start).getTime() && d.getTime() <= maxEnd,
  );

  function submit(e: FormEvent) {
    e.preventDefault();
    if (!start || !end) return;
    book.mutate({ listingId: item.id, start, end });
  }

  if (book.isSuccess) {
    return (
      <p className="alert alert--success" role="status">
        {t('library.booked', { when: fmt.format(new Date(book.data.start!)) })}{' '}
        <Link to={`/exchanges/${book.data.id}`}>{t('library.seeBooking')}</Link>
      </p>
    );
  }
  if (openings.length === 0) return <p>{t('library.noOpenings')}</p>;
  return (
    <form
      className="library__booking"
      onSubmit={submit}
      aria-label={t('library.bookLabel', { title: item.title })}
    >
      <div className="field">
        <label htmlFor={`${id}-start`}>{t('library.pickup')}</label>
        <select
          id={`${id}-start`}
          value={start}
          required
          onChange={(e) => {
            setStart(e.target.value);
            setEnd('');
          }}
        >
          <option value="">{t('library.choose')}</option>
          {times.slice(0, -1).map((d) => (
            <option key={d.toISOString()} value={d.toISOString()}>
              {fmt.format(d)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={`${id}-end`}>{t('library.return')}</label>
        <select
          id={`${id}-end`}
          value={end}
          required
          disabled={!start}
          onChange={(e) => setEnd(e.target.value)}
        >
          <option value="">{t('library.choose')}</option>
          {returns.map((d) => (
            <option key={d.toISOString()} value={d.toISOString()}>
              {fmt.format(d)}
            </option>
          ))}
        </select>
        <p className="field__hint">
          {t('library.slotsOnly', { days: item.loanSettings?.maxDays ?? 7 })}
        </p>
      </div>
      {item.loanSettings?.depositNote ? (
        <p>{t('library.deposit', { note: item.loanSettings.depositNote })}</p>
      ) : null}
      {book.error ? <ApiErrorAlert error={book.error} /> : null}
      <SubmitButton pending={book.isPending}>{t('library.book')}</SubmitButton>
    </form>
  );
}
