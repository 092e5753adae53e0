import { z } from 'zod';
import { minutesOf } from '../library/opening-hours';

/** Days of the week as opening hours key them, Monday first (the French week). */
export const WEEKDAYS = [
  'monday',
  'tuesday',
  'wednesday',
  'thursday',
  'friday',
  'saturday',
  'sunday',
] as const;
export type Weekday = (typeof WEEKDAYS)[number];

const HH_MM = /^([01]\d|2[0-3]):[0-5]\d$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

/** One opening span of a day, local time: `{opens: '09:00', closes: '12:30'}`, opens < closes. */
export const openingSpanSchema = z
  .strictObject({
    opens: z.string().regex(HH_MM, 'HH:MM'),
    closes: z.string().regex(HH_MM, 'HH:MM'),
  })
  .refine((s) => minutesOf(s.opens) < minutesOf(s.closes), {
    message: 'closes must be after opens',
    path: ['closes'],
  });
export type OpeningSpan = z.infer<typeof openingSpanSchema>;

/**
 * A place's opening hours, in the town's local time: per weekday a list of spans (a missing or
 * empty day is closed), and `closures`, dates (`YYYY-MM-DD`) on which it is closed all day
 * (holidays, summer break). Spans of one day may not overlap. Shared by organisations and the
 * tool library.
 */
export const openingHoursSchema = z
  .strictObject({
    ...(Object.fromEntries(
      WEEKDAYS.map((d) => [d, z.array(openingSpanSchema).max(6).optional()]),
    ) as Record<Weekday, z.ZodOptional<z.ZodArray<typeof openingSpanSchema>>>),
    closures: z.array(z.string().regex(DATE, 'YYYY-MM-DD')).max(100).optional(),
  })
  .superRefine((h, ctx) => {
    for (const day of WEEKDAYS) {
      const spans = [...(h[day] ?? [])].sort((a, b) => minutesOf(a.opens) - minutesOf(b.opens));
      for (let i = 1; i < spans.length; i++) {
        if (minutesOf(spans[i]!.opens) < minutesOf(spans[i - 1]!.closes)) {
          ctx.addIssue({ code: 'custom', path: [day], message: 'Spans overlap' });
          break;
        }
      }
    }
  });
export type OpeningHours = z.infer<typeof openingHoursSchema>;
