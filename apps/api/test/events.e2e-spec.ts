import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { destination } from '@partagora/geo';
import ical, { type VEvent } from 'node-ical';
import sharp from 'sharp';
import request from 'supertest';
import { WorkerModule } from '../src/worker.module';
import {
  cancelRsvp,
  createEvent,
  eventBody,
  postEvent,
  registerOrganisation,
  rsvp,
  verifyOrganisation,
} from './factories/events';
import { eventually } from './factories/reviews';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const HOUR = 3_600_000;

describe('events', () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let near: TestTown;
  let far: TestTown;
  let staff: TestUser;
  let nearStaff: TestUser;
  let shopkeeper: TestUser;
  const residents: TestUser[] = [];

  const get = (path: string, user?: TestUser) => {
    const r = request(t.url).get(path);
    return user ? r.set('Authorization', `Bearer ${user.token}`) : r;
  };

  beforeAll(async () => {
    t = await startTestApp();
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    // A partner town 8 km away (its events show in this town's agenda) and one 40 km away.
    near = await createTown(t.ds, { centre: destination(town.centre, 90, 8000) });
    far = await createTown(t.ds, { centre: destination(town.centre, 270, 40_000) });
    staff = await registerUser(t.url, town, town.centre, 'Secrétaire de mairie');
    nearStaff = await registerUser(t.url, near, near.centre, 'Agent voisin');
    shopkeeper = await registerUser(t.url, town, destination(town.centre, 0, 300), 'Libraire');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    await grantRole(t.ds, nearStaff.id, near.id, 'staff');
    for (let i = 0; i < 4; i++)
      residents.push(
        await registerUser(t.url, town, destination(town.centre, i * 90, 700), `Habitant ${i}`),
      );
  }, 60_000);

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  it('should let the town staff publish for the town hall, and nobody else without rights', async () => {
    const res = await postEvent(t.url, staff, town.slug, eventBody(town.centre, { capacity: 20 }));
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      title: 'Vide-grenier de printemps',
      capacity: 20,
      going: 0,
      waiting: 0,
      organiser: { type: 'organisation', name: expect.stringMatching(/^Mairie de /) },
      place: { name: 'Place du Marché', address: '1 place du Marché', location: town.centre },
      partner: null,
      cancelledAt: null,
      canManage: true,
    });
    const [hall] = await t.ds.query(
      `SELECT id FROM organisations WHERE municipality_id = $1 AND kind = 'town_hall'`,
      [town.id],
    );
    expect(res.body.organiser.id).toBe(hall.id);

    // A resident, and the staff of another town, cannot publish here.
    for (const who of [residents[0]!, nearStaff]) {
      const denied = await postEvent(t.url, who, town.slug, eventBody(town.centre));
      expect(denied.status).toBe(403);
      expect(denied.body.error.code).toBe('FORBIDDEN');
    }
    // Staff cannot borrow another town's organisation either.
    const theirs = await registerOrganisation(t.url, nearStaff, near, { name: 'Club voisin' });
    await verifyOrganisation(t.url, nearStaff, theirs);
    const borrowed = await postEvent(
      t.url,
      staff,
      town.slug,
      eventBody(town.centre, { organisationId: theirs }),
    );
    expect(borrowed.status).toBe(404);
    // Bad input is a 400, never a 500.
    const reversed = await postEvent(
      t.url,
      staff,
      town.slug,
      eventBody(town.centre, { endsAt: new Date(Date.now() + HOUR).toISOString() }),
    );
    expect(reversed.status).toBe(400);
    const past = await postEvent(t.url, staff, town.slug, eventBody(town.centre, {}, -48));
    expect(past.status).toBe(400);
    expect(past.body.error.details[0].path).toBe('startsAt');
  });

  it('should let an admin of a verified organisation publish, and refuse a pending one (403)', async () => {
    const shop = await registerOrganisation(t.url, shopkeeper, town, {
      name: 'Librairie Le Chapitre',
    });
    const pending = await postEvent(
      t.url,
      shopkeeper,
      town.slug,
      eventBody(town.centre, { organisationId: shop, title: 'Dédicace' }),
    );
    expect(pending.status).toBe(403);
    expect(pending.body.error.code).toBe('ORGANISATION_NOT_VERIFIED');
    // A member who is not its admin cannot publish for it either.
    const notAdmin = await postEvent(
      t.url,
      residents[0]!,
      town.slug,
      eventBody(town.centre, { organisationId: shop }),
    );
    expect(notAdmin.status).toBe(404);

    await verifyOrganisation(t.url, staff, shop);
    const ok = await postEvent(
      t.url,
      shopkeeper,
      town.slug,
      eventBody(town.centre, { organisationId: shop, title: 'Dédicace' }),
    );
    expect(ok.status).toBe(201);
    expect(ok.body.organiser).toEqual({
      type: 'organisation',
      id: shop,
      name: 'Librairie Le Chapitre',
    });
    // Staff are not the shop's organisers: no attendees, no edits.
    await get(`/api/v1/events/${ok.body.id}/attendees`, staff).expect(403);
    const list = await get(
      `/api/v1/municipalities/${town.slug}/events?organisationId=${shop}`,
    ).expect(200);
    expect(list.body.items.map((e: { id: string }) => e.id)).toEqual([ok.body.id]);
  });

  it('should keep a waiting list in order, promote the first on a cancellation and notify them', async () => {
    const id = await createEvent(t.url, staff, town, { capacity: 2, title: 'Atelier compost' });
    const [a, b, c, d] = residents as [TestUser, TestUser, TestUser, TestUser];
    const answers = [];
    for (const who of [a, b, c, d]) answers.push((await rsvp(t.url, who, id)).body);
    expect(answers).toEqual([
      { status: 'going', position: null },
      { status: 'going', position: null },
      { status: 'waiting', position: 1 },
      { status: 'waiting', position: 2 },
    ]);
    // Answering twice changes nothing.
    expect((await rsvp(t.url, c, id)).body).toEqual({ status: 'waiting', position: 1 });

    const seen = await get(`/api/v1/events/${id}`, d).expect(200);
    expect(seen.body).toMatchObject({
      going: 2,
      waiting: 2,
      capacity: 2,
      myRsvp: { status: 'waiting', position: 2 },
      canManage: false,
    });
    expect((await get(`/api/v1/events/${id}`).expect(200)).body.myRsvp).toBeNull();

    await cancelRsvp(t.url, a, id).expect(204);
    expect((await get(`/api/v1/events/${id}`, c)).body.myRsvp).toEqual({
      status: 'going',
      position: null,
    });
    expect((await get(`/api/v1/events/${id}`, d)).body.myRsvp).toEqual({
      status: 'waiting',
      position: 1,
    });
    // A waiting member leaving promotes nobody.
    await cancelRsvp(t.url, d, id).expect(204);
    await cancelRsvp(t.url, d, id).expect(204);
    const after = await get(`/api/v1/events/${id}`).expect(200);
    expect(after.body).toMatchObject({ going: 2, waiting: 0 });

    const notified = await eventually('event_waitlist_promoted', async () => {
      const rows = await t.ds.query<Array<{ user_id: string; data: Record<string, unknown> }>>(
        `SELECT user_id, data FROM notifications WHERE kind = 'event_waitlist_promoted' AND data->>'eventId' = $1`,
        [id],
      );
      return rows.length > 0 ? rows : null;
    });
    expect(notified).toEqual([
      {
        user_id: c.id,
        data: expect.objectContaining({ eventId: id, eventTitle: 'Atelier compost' }),
      },
    ]);
    // Never an address in a notification.
    expect(JSON.stringify(notified)).not.toContain('1 place du Marché');

    const attendees = await get(`/api/v1/events/${id}/attendees`, staff).expect(200);
    expect(
      attendees.body.items.map((x: { userId: string; status: string }) => [x.userId, x.status]),
    ).toEqual([
      [b.id, 'going'],
      [c.id, 'going'],
    ]);
    const denied = await get(`/api/v1/events/${id}/attendees`, b);
    expect(denied.status).toBe(403);
  });

  it('should refuse answers on a cancelled event, and let only organisers cancel or edit', async () => {
    const id = await createEvent(t.url, staff, town, { title: 'Concert annulé' });
    await request(t.url)
      .post(`/api/v1/events/${id}/cancel`)
      .set('Authorization', `Bearer ${residents[0]!.token}`)
      .expect(403);
    await request(t.url)
      .patch(`/api/v1/events/${id}`)
      .set('Authorization', `Bearer ${residents[0]!.token}`)
      .send({ title: 'Piraté' })
      .expect(403);
    const edited = await request(t.url)
      .patch(`/api/v1/events/${id}`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send({ title: 'Concert de Noël' });
    expect(edited.status).toBe(200);
    expect(edited.body.title).toBe('Concert de Noël');
    const cancelled = await request(t.url)
      .post(`/api/v1/events/${id}/cancel`)
      .set('Authorization', `Bearer ${staff.token}`);
    expect(cancelled.status).toBe(200);
    expect(cancelled.body.cancelledAt).toEqual(expect.any(String));
    const res = await rsvp(t.url, residents[1]!, id);
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('EVENT_CLOSED');
    const agenda = await get(`/api/v1/municipalities/${town.slug}/events?limit=100`);
    expect(agenda.body.items.map((e: { id: string }) => e.id)).not.toContain(id);
  });

  it('should list the agenda upcoming first with nearby partner towns marked, and page it', async () => {
    const slug = town.slug;
    const soon = await createEvent(t.url, staff, town, { title: 'Marché de nuit' }, 5);
    const later = await createEvent(t.url, staff, town, { title: 'Bal du 14 juillet' }, 24 * 20);
    const nearby = await createEvent(
      t.url,
      nearStaff,
      near,
      {
        title: 'Fête du village voisin',
        place: { name: 'Salle des fêtes', address: '2 rue Haute', location: near.centre },
      },
      30,
    );
    const farStaff = await registerUser(t.url, far, far.centre, 'Agent lointain');
    await grantRole(t.ds, farStaff.id, far.id, 'staff');
    const distant = await createEvent(
      t.url,
      farStaff,
      far,
      {
        title: 'Trop loin',
        place: { name: 'Halle', address: '9 rue Basse', location: far.centre },
      },
      30,
    );
    const res = await get(`/api/v1/municipalities/${slug}/events?limit=100`).expect(200);
    const items = res.body.items as Array<{ id: string; startsAt: string; partner: unknown }>;
    const ids = items.map((e) => e.id);
    expect(ids).toEqual(expect.arrayContaining([soon, later, nearby]));
    expect(ids).not.toContain(distant);
    const starts = items.map((e) => e.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(items.find((e) => e.id === nearby)!.partner).toEqual({
      slug: near.slug,
      name: expect.any(String),
    });
    expect(items.find((e) => e.id === soon)!.partner).toBeNull();
    // The partner town's own agenda shows it as its own.
    const theirs = await get(`/api/v1/municipalities/${near.slug}/events?limit=100`);
    expect(theirs.body.items.find((e: { id: string }) => e.id === nearby).partner).toBeNull();

    const window = await get(
      `/api/v1/municipalities/${slug}/events?from=${encodeURIComponent(new Date(Date.now() + 24 * 19 * HOUR).toISOString())}`,
    );
    expect(window.body.items.map((e: { id: string }) => e.id)).toEqual([later]);
    const until = await get(
      `/api/v1/municipalities/${slug}/events?to=${encodeURIComponent(new Date(Date.now() + 10 * HOUR).toISOString())}`,
    );
    expect(until.body.items.map((e: { id: string }) => e.id)).toEqual([soon]);

    const paged: string[] = [];
    let cursor: string | null = null;
    for (let i = 0; i < 30; i++) {
      const page: request.Response = await get(
        `/api/v1/municipalities/${slug}/events?limit=2${cursor ? `&cursor=${cursor}` : ''}`,
      ).expect(200);
      paged.push(...page.body.items.map((e: { id: string }) => e.id));
      cursor = page.body.nextCursor;
      if (!cursor) break;
    }
    expect(paged).toEqual(ids);
    await get(`/api/v1/municipalities/${slug}/events?from=yesterday`).expect(400);
    await get(`/api/v1/municipalities/nowhere/events`).expect(404);
  });

  it('should serve RFC 5545 feeds that an independent parser reads back', async () => {
    const id = await createEvent(t.url, staff, town, {
      title: 'Conseil municipal',
      description: 'Ordre du jour : budget ; travaux, voirie',
      place: { name: 'Salle du conseil', address: '1 place de la Mairie', location: town.centre },
    });
    const one = await get(`/api/v1/events/${id}.ics`).expect(200);
    expect(one.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const parsed = Object.values(ical.sync.parseICS(one.text)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(parsed).toHaveLength(1);
    const ev = parsed[0]!;
    const event = (await get(`/api/v1/events/${id}`)).body;
    expect(ev.uid).toBe(`${id}@partagora`);
    expect(ev.summary).toBe('Conseil municipal');
    expect(ev.description).toBe('Ordre du jour : budget ; travaux, voirie');
    // iCal keeps whole seconds.
    const toSecond = (iso: string) => iso.replace(/\.\d{3}Z$/, '.000Z');
    expect(new Date(ev.start).toISOString()).toBe(toSecond(event.startsAt));
    expect(new Date(ev.end!).toISOString()).toBe(toSecond(event.endsAt));
    expect(ev.location).toContain('Salle du conseil');
    expect(ev.geo).toEqual({ lat: town.centre.lat, lon: town.centre.lng });
    // node-ical keeps the VALUE=URI parameter ical-generator writes.
    const url = ev.url as unknown as string | { val: string };
    expect(typeof url === 'string' ? url : url.val).toBe(`${t.config.publicUrl}/events/${id}`);
    expect(one.text).toMatch(/^DTSTAMP:\d{8}T\d{6}Z\r$/m);
    // Stable: the same UID and DTSTAMP when fetched again.
    const again = await get(`/api/v1/events/${id}.ics`).expect(200);
    expect(again.text).toBe(one.text);

    const feed = await get(`/api/v1/municipalities/${town.slug}/events.ics`).expect(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    const all = Object.values(ical.sync.parseICS(feed.text)).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    const agenda = (await get(`/api/v1/municipalities/${town.slug}/events?limit=100`)).body.items;
    expect(all.map((e) => e.uid).sort()).toEqual(
      agenda.map((e: { id: string }) => `${e.id}@partagora`).sort(),
    );
    expect(all.map((e) => e.summary)).toEqual(expect.arrayContaining(['Conseil municipal']));

    await get(`/api/v1/events/not-a-uuid.ics`).expect(404);
    await get(`/api/v1/events/not-a-uuid`).expect(404);
    await get(`/api/v1/events/00000000-0000-4000-8000-000000000000.ics`).expect(404);
    await get(`/api/v1/municipalities/nowhere/events.ics`).expect(404);
  });
  it("should take the event's picture through the photo pipeline, for its organisers only", async () => {
    const id = await createEvent(t.url, staff, town, { title: 'Concert au kiosque' });
    const png = await sharp({
      create: { width: 64, height: 48, channels: 3, background: { r: 20, g: 140, b: 90 } },
    })
      .withExif({ IFD0: { Copyright: 'secret-exif' } })
      .png()
      .toBuffer();
    const upload = (who: TestUser, body: Buffer = png) =>
      request(t.url)
        .post(`/api/v1/events/${id}/image`)
        .set('Authorization', `Bearer ${who.token}`)
        .attach('photo', body, 'affiche.png');
    for (const who of [residents[0]!, nearStaff]) {
      const denied = await upload(who);
      expect({ status: denied.status, code: denied.body.error.code }).toEqual({
        status: 403,
        code: 'FORBIDDEN',
      });
    }
    const res = await upload(staff);
    expect(res.status).toBe(201);
    expect(res.body.url).toMatch(/^\/api\/v1\/photos\/[0-9a-f-]+\/full\.webp$/);
    const file = await get(res.body.url).expect(200);
    expect(file.headers['content-type']).toBe('image/webp');
    expect(file.body.toString('latin1')).not.toContain('secret-exif');
    const view = await get(`/api/v1/events/${id}`).expect(200);
    expect(view.body.image).toEqual(res.body);
    // A new picture replaces the old one, whose files are gone.
    const again = await upload(staff);
    expect(again.status).toBe(201);
    expect(again.body.id).not.toBe(res.body.id);
    await get(res.body.url).expect(404);
    expect((await get(`/api/v1/events/${id}`)).body.image.id).toBe(again.body.id);
    expect((await upload(staff, Buffer.from('not an image at all'))).status).toBe(415);
    const none = await request(t.url)
      .post(`/api/v1/events/${id}/image`)
      .set('Authorization', `Bearer ${staff.token}`);
    expect(none.status).toBeGreaterThanOrEqual(400);
    expect(none.status).toBeLessThan(500);
  });
});
