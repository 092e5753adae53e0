import type { INestApplicationContext } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { type LibraryHours, openingsBetween, parisInstant } from '@partagora/domain';
import { destination } from '@partagora/geo';
import sharp from 'sharp';
import request from 'supertest';
import { LibraryService } from '../src/modules/library/library.service';
import { WorkerModule } from '../src/worker.module';
import { requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const DAY = 86_400_000;

/** Wednesday 14–18 and Saturday 10–12, Paris time. */
const HOURS: LibraryHours = {
  slots: [
    { weekday: 3, opens: '14:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '12:00' },
  ],
  closures: [],
};

describe(LibraryService.name, () => {
  let t: TestApp;
  let worker: INestApplicationContext;
  let town: TestTown;
  let staff: TestUser;
  let borrower: TestUser;
  let other: TestUser;
  let waiting: TestUser;
  let orgId: string;
  const orgPlace = { lat: 0, lng: 0 };
  /** The next openings, in order: Wednesdays and Saturdays. */
  let openings: Array<{ start: Date; end: Date }>;

  const auth = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const at = (d: Date, minutes: number) => new Date(d.getTime() + minutes * 60_000).toISOString();

  beforeAll(async () => {
    t = await startTestApp({ REMINDER_SWEEP_MS: '300' });
    worker = await NestFactory.createApplicationContext(WorkerModule, { logger: ['error'] });
    town = await createTown(t.ds);
    staff = await registerUser(t.url, town, town.centre, 'Agent Mairie');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    borrower = await registerUser(t.url, town, destination(town.centre, 90, 700), 'Louise');
    other = await registerUser(t.url, town, destination(town.centre, 180, 700), 'Marc');
    waiting = await registerUser(t.url, town, destination(town.centre, 270, 700), 'Nadia');
    const place = destination(town.centre, 45, 300);
    Object.assign(orgPlace, place);
    const [rows] = await t.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE organisations SET address = '1 place de la Mairie', location = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography
        WHERE municipality_id = $1 AND kind = 'town_hall' RETURNING id`,
      [town.id, place.lng, place.lat],
    );
    orgId = rows[0]!.id;
    await request(t.url)
      .put(`/api/v1/organisations/${orgId}/library`)
      .set(auth(staff))
      .send(HOURS)
      .expect(200);
    // From tomorrow on, so that no opening has already begun.
    openings = openingsBetween(HOURS, new Date(Date.now() + DAY), new Date(Date.now() + 60 * DAY));
  });

  afterAll(async () => {
    await worker?.close();
    await t?.close();
  });

  async function libraryItem(title: string, loan: Record<string, unknown> = {}): Promise<string> {
    const res = await request(t.url)
      .post('/api/v1/listings')
      .set(auth(staff))
      .send({
        kind: 'lend',
        category: 'tools',
        title,
        organisationId: orgId,
        loanSettings: {
          autoAccept: true,
          maxDays: 7,
          bufferHours: 2,
          depositNote: 'Chèque de 50 €',
          ...loan,
        },
      });
    expect(res.status).toBe(201);
    return res.body.id as string;
  }

  async function statusOf(id: string): Promise<string> {
    const rows = await t.ds.query<Array<{ status: string }>>(
      `SELECT status FROM exchanges WHERE id = $1`,
      [id],
    );
    return rows[0]!.status;
  }

  it('should create items for the organisation only by its staff, at its public address', async () => {
    const id = await libraryItem('Perceuse à percussion');
    const res = await request(t.url).get(`/api/v1/listings/${id}`).set(auth(borrower)).expect(200);
    expect(res.body.owner).toEqual({
      type: 'organisation',
      id: orgId,
      displayName: expect.stringContaining('Mairie'),
    });
    // No blur: an organisation's place is public.
    expect(res.body.approxLocation.lat).toBeCloseTo(orgPlace.lat, 6);
    expect(res.body.approxLocation.lng).toBeCloseTo(orgPlace.lng, 6);
    expect(res.body.loanSettings.autoAccept).toBe(true);

    const refused = await request(t.url)
      .post('/api/v1/listings')
      .set(auth(borrower))
      .send({ kind: 'lend', category: 'tools', title: 'Pas à moi', organisationId: orgId });
    expect(refused.status).toBe(403);
    // A resident's own listing still cannot auto-accept.
    const resident = await request(t.url)
      .post('/api/v1/listings')
      .set(auth(borrower))
      .send({
        kind: 'lend',
        category: 'tools',
        title: 'Ma scie',
        loanSettings: { autoAccept: true },
      });
    expect(resident.status).toBe(422);
    expect(resident.body.error.code).toBe('AUTO_ACCEPT_NOT_ALLOWED');
  });

  it('should auto-accept a booking within opening slots and refuse an overlapping one with 409', async () => {
    const id = await libraryItem('Scie sauteuse');
    const [wed, sat] = [openings[0]!, openings[1]!];
    const booked = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 30),
      end: at(sat.start, 30),
    });
    expect(booked.status).toBe(201);
    expect(booked.body).toMatchObject({ status: 'accepted', ownerOrganisationId: orgId });
    expect(booked.body.ownerName).toContain('Mairie');
    expect(booked.body.meetingPoint.lat).toBeCloseTo(orgPlace.lat, 6);
    expect(booked.body.meetingPoint.lng).toBeCloseTo(orgPlace.lng, 6);

    const clash = await requestExchange(t.url, other, id, {
      start: at(wed.start, 45),
      end: at(wed.start, 100),
    });
    expect(clash.status).toBe(409);
    expect(clash.body.error.code).toBe('BOOKING_OVERLAP');
  });

  it('should refuse a pick-up or return outside the opening slots, or on a closure date, with 422', async () => {
    const id = await libraryItem('Échelle');
    const wed = openings.find((o) => o.start.getUTCDay() === 3)!;
    const early = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, -60), // 13:00, before opening
      end: at(wed.start, 120),
    });
    expect(early.status).toBe(422);
    expect(early.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
    expect(early.body.error.details).toEqual([{ path: 'start', message: expect.any(String) }]);

    const late = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 30),
      end: at(wed.end, 30), // 18:30
    });
    expect(late.status).toBe(422);
    expect(late.body.error.details[0].path).toBe('end');

    const day = wed.start.toISOString().slice(0, 10);
    await request(t.url)
      .put(`/api/v1/organisations/${orgId}/library`)
      .set(auth(staff))
      .send({ ...HOURS, closures: [day] })
      .expect(200);
    const closed = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 30),
      end: at(wed.start, 120),
    });
    expect(closed.status).toBe(422);
    expect(closed.body.error.code).toBe('OUTSIDE_OPENING_HOURS');
    await request(t.url)
      .put(`/api/v1/organisations/${orgId}/library`)
      .set(auth(staff))
      .send(HOURS)
      .expect(200);
    const ok = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 30),
      end: at(wed.start, 120),
    });
    expect(ok.status).toBe(201);
  });

  it('should keep the buffer after a loan free of other loans', async () => {
    const id = await libraryItem('Nettoyeur haute pression', { bufferHours: 72 });
    const wedIdx = openings.findIndex((o) => o.start.getUTCDay() === 3);
    const wed = openings[wedIdx]!;
    const sat = openings[wedIdx + 1]!;
    const first = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 15),
      end: at(wed.start, 60),
    });
    expect(first.status).toBe(201);
    // Saturday morning is within the 72 h buffer after Wednesday 15:00.
    const inBuffer = await requestExchange(t.url, other, id, {
      start: at(sat.start, 15),
      end: at(sat.start, 90),
    });
    expect(inBuffer.status).toBe(409);
    expect(inBuffer.body.error.code).toBe('BOOKING_OVERLAP');
    const nextWed = openings[wedIdx + 2]!;
    const after = await requestExchange(t.url, other, id, {
      start: at(nextWed.start, 15),
      end: at(nextWed.start, 90),
    });
    expect(after.status).toBe(201);
  });

  it('should show the day at the desk, check out and in with the condition, mark late loans overdue and tell the waiting list', async () => {
    const id = await libraryItem('Tondeuse');
    const wed = openings.find((o) => o.start.getUTCDay() === 3)!;
    const booked = await requestExchange(t.url, borrower, id, {
      start: at(wed.start, 30),
      end: at(wed.start, 180),
    });
    expect(booked.status).toBe(201);
    const exchangeId = booked.body.id as string;

    // Waiting list: members only, not the desk's business; a second join is the same entry.
    const joined = await request(t.url).post(`/api/v1/listings/${id}/waitlist`).set(auth(waiting));
    expect(joined.status).toBe(201);
    expect(joined.body).toMatchObject({ listingId: id, joined: true, position: 1, size: 1 });
    await request(t.url).post(`/api/v1/listings/${id}/waitlist`).set(auth(waiting)).expect(201);
    await request(t.url).post(`/api/v1/listings/${id}/waitlist`).set(auth(other)).expect(201);
    await request(t.url).delete(`/api/v1/listings/${id}/waitlist`).set(auth(other)).expect(204);

    const date = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris' }).format(wed.start);
    const desk = await request(t.url)
      .get(`/api/v1/organisations/${orgId}/desk?date=${date}`)
      .set(auth(staff))
      .expect(200);
    const pickup = desk.body.pickups.find(
      (p: { exchangeId: string }) => p.exchangeId === exchangeId,
    );
    expect(pickup).toMatchObject({
      listingTitle: 'Tondeuse',
      borrower: { id: borrower.id, displayName: 'Louise', assisted: false },
      nextActions: ['checkout'],
      depositNote: 'Chèque de 50 €',
    });
    await request(t.url)
      .get(`/api/v1/organisations/${orgId}/desk?date=${date}`)
      .set(auth(borrower))
      .expect(403);

    const out = await request(t.url)
      .post(`/api/v1/organisations/${orgId}/desk/${exchangeId}/checkout`)
      .set(auth(staff))
      .send({ note: 'Bon état, lame affûtée' });
    expect(out.status).toBe(200);
    expect(out.body).toMatchObject({
      status: 'handed_over',
      condition: { stage: 'checkout', note: 'Bon état, lame affûtée' },
    });
    // A resident is no desk: the same step by another member is not theirs to take.
    const intruder = await request(t.url)
      .post(`/api/v1/organisations/${orgId}/desk/${exchangeId}/checkin`)
      .set(auth(other))
      .send({ note: 'x' });
    expect(intruder.status).toBe(403);

    // The loan ends in the past: the overdue timer (PeriodicSweep + enqueueAt) marks it overdue.
    const start = new Date(Date.now() - 3 * DAY);
    const end = new Date(Date.now() - 60_000);
    await t.ds.query(
      `UPDATE exchanges SET period = tstzrange($2, $3, '[)'), held = tstzrange($2, $4, '[)') WHERE id = $1`,
      [exchangeId, start, end, new Date(end.getTime() + 2 * 3_600_000)],
    );
    const deadline = Date.now() + 15_000;
    while ((await statusOf(exchangeId)) !== 'overdue' && Date.now() < deadline) await sleep(200);
    expect(await statusOf(exchangeId)).toBe('overdue');
    // The borrower is reminded (the worker turns the overdue step into a notification).
    let kinds: string[] = [];
    while (!kinds.includes('exchange_overdue') && Date.now() < deadline + 10_000) {
      await sleep(200);
      const rows = await t.ds.query<Array<{ kind: string }>>(
        `SELECT kind FROM notifications WHERE user_id = $1 AND data->>'exchangeId' = $2`,
        [borrower.id, exchangeId],
      );
      kinds = rows.map((n) => n.kind);
    }
    expect(kinds).toContain('exchange_overdue');

    const today = await request(t.url)
      .get(`/api/v1/organisations/${orgId}/desk`)
      .set(auth(staff))
      .expect(200);
    expect(today.body.overdue.map((e: { exchangeId: string }) => e.exchangeId)).toContain(
      exchangeId,
    );
    const catalogue = await request(t.url)
      .get(`/api/v1/organisations/${orgId}/library/items`)
      .set(auth(waiting))
      .expect(200);
    expect(catalogue.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      availableNow: false,
      waitlist: { size: 1, joined: true },
    });

    const photo = await sharp({
      create: { width: 24, height: 16, channels: 3, background: '#3a6' },
    })
      .png()
      .toBuffer();
    const back = await request(t.url)
      .post(`/api/v1/organisations/${orgId}/desk/${exchangeId}/checkin`)
      .set(auth(staff))
      .field('note', 'Rendue propre, une rayure sur le capot')
      .attach('photo', photo, 'capot.png');
    expect(back.status).toBe(200);
    expect(back.body.status).toBe('returned');
    expect(back.body.condition.photo).toMatchObject({ url: expect.stringContaining('/photos/') });
    const [row] = await t.ds.query(`SELECT returned_late FROM exchanges WHERE id = $1`, [
      exchangeId,
    ]);
    expect(row.returned_late).toBe(true);

    const told = await t.ds.query<Array<{ data: { listingId: string } }>>(
      `SELECT data FROM notifications WHERE user_id = $1 AND kind = 'waitlist_available'`,
      [waiting.id],
    );
    expect(told).toEqual([
      { data: expect.objectContaining({ listingId: id, listingTitle: 'Tondeuse' }) },
    ]);
    const left = await t.ds.query(`SELECT 1 FROM listing_waitlist WHERE listing_id = $1`, [id]);
    expect(left).toEqual([]);
    const again = await request(t.url)
      .get(`/api/v1/organisations/${orgId}/library/items`)
      .set(auth(waiting))
      .expect(200);
    expect(again.body.items.find((i: { id: string }) => i.id === id)).toMatchObject({
      availableNow: true,
    });
  });

  it('should list the town’s libraries with their slots', async () => {
    const res = await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/libraries`)
      .set(auth(borrower))
      .expect(200);
    expect(res.body.items[0]).toMatchObject({
      organisationId: orgId,
      address: '1 place de la Mairie',
      slots: HOURS.slots,
      canManage: false,
      timeZone: 'Europe/Paris',
    });
    expect(parisInstant('2026-07-01', '14:00').toISOString()).toBe('2026-07-01T12:00:00.000Z');
  });
});
