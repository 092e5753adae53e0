/** Calendar helpers in the browser's local time (the time people type and read). */

export const DAY_MS = 86_400_000;

const pad = (n: number) => String(n).padStart(2, '0');

/** Midnight (local) of the day of `d`. */
export function startOfDay(d: Date): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate());
}

/** `d` moved by whole calendar days (local, so daylight-saving changes keep midnight). */
export function addDays(d: Date, days: number): Date {
  return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, d.getHours(), d.getMinutes());
}

/** `YYYY-MM-DD` of `d` in local time, as `<input type="date">` holds it. */
export function toDateInput(d: Date): string {
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The local instant of a date input (`YYYY-MM-DD`) and a time input (`HH:MM`), or `null` when
 * either is blank or malformed.
 */
export function fromDateAndTime(date: string, time: string): Date | null {
  const d = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  const t = /^(\d{2}):(\d{2})$/.exec(time.trim());
  if (!d || !t) return null;
  const [, y, mo, da] = d.map(Number) as [number, number, number, number];
  const [, h, mi] = t.map(Number) as [number, number, number];
  const value = new Date(y, mo - 1, da, h, mi);
  // `new Date` rolls 31 February over into March: refuse it instead.
  if (value.getMonth() !== mo - 1 || value.getDate() !== da || h > 23 || mi > 59) return null;
  return value;
}

/** A date-time in words for `lng` ("3 mars 2026 à 10:00"); `''` for an invalid value. */
export function formatDateTime(lng: string, iso: string | Date): string {
  const d = typeof iso === 'string' ? new Date(iso) : iso;
  if (Number.isNaN(d.getTime())) return '';
  return new Intl.DateTimeFormat(lng, { dateStyle: 'medium', timeStyle: 'short' }).format(d);
}

/** A day in words for `lng` ("mardi 3 mars"). */
export function formatDay(lng: string, d: Date): string {
  return new Intl.DateTimeFormat(lng, { weekday: 'long', day: 'numeric', month: 'long' }).format(d);
}
