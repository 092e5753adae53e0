import { gridCellId } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { OpenDataController } from '../src/modules/open-data/open-data.controller';
import { createEvent, rsvp } from './factories/events';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { parseCsv } from './support/csv';
import { completedTimes, listingAt } from './support/town-history';
import { type TestApp, startTestApp } from './test-context';

interface Feature {
  type: string;
  geometry: { type: string; coordinates: number[][][] };
  properties: Record<string, unknown>;
}

describe(OpenDataController.name, () => {
  let ctx: TestApp;
  let town: TestTown;
  let staff: TestUser;
  let attendee: TestUser;
  let upcoming: string;
  let past: string;
  const five = () => ({ lat: town.centre.lat + 0.0031, lng: town.centre.lng - 0.0012 });
  const four = () => destination(town.centre, 180, 3500);
  const base = () => `/api/v1/municipalities/${town.slug}/open-data`;

  beforeAll(async () => {
    ctx = await startTestApp();
    town = await createTown(ctx.ds);
    staff = await registerUser(ctx.url, town, destination(town.centre, 300, 700), 'Agent');
    await grantRole(ctx.ds, staff.id, town.id, 'staff');
    const owner = await registerUser(ctx.url, town, destination(town.centre, 30, 600), 'Owner');
    const borrower = await registerUser(
      ctx.url,
      town,
      destination(town.centre, 120, 800),
      'Borrower',
    );
    const at5 = await listingAt(ctx.ds, town.id, owner.id, 'lend', 'tools', five());
    const at4 = await listingAt(ctx.ds, town.id, owner.id, 'lend', 'tools', four());
    const kitchen = await listingAt(ctx.ds, town.id, owner.id, 'give', 'kitchen', five());
    const books = await listingAt(ctx.ds, town.id, owner.id, 'give', 'books-media', five());
    const e = (listingId: string, kind: 'loan' | 'gift') => ({
      kind,
      listingId,
      ownerId: owner.id,
      requesterId: borrower.id,
    });
    // The same month, kind and category: a cell of five loans and a cell of four.
    await completedTimes(ctx.ds, 5, e(at5, 'loan'), new Date('2026-06-02T12:00:00Z'));
    await completedTimes(ctx.ds, 4, e(at4, 'loan'), new Date('2026-06-03T12:00:00Z'));
    // Five gifts in the first cell, but of two categories: two rows of 3 and 2, both left out.
    await completedTimes(ctx.ds, 3, e(kitchen, 'gift'), new Date('2026-06-10T12:00:00Z'));
    await completedTimes(ctx.ds, 2, e(books, 'gift'), new Date('2026-06-10T12:00:00Z'));
    const initiative = {
      name: 'Jardin "Les Pousses", bords de Rance',
      practice: 'shared-garden',
      description: 'Ouvert le mercredi,\nle samedi aussi — café offert',
      location: destination(town.centre, 10, 900),
    };
    const made = await request(ctx.url)
      .post(`/api/v1/municipalities/${town.slug}/initiatives`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send(initiative);
    expect(made.status).toBe(201);
    // An upcoming event (answered by a resident) and a past one, moved back in time.
    upcoming = await createEvent(ctx.url, staff, town, {
      title: 'Atelier "vélo", réparations',
      capacity: 10,
    });
    attendee = owner;
    expect((await rsvp(ctx.url, owner, upcoming)).body.status).toBe('going');
    past = await createEvent(ctx.url, staff, town, { title: 'Bal du 14 juillet' });
    await ctx.ds.query(
      `UPDATE events SET starts_at = now() - interval '10 days', ends_at = now() - interval '10 days' + interval '2 hours'
        WHERE id = $1`,
      [past],
    );
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('should describe every dataset, every field and the licence, without an account', async () => {
    const res = await request(ctx.url).get(base());
    expect(res.status).toBe(200);
    expect(res.headers['access-control-allow-origin']).toBe('*');
    expect(res.body.licence).toMatchObject({
      spdx: 'etalab-2.0',
      name: expect.stringContaining('Licence Ouverte'),
    });
    expect(res.body.minimumCount).toBe(5);
    const ids = (res.body.datasets as Array<{ id: string }>).map((d) => d.id);
    expect(ids).toEqual(expect.arrayContaining(['events', 'exchanges', 'initiatives']));
    const files = (
      res.body.datasets as Array<{ files: Array<{ name: string; url: string }> }>
    ).flatMap((d) => d.files);
    expect(files.map((f) => f.name)).toEqual(
      expect.arrayContaining([
        'exchanges.csv',
        'exchanges.geojson',
        'initiatives.csv',
        'initiatives.json',
        'events.csv',
        'events.json',
      ]),
    );
    for (const f of files)
      expect(f.url).toMatch(new RegExp(`/open-data/${f.name.replace('.', '\\.')}$`));
    for (const d of res.body.datasets as Array<{
      fields: Array<{ name: string; description: { fr: string; en: string } }>;
    }>) {
      for (const field of d.fields) {
        expect(field.description.fr.length).toBeGreaterThan(1);
        expect(field.description.en.length).toBeGreaterThan(1);
      }
    }
  });

  it('should publish the cell of five exchanges and leave out the cell of four (CSV)', async () => {
    const res = await request(ctx.url).get(`${base()}/exchanges.csv`).buffer(true);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="${town.slug}-exchanges.csv"`,
    );
    const rows = parseCsv(res.text);
    const catalogue = await request(ctx.url).get(base());
    const fields = catalogue.body.datasets
      .find((d: { id: string }) => d.id === 'exchanges')
      .fields.map((f: { name: string }) => f.name);
    expect(rows[0]).toEqual(fields);
    const data = rows
      .slice(1)
      .map((r) => Object.fromEntries(fields.map((f: string, i: number) => [f, r[i]])));
    expect(data).toEqual([
      expect.objectContaining({
        month: '2026-06',
        kind: 'loan',
        category: 'tools',
        cell_id: gridCellId(five()),
        exchanges: '5',
      }),
    ]);
    expect(res.text).not.toContain(gridCellId(four()));
    expect(res.text).not.toContain('kitchen');
  });

  it('should serve the same rows as valid GeoJSON grid-cell polygons', async () => {
    const res = await request(ctx.url)
      .get(`${base()}/exchanges.geojson`)
      .buffer(true)
      .parse((r, cb) => {
        let text = '';
        r.setEncoding('utf8');
        r.on('data', (c: string) => (text += c));
        r.on('end', () => cb(null, text));
      });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const doc = JSON.parse(res.body as string) as { type: string; features: Feature[] };
    expect(doc.type).toBe('FeatureCollection');
    expect(doc.features).toHaveLength(1);
    const [f] = doc.features;
    expect(f!.type).toBe('Feature');
    expect(f!.properties).toEqual({
      month: '2026-06',
      kind: 'loan',
      category: 'tools',
      cell_id: gridCellId(five()),
      exchanges: 5,
    });
    const ring = f!.geometry.coordinates[0]!;
    expect(f!.geometry.type).toBe('Polygon');
    expect(ring.length).toBe(5);
    expect(ring[0]).toEqual(ring[4]);
    const [{ valid, covers }] = await ctx.ds.query<[{ valid: boolean; covers: boolean }]>(
      `SELECT ST_IsValid(g) AS valid, ST_Covers(g, ST_SetSRID(ST_MakePoint($2, $3), 4326)) AS covers
         FROM (SELECT ST_SetSRID(ST_GeomFromGeoJSON($1), 4326) AS g) x`,
      [JSON.stringify(f!.geometry), five().lng, five().lat],
    );
    expect({ valid, covers }).toEqual({ valid: true, covers: true });
    // RFC 7946: the exterior ring is counter-clockwise (positive signed area).
    let area = 0;
    for (let i = 0; i < ring.length - 1; i++)
      area += ring[i]![0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * ring[i]![1]!;
    expect(area).toBeGreaterThan(0);
  });

  it('should publish the initiatives as RFC 4180 CSV in UTF-8, and as JSON', async () => {
    const csv = await request(ctx.url).get(`${base()}/initiatives.csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-disposition']).toBe(
      `attachment; filename="${town.slug}-initiatives.csv"`,
    );
    const rows = parseCsv(csv.text);
    expect(rows).toHaveLength(2);
    const header = rows[0]!;
    const row = Object.fromEntries(header.map((h, i) => [h, rows[1]![i]]));
    expect(row).toMatchObject({
      name: 'Jardin "Les Pousses", bords de Rance',
      practice: 'shared-garden',
      practice_label_fr: 'Jardin partagé, agriculture urbaine',
      description: 'Ouvert le mercredi,\nle samedi aussi — café offert',
    });
    const json = await request(ctx.url).get(`${base()}/initiatives.json`);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(JSON.parse(json.text).items[0].name).toBe('Jardin "Les Pousses", bords de Rance');
  });

  it("should publish the town's upcoming and past events as CSV and JSON, counts only", async () => {
    const csv = await request(ctx.url).get(`${base()}/events.csv`).buffer(true);
    expect(csv.status).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const rows = parseCsv(csv.text);
    const catalogue = await request(ctx.url).get(base());
    const fields = catalogue.body.datasets
      .find((d: { id: string }) => d.id === 'events')
      .fields.map((f: { name: string }) => f.name);
    expect(rows[0]).toEqual(fields);
    const data = rows
      .slice(1)
      .map((r) => Object.fromEntries(fields.map((f: string, i: number) => [f, r[i]])));
    expect(data).toEqual([
      expect.objectContaining({ id: past, title: 'Bal du 14 juillet', going: '0' }),
      expect.objectContaining({
        id: upcoming,
        title: 'Atelier "vélo", réparations',
        place_name: 'Place du Marché',
        capacity: '10',
        going: '1',
        waiting: '0',
        organiser_name: expect.stringMatching(/^Mairie de /),
        cancelled_at: '',
      }),
    ]);
    const json = await request(ctx.url).get(`${base()}/events.json`);
    expect(json.status).toBe(200);
    expect(json.headers['content-type']).toBe('application/json; charset=utf-8');
    const items = JSON.parse(json.text).items as Array<Record<string, unknown>>;
    expect(items.map((i) => i.id)).toEqual([past, upcoming]);
    expect(items[1]).toMatchObject({
      going: 1,
      place: { name: 'Place du Marché', location: town.centre },
    });
    for (const text of [csv.text, json.text]) {
      expect(text).not.toContain(attendee.id);
      expect(text).not.toContain(staff.id);
    }
  });

  it('should answer 404 for an unknown file or town', async () => {
    const file = await request(ctx.url).get(`${base()}/passwords.csv`);
    expect({ status: file.status, code: file.body.error.code }).toEqual({
      status: 404,
      code: 'NOT_FOUND',
    });
    const none = await request(ctx.url).get(
      '/api/v1/municipalities/nowhere/open-data/exchanges.csv',
    );
    expect(none.status).toBe(404);
  });
});
