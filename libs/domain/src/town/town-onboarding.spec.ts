import { inseeCodeProblem, townSlug } from './town-onboarding';

describe('inseeCodeProblem', () => {
  it.each(['22050', '77463', '2A004', '2B033', '97411', '01001'])('should accept %s', (code) => {
    expect(inseeCodeProblem(code)).toBeNull();
  });
  it.each(['2205', '220500', '20001', '96001', '22000', 'ABCDE', '9A123', '99001'])(
    'should refuse %s with a reason',
    (code) => {
      expect(inseeCodeProblem(code)).toMatch(/INSEE|commune/);
    },
  );
});

describe('townSlug', () => {
  it.each([
    ['Dinan', 'dinan'],
    ['Saint-Malo', 'saint-malo'],
    ["L'Haÿ-les-Roses", 'l-hay-les-roses'],
    ['Œuilly', 'oeuilly'],
  ])('should slug %s as %s', (name, slug) => {
    expect(townSlug(name)).toBe(slug);
  });
});
