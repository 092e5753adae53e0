import { DomainError } from '../shared/domain-error';
import {
  type LibraryHours,
  assertLoanInOpeningHours,
  isOpenAt,
  openingsBetween,
  parisInstant,
  parisWallClock,
} from './opening-hours';

const HOURS: LibraryHours = {
  slots: [
    { weekday: 3, opens: '14:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '12:00' },
  ],
  closures: ['2026-12-23'],
};

describe('opening hours (Europe/Paris)', () => {
  it.each([
    // [instant, open?] — 2026-12-02 is a Wednesday (UTC+1), 2026-07-01 too (UTC+2).
    ['2026-12-02T13:00:00Z', true], // 14:00 Paris, opening time
    ['2026-12-02T12:59:00Z', false], // 13:59
    ['2026-12-02T17:00:00Z', true], // 18:00, closing time (a return)
    ['2026-12-02T17:01:00Z', false],
    ['2026-07-01T12:00:00Z', true], // 14:00 in summer time
    ['2026-07-01T11:30:00Z', false], // 13:30 in summer time
    ['2026-12-05T09:30:00Z', true], // Saturday 10:30
    ['2026-12-03T13:30:00Z', false], // Thursday
    ['2026-12-23T14:00:00Z', false], // a Wednesday, closed
  ])('%s open: %s', (iso, open) => {
    expect(isOpenAt(HOURS, new Date(iso))).toBe(open);
  });

  it('should convert Paris wall-clock times both ways, across the time changes', () => {
    expect(parisInstant('2026-12-02', '14:00').toISOString()).toBe('2026-12-02T13:00:00.000Z');
    expect(parisInstant('2026-07-01', '14:00').toISOString()).toBe('2026-07-01T12:00:00.000Z');
    expect(parisWallClock(new Date('2026-03-29T01:30:00Z'))).toEqual({
      date: '2026-03-29',
      weekday: 7,
      minutes: 3 * 60 + 30,
    });
  });

  it('should refuse a pick-up or return outside the slots with OUTSIDE_OPENING_HOURS and the field', () => {
    const inside = {
      start: new Date('2026-12-02T13:30:00Z'),
      end: new Date('2026-12-05T10:00:00Z'),
    };
    expect(() => assertLoanInOpeningHours(HOURS, inside)).not.toThrow();
    try {
      assertLoanInOpeningHours(HOURS, { ...inside, end: new Date('2026-12-05T12:00:00Z') });
      throw new Error('expected a refusal');
    } catch (err) {
      expect(err).toBeInstanceOf(DomainError);
      expect((err as DomainError).code).toBe('OUTSIDE_OPENING_HOURS');
      expect((err as DomainError).details).toEqual([{ path: 'end', message: expect.any(String) }]);
    }
  });

  it('should list the openings of a window, closures left out', () => {
    const list = openingsBetween(
      HOURS,
      new Date('2026-12-01T00:00:00Z'),
      new Date('2026-12-27T00:00:00Z'),
    ).map((o) => o.start.toISOString());
    expect(list).toEqual([
      '2026-12-02T13:00:00.000Z',
      '2026-12-05T09:00:00.000Z',
      '2026-12-09T13:00:00.000Z',
      '2026-12-12T09:00:00.000Z',
      '2026-12-16T13:00:00.000Z',
      '2026-12-19T09:00:00.000Z',
      '2026-12-26T09:00:00.000Z',
    ]);
  });
});
