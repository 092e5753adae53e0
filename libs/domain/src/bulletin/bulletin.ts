import { z } from 'zod';
import {
  type IsoWeekday,
  type OpeningSlot,
  minutesOf,
  parisInstant,
  parisWallClock,
} from '../library/opening-hours';
import { DomainError } from '../shared/domain-error';

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
    const [y, mo] = parisWallClock(now).date.split('-').map(Number);
    year = y!;
    m = mo!;
  }
  const next = m === 12 ? { year: year + 1, month: 1 } : { year, month: m + 1 };
  const first = (y: number, mo: number) =>
    parisInstant(`${y}-${String(mo).padStart(2, '0')}-01`, '00:00');
  return { year, month: m, from: first(year, m), to: first(next.year, next.month) };
}

/** A post's body as a short paragraph for print: whitespace collapsed, cut at a word. */
export function bulletinExcerpt(body: string, max = 260): string {
  const flat = body.replace(/\s+/g, ' ').trim();
  if (flat.length <= max) return flat;
  const cut = flat.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max * 0.6 ? cut.slice(0, space) : cut).replace(/[\s.,;:!?-]+$/, '')}…`;
}

const DAY_NAMES_FR = ['Lundi', 'Mardi', 'Mercredi', 'Jeudi', 'Vendredi', 'Samedi', 'Dimanche'];
const WEEKDAY_KEYS = ['monday', 'tuesday', 'wednesday', 'thursday', 'friday', 'saturday', 'sunday'];
/** « 14 h », « 9 h 30 »: times as French print writes them. */
const frenchHour = (hhmm: string) => {
  const minutes = minutesOf(hhmm);
  const mm = minutes % 60;
  return `${Math.floor(minutes / 60)} h${mm ? ` ${String(mm).padStart(2, '0')}` : ''}`;
};

/**
 * Weekly hours as printed lines, one per open day, Monday first: « Mercredi : 14 h – 18 h ».
 * Takes weekly slots (the tool library's) or per-day spans (an organisation's opening hours).
 */
export function frenchWeeklyHours(
  hours:
    | readonly OpeningSlot[]
    | Partial<Record<string, ReadonlyArray<{ opens: string; closes: string }>>>
    | null
    | undefined,
): string[] {
  if (!hours) return [];
  const slots: OpeningSlot[] = Array.isArray(hours)
    ? [...(hours as readonly OpeningSlot[])]
    : WEEKDAY_KEYS.flatMap((key, i) =>
        (
          (hours as Record<string, Array<{ opens: string; closes: string }> | undefined>)[key] ?? []
        ).map((span) => ({
          weekday: (i + 1) as IsoWeekday,
          opens: span.opens,
          closes: span.closes,
        })),
      );
  const lines: string[] = [];
  for (let day = 1; day <= 7; day++) {
    const spans = slots
      .filter((s) => s.weekday === day)
      .sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens))
      .map((s) => `${frenchHour(s.opens)} – ${frenchHour(s.closes)}`);
    if (spans.length > 0) lines.push(`${DAY_NAMES_FR[day - 1]} : ${spans.join(', ')}`);
  }
  return lines;
}
