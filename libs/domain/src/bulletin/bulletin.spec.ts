import { DomainError } from '../shared/domain-error';
import { bulletinExcerpt, bulletinMonth, frenchWeeklyHours } from './bulletin';

describe('bulletinMonth', () => {
  it('should run from midnight on the 1st in Paris in winter (UTC+1)', () => {
    const m = bulletinMonth(new Date('2026-12-02T10:00:00Z'));
    expect(m).toMatchObject({ year: 2026, month: 12 });
    expect(m.from.toISOString()).toBe('2026-11-30T23:00:00.000Z');
    expect(m.to.toISOString()).toBe('2026-12-31T23:00:00.000Z');
  });

  it('should use the summer offset (UTC+2) for a summer month', () => {
    const m = bulletinMonth(new Date('2026-12-02T10:00:00Z'), '2027-07');
    expect(m.from.toISOString()).toBe('2027-06-30T22:00:00.000Z');
    expect(m.to.toISOString()).toBe('2027-07-31T22:00:00.000Z');
  });

  it('should take the Paris month when UTC is still in the previous one', () => {
    // 23:30 UTC on 31 December is already 1 January in Paris.
    expect(bulletinMonth(new Date('2026-12-31T23:30:00Z'))).toMatchObject({
      year: 2027,
      month: 1,
    });
  });

  it('should span a month whose end crosses the autumn clock change', () => {
    const m = bulletinMonth(new Date(0), '2026-10');
    expect(m.from.toISOString()).toBe('2026-09-30T22:00:00.000Z');
    expect(m.to.toISOString()).toBe('2026-10-31T23:00:00.000Z');
  });

  it.each(['2026-13', '2026-00', '26-01', '2026-1'])('should refuse %s', (bad) => {
    expect(() => bulletinMonth(new Date(), bad)).toThrow(DomainError);
  });
});

describe('bulletinExcerpt', () => {
  it('should keep a short body whole, whitespace collapsed', () => {
    expect(bulletinExcerpt('Marché  de\nNoël ')).toBe('Marché de Noël');
  });

  it('should cut a long body at a word and mark the cut', () => {
    const body = 'La rue de la Mairie sera fermée '.repeat(20);
    const out = bulletinExcerpt(body, 60);
    expect(out.length).toBeLessThanOrEqual(60);
    expect(out.endsWith('…')).toBe(true);
    expect(body.startsWith(out.slice(0, -1))).toBe(true);
  });
});

describe('frenchWeeklyHours', () => {
  it('should print weekly slots Monday first, spans in order, in French', () => {
    expect(
      frenchWeeklyHours([
        { weekday: 6, opens: '10:00', closes: '12:00' },
        { weekday: 3, opens: '14:00', closes: '18:30' },
        { weekday: 3, opens: '09:00', closes: '12:00' },
      ]),
    ).toEqual(['Mercredi : 9 h – 12 h, 14 h – 18 h 30', 'Samedi : 10 h – 12 h']);
  });

  it('should read per-day opening hours the same way, and nothing for none', () => {
    expect(
      frenchWeeklyHours({ monday: [{ opens: '08:30', closes: '12:00' }], sunday: [] }),
    ).toEqual(['Lundi : 8 h 30 – 12 h']);
    expect(frenchWeeklyHours(null)).toEqual([]);
  });
});
