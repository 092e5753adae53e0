import {
  createListingSchema,
  mapListingsQuerySchema,
  searchListingsQuerySchema,
  updateListingSchema,
} from './listing.schema';
import { LISTING_LIMITS } from './listing';

const validCreate = {
  kind: 'lend',
  category: 'tools',
  title: 'Perceuse à percussion',
} as const;
const dinan = { lat: '48.4556', lng: '-2.0503' };

/** The paths and codes of a failed parse, to assert on which rule rejected the input. */
function issuesOf(result: {
  success: boolean;
  error?: { issues: readonly { path: PropertyKey[]; code: string }[] };
}) {
  expect(result.success).toBe(false);
  return (result.error?.issues ?? []).map((i) => ({
    path: i.path.join('.'),
    code: i.code,
  }));
}

describe('createListingSchema', () => {
  it('should parse a minimal listing and fill the defaults', () => {
    expect(createListingSchema.parse(validCreate)).toEqual({
      ...validCreate,
      description: '',
      condition: null,
    });
  });

  it('should trim text and keep the optional fields', () => {
    const parsed = createListingSchema.parse({
      ...validCreate,
      title: '  Perceuse  ',
      description: ' Avec mèches ',
      condition: 'good',
      location: { lat: 48.4556, lng: -2.0503 },
      loanSettings: { maxDays: 3 },
      barterWishes: null,
    });
    expect(parsed).toEqual({
      ...validCreate,
      title: 'Perceuse',
      description: 'Avec mèches',
      condition: 'good',
      location: { lat: 48.4556, lng: -2.0503 },
      loanSettings: { maxDays: 3 },
      barterWishes: null,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an unknown kind', { kind: 'sell' }, 'kind', 'invalid_value'],
    ['an unknown category', { category: 'weapons' }, 'category', 'invalid_value'],
    ['an extra field', { price: 10 }, '', 'unrecognized_keys'],
    ['a 2-character title', { title: 'ab' }, 'title', 'too_small'],
    ['a title short once trimmed', { title: '  ab   ' }, 'title', 'too_small'],
    ['a title too long', { title: 'x'.repeat(LISTING_LIMITS.titleMax + 1) }, 'title', 'too_big'],
    ['an unknown condition', { condition: 'broken' }, 'condition', 'invalid_value'],
    ['a location out of range', { location: { lat: 91, lng: 0 } }, 'location.lat', 'too_big'],
    ['a loan over 90 days', { loanSettings: { maxDays: 91 } }, 'loanSettings.maxDays', 'too_big'],
    [
      'a fractional loan',
      { loanSettings: { maxDays: 1.5 } },
      'loanSettings.maxDays',
      'invalid_type',
    ],
  ])('should reject %s', (_, patch, path, code) => {
    expect(issuesOf(createListingSchema.safeParse({ ...validCreate, ...patch }))).toContainEqual({
      path,
      code,
    });
  });

  it.each(['kind', 'category', 'title'] as const)('should require %s', (field) => {
    const { [field]: _omitted, ...rest } = validCreate;
    expect(issuesOf(createListingSchema.safeParse(rest)).map((i) => i.path)).toEqual([field]);
  });
});

describe('updateListingSchema', () => {
  it.each<[string, Record<string, unknown>]>([
    ['an empty patch', {}],
    ['a title', { title: 'Nouvelle perceuse' }],
    ['a pause', { status: 'paused' }],
  ])('should accept %s', (_, patch) => {
    expect(updateListingSchema.safeParse(patch).success).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a status the owner may not set', { status: 'hidden' }, 'status', 'invalid_value'],
    ['a kind change', { kind: 'give' }, '', 'unrecognized_keys'],
  ])('should reject %s', (_, patch, path, code) => {
    expect(issuesOf(updateListingSchema.safeParse(patch))).toContainEqual({
      path,
      code,
    });
  });
});

describe('searchListingsQuerySchema', () => {
  it('should coerce query-string numbers', () => {
    expect(
      searchListingsQuerySchema.parse({
        ...dinan,
        radius: '1500',
        limit: '20',
        kind: 'lend',
      }),
    ).toEqual({
      lat: 48.4556,
      lng: -2.0503,
      radius: 1500,
      limit: 20,
      kind: 'lend',
    });
  });

  it('should leave radius and limit to the service when absent', () => {
    expect(searchListingsQuerySchema.parse({ lat: '48.45', lng: '-2.05' })).toEqual({
      lat: 48.45,
      lng: -2.05,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a missing lat', { lat: undefined }, 'lat', 'invalid_type'],
    ['a non-numeric lat', { lat: 'abc' }, 'lat', 'invalid_type'],
    ['lat > 90', { lat: '90.5' }, 'lat', 'too_big'],
    ['lng < -180', { lng: '-180.5' }, 'lng', 'too_small'],
    ['a negative radius', { radius: '-5' }, 'radius', 'too_small'],
    ['a zero radius', { radius: '0' }, 'radius', 'too_small'],
    [
      'a radius over the maximum',
      { radius: String(LISTING_LIMITS.searchRadiusMax + 1) },
      'radius',
      'too_big',
    ],
    ['an infinite radius', { radius: 'Infinity' }, 'radius', 'invalid_type'],
    ['a limit over 100', { limit: '101' }, 'limit', 'too_big'],
    ['a zero limit', { limit: '0' }, 'limit', 'too_small'],
    ['a fractional limit', { limit: '2.5' }, 'limit', 'invalid_type'],
    ['an empty text query', { q: '   ' }, 'q', 'too_small'],
    ['an unknown parameter', { sort: 'price' }, '', 'unrecognized_keys'],
  ])('should reject %s', (_, patch, path, code) => {
    expect(issuesOf(searchListingsQuerySchema.safeParse({ ...dinan, ...patch }))).toContainEqual({
      path,
      code,
    });
  });

  it.each([
    [String(LISTING_LIMITS.searchRadiusMax), String(LISTING_LIMITS.searchLimitMax)],
    ['1', '1'],
  ])('should accept the bounds radius=%s limit=%s', (radius, limit) => {
    expect(searchListingsQuerySchema.safeParse({ ...dinan, radius, limit }).success).toBe(true);
  });
});

describe('mapListingsQuerySchema', () => {
  it('should keep bbox as text and coerce the zoom', () => {
    expect(
      mapListingsQuerySchema.parse({
        bbox: '-2.07,48.44,-2.03,48.47',
        zoom: '14',
      }),
    ).toEqual({
      bbox: '-2.07,48.44,-2.03,48.47',
      zoom: 14,
    });
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['a zoom over 22', { zoom: '23' }, 'zoom', 'too_big'],
    ['a fractional zoom', { zoom: '14.5' }, 'zoom', 'invalid_type'],
    ['a huge bbox string', { bbox: '1'.repeat(201) }, 'bbox', 'too_big'],
  ])('should reject %s', (_, patch, path, code) => {
    const query = { bbox: '-2.07,48.44,-2.03,48.47', zoom: '14', ...patch };
    expect(issuesOf(mapListingsQuerySchema.safeParse(query))).toContainEqual({
      path,
      code,
    });
  });
});
