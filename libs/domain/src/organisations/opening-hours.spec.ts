import { openingHoursSchema } from './opening-hours';

describe('openingHoursSchema', () => {
  it.each([
    [
      'a day with two spans',
      {
        monday: [
          { opens: '08:30', closes: '12:00' },
          { opens: '14:00', closes: '18:00' },
        ],
      },
    ],
    ['closures only', { closures: ['2026-12-25'] }],
    ['nothing (closed every day)', {}],
  ])('should accept %s', (_c, v) => {
    expect(openingHoursSchema.safeParse(v).success).toBe(true);
  });

  it.each([
    ['closes before opens', { monday: [{ opens: '18:00', closes: '09:00' }] }],
    [
      'overlapping spans',
      {
        friday: [
          { opens: '09:00', closes: '12:00' },
          { opens: '11:30', closes: '13:00' },
        ],
      },
    ],
    ['a 25th hour', { monday: [{ opens: '09:00', closes: '25:00' }] }],
    ['an unknown day', { lundi: [] }],
    ['a malformed closure date', { closures: ['25/12/2026'] }],
  ])('should refuse %s', (_c, v) => {
    expect(openingHoursSchema.safeParse(v).success).toBe(false);
  });
});
