import { DomainError } from '../shared/domain-error';

/** The time zone of every French town's opening hours (mainland France). */
export const LIBRARY_TIME_ZONE = 'Europe/Paris';

/** ISO weekdays: 1 = Monday … 7 = Sunday. */
export type IsoWeekday = 1 | 2 | 3 | 4 | 5 | 6 | 7;

/** One weekly opening slot, local (Europe/Paris) wall-clock times `HH:MM`, `opens < closes`. */
export interface OpeningSlot {
  weekday: IsoWeekday;
  opens: string;
  closes: string;
}

/** A library's hours: weekly slots and the local dates (`YYYY-MM-DD`) it is closed. */
export interface LibraryHours {
  slots: readonly OpeningSlot[];
  closures: readonly string[];
}

/** A concrete opening of the library, as instants. */
export interface OpeningInstance {
  start: Date;
  end: Date;
}

const PARTS = new Intl.DateTimeFormat('en-GB', {
  timeZone: LIBRARY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  weekday: 'short',
  hourCycle: 'h23',
});

const WEEKDAY: Record<string, IsoWeekday> = {
  Mon: 1,
  Tue: 2,
  Wed: 3,
  Thu: 4,
  Fri: 5,
  Sat: 6,
  Sun: 7,
};

/** Local (Europe/Paris) date, weekday and minutes since midnight of an instant. */
export function parisWallClock(instant: Date): {
  date: string;
  weekday: IsoWeekday;
  minutes: number;
} {
  const p: Record<string, string> = {};
  for (const part of PARTS.formatToParts(instant)) p[part.type] = part.value;
  return {
    date: `${p.year}-${p.month}-${p.day}`,
    weekday: WEEKDAY[p.weekday ?? 'Mon'] ?? 1,
    minutes: Number(p.hour) * 60 + Number(p.minute),
  };
}

/** `HH:MM` → minutes since midnight. */
export const minutesOf = (hhmm: string): number => {
  const [h, m] = hhmm.split(':');
  return Number(h) * 60 + Number(m);
};

/**
 * The instant at which the Paris wall clock reads `date` (`YYYY-MM-DD`) `time` (`HH:MM`). Around
 * the autumn change (an hour seen twice) the first one; in the spring gap, the hour after.
 */
export function parisInstant(date: string, time: string): Date {
  const [y, mo, d] = date.split('-').map(Number);
  const wanted = Date.UTC(y!, mo! - 1, d) + minutesOf(time) * 60_000;
  let guess = wanted - 60 * 60_000;
  for (let i = 0; i < 3; i++) {
    const w = parisWallClock(new Date(guess));
    const [gy, gmo, gd] = w.date.split('-').map(Number);
    const seen = Date.UTC(gy!, gmo! - 1, gd) + w.minutes * 60_000;
    if (seen === wanted) break;
    guess += wanted - seen;
  }
  return new Date(guess);
}

/**
 * Whether the library is open at `instant`: the local date is not a closure and a slot of that
 * weekday covers the local time, both ends included (an item can be brought back at closing time).
 */
export function isOpenAt(hours: LibraryHours, instant: Date): boolean {
  const w = parisWallClock(instant);
  if (hours.closures.includes(w.date)) return false;
  return hours.slots.some(
    (s) =>
      s.weekday === w.weekday &&
      minutesOf(s.opens) <= w.minutes &&
      w.minutes <= minutesOf(s.closes),
  );
}

/**
 * A library loan's pick-up (`start`) and return (`end`) must both fall inside an opening slot,
 * not on a closure date; `OUTSIDE_OPENING_HOURS` (422) with the field(s) at fault otherwise.
 */
export function assertLoanInOpeningHours(
  hours: LibraryHours,
  period: { start: Date; end: Date },
): void {
  const details: Array<{ path: string; message: string }> = [];
  if (!isOpenAt(hours, period.start))
    details.push({ path: 'start', message: 'The library is closed at the pick-up time' });
  if (!isOpenAt(hours, period.end))
    details.push({ path: 'end', message: 'The library is closed at the return time' });
  if (details.length > 0) {
    throw new DomainError(
      'OUTSIDE_OPENING_HOURS',
      'Pick-up and return must fall within the library’s opening hours',
      details,
    );
  }
}

const DAY_MS = 86_400_000;

/** Adds `days` to a `YYYY-MM-DD` date. */
export function addDays(date: string, days: number): string {
  const [y, m, d] = date.split('-').map(Number);
  return new Date(Date.UTC(y!, m! - 1, d) + days * DAY_MS).toISOString().slice(0, 10);
}

/** ISO weekday of a `YYYY-MM-DD` date. */
export function weekdayOf(date: string): IsoWeekday {
  const [y, m, d] = date.split('-').map(Number);
  const js = new Date(Date.UTC(y!, m! - 1, d)).getUTCDay();
  return (js === 0 ? 7 : js) as IsoWeekday;
}

/**
 * The library's openings that meet `[from, to)`, in order, closures left out; at most `max`
 * (a safety bound for wide windows).
 */
export function openingsBetween(
  hours: LibraryHours,
  from: Date,
  to: Date,
  max = 500,
): OpeningInstance[] {
  const out: OpeningInstance[] = [];
  const sorted = [...hours.slots].sort(
    (a, b) => a.weekday - b.weekday || minutesOf(a.opens) - minutesOf(b.opens),
  );
  const last = parisWallClock(to).date;
  for (
    let date = parisWallClock(from).date;
    date <= last && out.length < max;
    date = addDays(date, 1)
  ) {
    if (hours.closures.includes(date)) continue;
    const wd = weekdayOf(date);
    for (const s of sorted) {
      if (s.weekday !== wd) continue;
      const start = parisInstant(date, s.opens);
      const end = parisInstant(date, s.closes);
      if (end.getTime() > from.getTime() && start.getTime() < to.getTime())
        out.push({ start, end });
    }
  }
  return out;
}
