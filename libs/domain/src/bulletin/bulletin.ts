import { z } from 'zod';
import { DomainError } from '../shared/domain-error';

/** The town's time zone: the bulletin's month runs from the 1st at 00:00 in Paris. */
export const BULLETIN_TIME_ZONE = 'Europe/Paris';
/** Laid out for one A4 sheet, front and back at most. */
export const BULLETIN_MAX_PAGES = 2;
export const BULLETIN_MAX_NEWS = 6;
export const BULLETIN_MAX_EVENTS = 12;

export const bulletinQuerySchema = z.object({
  month: z
    .string()
    .regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'A month as YYYY-MM')
    .optional()
    .describe('The month of the bulletin (YYYY-MM); the current month in Paris by default'),
});
export type BulletinQuery = z.infer<typeof bulletinQuerySchema>;

export interface BulletinMonth {
  year: number;
  /** 1–12 */
  month: number;
  /** First instant of the month in Paris. */
  from: Date;
  /** First instant of the next month in Paris (exclusive). */
  to: Date;
}

/** Paris's offset from UTC at `utc`, in minutes (+60 in winter, +120 in summer). */
function parisOffsetMinutes(utc: Date): number {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: BULLETIN_TIME_ZONE,
    hourCycle: 'h23',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
  }).formatToParts(utc);
  const n = (t: string) => Number(parts.find((p) => p.type === t)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'));
  return Math.round((asUtc - utc.getTime()) / 60000);
}

/** Midnight on the 1st of a month in Paris, as an instant. */
function parisMonthStart(year: number, month: number): Date {
  const guess = new Date(Date.UTC(year, month - 1, 1));
  return new Date(guess.getTime() - parisOffsetMinutes(guess) * 60000);
}

/** The month a bulletin covers: `YYYY-MM` when given, else the month of `now` in Paris. */
export function bulletinMonth(now: Date, month?: string): BulletinMonth {
  let year: number;
  let m: number;
  if (month !== undefined) {
    const match = /^(\d{4})-(\d{2})$/.exec(month);
    if (!match || Number(match[2]) < 1 || Number(match[2]) > 12) {
      throw new DomainError('VALIDATION_FAILED', 'A month as YYYY-MM', [
        { path: 'month', message: 'A month as YYYY-MM' },
      ]);
    }
    year = Number(match[1]);
    m = Number(match[2]);
  } else {
    const local = new Date(now.getTime() + parisOffsetMinutes(now) * 60000);
    year = local.getUTCFullYear();
    m = local.getUTCMonth() + 1;
  }
  const next = m === 12 ? { year: year + 1, month: 1 } : { year, month: m + 1 };
  return {
    year,
    month: m,
    from: parisMonthStart(year, m),
    to: parisMonthStart(next.year, next.month),
  };
}

/** A post's body as a short paragraph for print: whitespace collapsed, cut at a word. */
export function bulletinExcerpt(body: string, max = 260): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}
