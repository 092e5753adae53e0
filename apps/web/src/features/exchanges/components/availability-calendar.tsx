import { useTranslation } from 'react-i18next';
import { addDays, formatDateTime, formatDay, startOfDay } from '../../../lib/dates';
import { dayState, type BusySpan, type DayState } from '../lib/loan-period';

export interface AvailabilityCalendarProps {
  /** First bookable day (local midnight). */
  from: Date;
  /** Number of days shown from `from`. */
  days: number;
  busy: readonly BusySpan[];
  /** The period being chosen, once both ends are valid. */
  selection: { start: Date; end: Date } | null;
}

const MARK: Record<DayState, string> = { free: '', partial: '◐', busy: '✕' };

interface Cell {
  date: Date;
  inWindow: boolean;
  state: DayState;
  selected: boolean;
}

function monthsBetween(from: Date, last: Date): Date[] {
  const months: Date[] = [];
  for (
    let m = new Date(from.getFullYear(), from.getMonth(), 1);
    m.getTime() <= last.getTime();
    m = new Date(m.getFullYear(), m.getMonth() + 1, 1)
  ) {
    months.push(m);
  }
  return months;
}

/** Weeks (Monday first) of the month of `month`; `null` pads the first and last week. */
function weeksOf(month: Date): (Date | null)[][] {
  const first = new Date(month.getFullYear(), month.getMonth(), 1);
  const count = new Date(month.getFullYear(), month.getMonth() + 1, 0).getDate();
  const lead = (first.getDay() + 6) % 7;
  const cells: (Date | null)[] = Array.from({ length: lead }, () => null);
  for (let d = 1; d <= count; d++) cells.push(new Date(month.getFullYear(), month.getMonth(), d));
  while (cells.length % 7 !== 0) cells.push(null);
  const weeks: (Date | null)[][] = [];
  for (let i = 0; i < cells.length; i += 7) weeks.push(cells.slice(i, i + 7));
  return weeks;
}

/**
 * A hand-built month grid of the coming weeks: each day says in text (and by a symbol and a
 * pattern, never by colour alone) whether it is free, partly or fully taken, or in the chosen
 * period. Display only: dates are chosen with the native date and time fields beside it.
 */
export function AvailabilityCalendar({ from, days, busy, selection }: AvailabilityCalendarProps) {
  const { t, i18n } = useTranslation();
  const lng = i18n.language;
  const windowEnd = addDays(from, days);
  const last = new Date(windowEnd.getTime() - 1);
  const monthName = new Intl.DateTimeFormat(lng, { month: 'long', year: 'numeric' });
  // 2024-01-01 was a Monday: the weekday names follow from it.
  const weekdays = Array.from({ length: 7 }, (_, i) => new Date(2024, 0, 1 + i));
  const short = new Intl.DateTimeFormat(lng, { weekday: 'short' });
  const long = new Intl.DateTimeFormat(lng, { weekday: 'long' });

  const cellOf = (date: Date): Cell => {
    const dayStart = startOfDay(date);
    const dayEnd = addDays(dayStart, 1);
    const inWindow = dayStart >= from && dayStart < windowEnd;
    const selected =
      selection !== null &&
      selection.start.getTime() < dayEnd.getTime() &&
      selection.end.getTime() > dayStart.getTime();
    return {
      date,
      inWindow,
      state: inWindow ? dayState(dayStart, dayEnd, busy) : 'free',
      selected,
    };
  };

  const describe = (cell: Cell): string => {
    if (!cell.inWindow) return t('booking.calendar.outside');
    const parts = [t(`booking.calendar.${cell.state}`)];
    if (cell.selected) parts.push(t('booking.calendar.selected'));
    return parts.join(', ');
  };

  return (
    <div className="calendar">
      {monthsBetween(from, last).map((month) => (
        <table key={month.toISOString()} className="calendar__month">
          <caption>{monthName.format(month)}</caption>
          <thead>
            <tr>
              {weekdays.map((d) => (
                <th key={d.getDay()} scope="col" abbr={long.format(d)}>
                  {short.format(d)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {weeksOf(month).map((week, w) => (
              <tr key={w}>
                {week.map((date, i) => {
                  if (!date) return <td key={`pad-${i}`} />;
                  const cell = cellOf(date);
                  const classes = [
                    'calendar__day',
                    cell.inWindow ? `calendar__day--${cell.state}` : 'calendar__day--outside',
                    cell.selected ? 'calendar__day--selected' : '',
                  ];
                  return (
                    <td
                      key={date.getDate()}
                      className={classes.join(' ').trim()}
                      data-state={cell.inWindow ? cell.state : 'outside'}
                    >
                      <span className="visually-hidden">{formatDay(lng, date)}, </span>
                      <span aria-hidden="true">{date.getDate()}</span>
                      {cell.inWindow && cell.state !== 'free' ? (
                        <span className="calendar__mark" aria-hidden="true">
                          {MARK[cell.state]}
                        </span>
                      ) : null}
                      {cell.selected ? (
                        <span className="calendar__mark" aria-hidden="true">
                          ●
                        </span>
                      ) : null}
                      <span className="visually-hidden">{describe(cell)}</span>
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      ))}
      <ul className="calendar__legend" aria-label={t('booking.calendar.legend')}>
        <li>
          <span className="calendar__swatch calendar__day--free" aria-hidden="true" />
          {t('booking.calendar.legendFree')}
        </li>
        <li>
          <span className="calendar__swatch calendar__day--partial" aria-hidden="true">
            ◐
          </span>
          {t('booking.calendar.legendPartial')}
        </li>
        <li>
          <span className="calendar__swatch calendar__day--busy" aria-hidden="true">
            ✕
          </span>
          {t('booking.calendar.legendBusy')}
        </li>
        <li>
          <span className="calendar__swatch calendar__day--selected" aria-hidden="true">
            ●
          </span>
          {t('booking.calendar.legendSelected')}
        </li>
      </ul>
      <h4 className="calendar__busy-title">{t('booking.busyTitle')}</h4>
      {busy.length === 0 ? (
        <p>{t('booking.noBusy', { count: Math.round(days / 7) })}</p>
      ) : (
        <ul className="calendar__busy">
          {busy.map((span) => (
            <li key={`${span.start.getTime()}-${span.end.getTime()}`}>
              {t('booking.busySpan', {
                start: formatDateTime(lng, span.start),
                end: formatDateTime(lng, span.end),
              })}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
