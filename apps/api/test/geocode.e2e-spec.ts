import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseBanCsv } from '@partagora/domain';
import { multiPolygonContains } from '@partagora/geo';
import request from 'supertest';
import { DEMO_TOWNS } from '../src/database/seed/demo-data';
import { townBoundary } from '../src/database/seed/demo-seed';
import { AddressesController } from '../src/modules/addresses/addresses.controller';
import { importBanFile } from '../src/modules/addresses/ban-import';
import { FIXTURE_CENTRE, importFixtureAddresses } from './factories/addresses';
import { type TestTown, createTown } from './factories/towns';
import { type TestApp, startTestApp } from './test-context';

interface Item {
  label: string;
  kind: string;
  location: { lat: number; lng: number };
}

describe(AddressesController.name, () => {
  let t: TestApp;
  let town: TestTown;
  let other: TestTown;

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds, { centre: FIXTURE_CENTRE });
    other = await createTown(t.ds, { centre: FIXTURE_CENTRE });
  });

  afterAll(async () => {
    await t.close();
  });

  const geocode = (query: Record<string, unknown>) =>
    request(t.url).get('/api/v1/geocode').query(query);
  const labels = (body: { items: Item[] }) => body.items.map((i) => i.label);

  it('should import a BAN file: house numbers, streets at their centroid, foreign lines skipped', async () => {
    const done = await importFixtureAddresses(t.ds, town);
    // 6 streets × 8 numbers + "12 bis", + 6 street rows; another town's line and one without a
    // point are skipped.
    expect(done).toEqual({ imported: 55, skipped: 2 });
    const [street] = await t.ds.query<[{ n: number; lat: number; lng: number }]>(
      `SELECT count(*)::int AS n, avg(ST_Y(location::geometry)) AS lat, avg(ST_X(location::geometry)) AS lng
         FROM addresses WHERE municipality_id = $1 AND kind = 'street' AND street = 'Rue Thiers'`,
      [town.id],
    );
    expect(street.n).toBe(1);
    // The numbers 1–8 and 12 bis of rue Thiers: centroid of their longitudes.
    expect(Number(street.lng)).toBeCloseTo(4.8 + (0.0002 * (36 + 12)) / 9, 6);
    // Importing again replaces the town's base: the same rows, not twice as many.
    expect((await importFixtureAddresses(t.ds, town)).imported).toBe(55);
    const [{ n }] = await t.ds.query<[{ n: number }]>(
      `SELECT count(*)::int AS n FROM addresses WHERE municipality_id = $1`,
      [town.id],
    );
    expect(n).toBe(55);
  });

  it('should find streets whatever the accents and case, best first, without listing numbers', async () => {
    const res = await geocode({ q: 'RUE DE L EGLISE', municipality: town.slug });
    expect(res.status).toBe(200);
    expect(res.body.nextCursor).toBeNull();
    expect(res.body.items[0]).toEqual({
      label: "Rue de l'Église, 01990 Fixtureville",
      kind: 'street',
      location: { lat: expect.any(Number), lng: expect.any(Number) },
    });
    expect((res.body.items as Item[]).every((i) => i.kind !== 'housenumber')).toBe(true);
    const ecoles = await geocode({ q: 'rue des écoles', municipality: town.slug });
    expect(labels(ecoles.body)[0]).toBe('Rue des Écoles, 01990 Fixtureville');
  });

  it('should forgive a typo and match a prefix', async () => {
    const typo = await geocode({ q: 'avenue aristid brian', municipality: town.slug });
    expect(labels(typo.body)[0]).toBe('Avenue Aristide Briand, 01990 Fixtureville');
    const prefix = await geocode({ q: 'place du mar', municipality: town.slug });
    expect(labels(prefix.body)[0]).toBe('Place du Marché, 01990 Fixtureville');
  });

  it('should put the house number asked for first, at its own point', async () => {
    const res = await geocode({ q: '4 rue thiers', municipality: town.slug });
    expect(res.status).toBe(200);
    const [first] = res.body.items as Item[];
    expect(first).toMatchObject({ label: '4 Rue Thiers, 01990 Fixtureville', kind: 'housenumber' });
    expect(first!.location.lng).toBeCloseTo(4.8008, 6);
    const bis = await geocode({ q: '12 bis, Rue Thiers', municipality: town.slug });
    expect(labels(bis.body)[0]).toBe('12 bis Rue Thiers, 01990 Fixtureville');
    // A number the base does not know: the street itself.
    const unknown = await geocode({ q: '400 rue thiers', municipality: town.slug });
    expect(unknown.body.items[0]).toMatchObject({
      label: 'Rue Thiers, 01990 Fixtureville',
      kind: 'street',
    });
  });

  it('should honour the limit', async () => {
    const res = await geocode({ q: 'rue', municipality: town.slug, limit: 2 });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(2);
  });

  it('should search only the town asked for', async () => {
    const res = await geocode({ q: 'grande rue', municipality: other.slug });
    expect(res.status).toBe(200);
    expect(res.body.items).toEqual([]);
  });

  it('should import the shipped demo files with every point inside the demo towns', async () => {
    // The demo towns are not in the test database: each file is checked against its outline.
    for (const demo of DEMO_TOWNS) {
      const csv = readFileSync(
        path.join(__dirname, `../src/database/seed/ban/adresses-${demo.inseeCode}.csv`),
        'utf8',
      );
      const { addresses, skipped } = parseBanCsv(csv, demo.inseeCode);
      expect(skipped).toBe(0);
      expect(addresses.length).toBeGreaterThan(300);
      const outside = addresses.filter(
        (a) => !multiPolygonContains(townBoundary(demo), a.location),
      );
      expect(outside).toEqual([]);
    }
    // And a file of another commune is refused line by line (nothing imported for this town).
    const foreign = readFileSync(
      path.join(__dirname, '../src/database/seed/ban/adresses-22050.csv'),
      'utf8',
    );
    expect(await importBanFile(t.ds, other.slug, foreign)).toMatchObject({ imported: 0 });
  });

  it.each([
    [{ municipality: 'x' }, 400],
    [{ q: 'a', municipality: 'x' }, 400],
    [{ q: 'rue' }, 400],
    [{ q: 'x'.repeat(201), municipality: 'x' }, 400],
    [{ q: 'rue', municipality: 'x', limit: 0 }, 400],
    [{ q: 'rue', municipality: 'x', limit: 'many' }, 400],
    [{ q: 'rue', municipality: 'x', extra: 1 }, 400],
    [{ q: 'rue', municipality: 'no-such-town' }, 404],
  ])('should refuse %j with %i', async (query, status) => {
    const res = await geocode(query);
    expect(res.status).toBe(status);
    expect(res.body.error.code).toBe(
      status === 404 ? 'MUNICIPALITY_NOT_FOUND' : 'VALIDATION_FAILED',
    );
  });

  it('should answer nothing, not an error, for a query of punctuation or a lone number', async () => {
    for (const q of ['%%_\\', '12', "''"]) {
      const res = await geocode({ q, municipality: town.slug });
      expect(res.status).toBe(200);
      expect(res.body.items).toEqual([]);
    }
  });

  it('should not offer reverse geocoding to the public', async () => {
    const res = await request(t.url)
      .get('/api/v1/geocode/reverse')
      .query({ lat: FIXTURE_CENTRE.lat, lng: FIXTURE_CENTRE.lng });
    expect(res.status).toBe(404);
  });
});
