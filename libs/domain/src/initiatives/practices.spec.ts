import { createInitiativeSchema } from './initiative.schema';
import { PRACTICES, PRACTICE_FAMILIES, practiceOf } from './practices';

describe('PRACTICES', () => {
  it('should hold the 30 practices of the toolbox, each once, labelled in French and English', () => {
    expect(PRACTICES).toHaveLength(30);
    expect(new Set(PRACTICES.map((p) => p.slug)).size).toBe(30);
    for (const p of PRACTICES) {
      expect(p.slug).toMatch(/^[a-z]+(-[a-z]+)*$/);
      expect(PRACTICE_FAMILIES).toContain(p.family);
      expect(p.label.fr.length).toBeGreaterThan(2);
      expect(p.label.en.length).toBeGreaterThan(2);
    }
    for (const slug of [
      'repair-cafe',
      'amap',
      'shared-garden',
      'fablab',
      'coworking',
      'carpooling',
      'time-bank',
      'local-currency',
    ]) {
      expect(practiceOf(slug)).toBeDefined();
    }
    expect(practiceOf('casino')).toBeUndefined();
  });

  it('should validate an initiative: known practice, http(s) address', () => {
    const base = {
      name: 'Repair café',
      practice: 'repair-cafe',
      location: { lat: 48.45, lng: -2.05 },
    };
    expect(createInitiativeSchema.safeParse(base).success).toBe(true);
    expect(createInitiativeSchema.safeParse({ ...base, practice: 'casino' }).success).toBe(false);
    expect(createInitiativeSchema.safeParse({ ...base, url: 'javascript:alert(1)' }).success).toBe(
      false,
    );
    expect(createInitiativeSchema.safeParse({ ...base, url: 'https://example.org' }).success).toBe(
      true,
    );
  });
});
