/**
 * How long ago `then` was, in words of `locale` ("il y a 3 jours", "hier", "3 days ago"), with
 * `Intl.RelativeTimeFormat` in the largest unit that fits; `null` for an unreadable date. A date
 * slightly in the future (clock skew) reads as "now".
 */
export function relativeAge(then: string | Date, now: Date, locale: string): string | null {
  const at = typeof then === 'string' ? new Date(then) : then;
  if (Number.isNaN(at.getTime())) return null;
  const seconds = Math.max(0, Math.round((now.getTime() - at.getTime()) / 1000));
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const units: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ['year', 365 * 86_400],
    ['month', 30 * 86_400],
    ['week', 7 * 86_400],
    ['day', 86_400],
    ['hour', 3_600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) {
    if (seconds >= size) return format.format(-Math.floor(seconds / size), unit);
  }
  return format.format(0, 'second');
}
