import { bulletinMonth } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { BulletinController } from '../src/modules/bulletin/bulletin.controller';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { pdfText } from './support/pdf-text';
import { type TestApp, startTestApp } from './test-context';

const monthOf = (d: Date) => {
  const m = bulletinMonth(d);
  return `${m.year}-${String(m.month).padStart(2, '0')}`;
};

describe(BulletinController.name, () => {
  let ctx: TestApp;
  let town: TestTown;
  let other: TestTown;
  let staff: TestUser;
  let otherStaff: TestUser;
  let resident: TestUser;
  const eventStart = new Date(Date.now() + 2 * 3600_000);

  const api = () => request(ctx.url);
  const as = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const bulletin = (u: TestUser | null, slug: string, month?: string) => {
    const req = api()
      .get(`/api/v1/municipalities/${slug}/bulletin.pdf`)
      .query(month ? { month } : {})
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return u ? req.set(as(u)) : req;
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    town = await createTown(ctx.ds);
    other = await createTown(ctx.ds);
    staff = await registerUser(ctx.url, town, destination(town.centre, 10, 300), 'Agent');
    otherStaff = await registerUser(ctx.url, other, destination(other.centre, 10, 300), 'Autre');
    resident = await registerUser(ctx.url, town, destination(town.centre, 90, 400), 'Voisine');
    await grantRole(ctx.ds, staff.id, town.id, 'staff');
    await grantRole(ctx.ds, otherStaff.id, other.id, 'staff');

    const news = await api()
      .post(`/api/v1/municipalities/${town.slug}/posts`)
      .set(as(staff))
      .send({
        title: 'Collecte des sapins',
        body: 'Déposez votre sapin place de la Mairie.',
        kind: 'news',
      });
    expect(news.status).toBe(201);
    const scheduled = await api()
      .post(`/api/v1/municipalities/${town.slug}/posts`)
      .set(as(staff))
      .send({
        title: 'Annonce pas encore publiée',
        body: 'Elle attend son heure.',
        kind: 'announcement',
        publishAt: new Date(Date.now() + 3 * 24 * 3600_000).toISOString(),
      });
    expect(scheduled.status).toBe(201);
    const event = await api()
      .post(`/api/v1/municipalities/${town.slug}/events`)
      .set(as(staff))
      .send({
        title: 'Atelier vélo',
        description: 'Réparez votre vélo avec les bénévoles.',
        startsAt: eventStart.toISOString(),
        endsAt: new Date(eventStart.getTime() + 2 * 3600_000).toISOString(),
        place: {
          name: 'Halle du marché',
          address: '2 place du Marché',
          location: destination(town.centre, 0, 200),
        },
      });
    expect(event.status).toBe(201);
    await ctx.ds.query(
      `UPDATE organisations SET opening_hours = $2, address = '1 place de la Mairie'
        WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [town.id, JSON.stringify({ monday: [{ opens: '09:00', closes: '12:00' }] })],
    );
    await ctx.ds.query(
      `INSERT INTO library_settings (organisation_id, slots, closures)
       SELECT id, $2, '[]' FROM organisations WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [town.id, JSON.stringify([{ weekday: 3, opens: '14:00', closes: '18:00' }])],
    );
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it("should print the month's events, its published news, the library and the town hall hours", async () => {
    const res = await bulletin(staff, town.slug, monthOf(eventStart));
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toContain(
      `bulletin-${town.slug}-${monthOf(eventStart)}.pdf`,
    );
    const { text, pages } = await pdfText(res.body as Buffer);
    expect(pages).toBeLessThanOrEqual(2);
    expect(text).toContain('Atelier vélo');
    expect(text).toContain('Halle du marché, 2 place du Marché');
    expect(text).toContain('Mercredi : 14 h – 18 h');
    expect(text).toContain('Lundi : 9 h – 12 h');
    expect(text).toContain('1 place de la Mairie');
    expect(text).not.toContain('Annonce pas encore publiée');

    const now = await bulletin(staff, town.slug, monthOf(new Date()));
    expect((await pdfText(now.body as Buffer)).text).toContain('Collecte des sapins');
  });

  it('should say when a month has no events', async () => {
    const res = await bulletin(staff, town.slug, '2020-02');
    expect(res.status).toBe(200);
    const { text } = await pdfText(res.body as Buffer);
    expect(text).toContain('Aucun événement annoncé ce mois-ci.');
    expect(text).not.toContain('Atelier vélo');
  });

  it('should be for that town staff only', async () => {
    expect((await bulletin(resident, town.slug)).status).toBe(403);
    expect((await bulletin(otherStaff, town.slug)).status).toBe(403);
    expect((await bulletin(null, town.slug)).status).toBe(401);
    expect((await bulletin(staff, 'no-such-town')).status).toBe(404);
  });

  it('should refuse a malformed month with the field named', async () => {
    const res = await api()
      .get(`/api/v1/municipalities/${town.slug}/bulletin.pdf?month=2026-13`)
      .set(as(staff));
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('VALIDATION_FAILED');
    expect(JSON.stringify(res.body.error.details)).toContain('month');
  });
});
