import { type LibraryHours, openingsBetween } from '@partagora/domain';
import { destination } from '@partagora/geo';
import { strFromU8, unzipSync } from 'fflate';
import ical, { type VEvent } from 'node-ical';
import request from 'supertest';
import { TownArchiveController } from '../src/modules/town-archive/town-archive.controller';
import { createEvent, rsvp } from './factories/events';
import { requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { completedTimes, listingAt } from './support/town-history';
import { type TestApp, startTestApp } from './test-context';

/** Truncated to 4 decimals (~11 m): how a coordinate would show in any file, however printed. */
const coord = (v: number) => {
  const [int, dec = ''] = String(v).split('.');
  return `${int}.${dec.slice(0, 4)}`;
};

describe(TownArchiveController.name, () => {
  let ctx: TestApp;
  let town: TestTown;
  let otherTown: TestTown;
  let staff: TestUser;
  let otherStaff: TestUser;
  let residents: TestUser[];
  const names = ['Zéphyrine Quatremain', 'Anatole Brisefer', 'Philomène Ardoise'];
  let eventId: string;
  let itemId: string;
  let loanId: string;
  /** Every day 08:00–20:00, Paris time: any booking of the test falls in an opening. */
  const HOURS: LibraryHours = {
    slots: ([1, 2, 3, 4, 5, 6, 7] as const).map((weekday) => ({
      weekday,
      opens: '08:00',
      closes: '20:00',
    })),
    closures: [],
  };

  const download = (u?: TestUser) => {
    const req = request(ctx.url)
      .get(`/api/v1/municipalities/${town.slug}/archive`)
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    return u ? req.set('Authorization', `Bearer ${u.token}`) : req;
  };

  beforeAll(async () => {
    ctx = await startTestApp();
    town = await createTown(ctx.ds);
    otherTown = await createTown(ctx.ds);
    staff = await registerUser(
      ctx.url,
      town,
      destination(town.centre, 250, 1300),
      'Agente Municipale Hortense',
    );
    otherStaff = await registerUser(ctx.url, otherTown, otherTown.centre, 'Agent Ailleurs');
    await grantRole(ctx.ds, staff.id, town.id, 'staff');
    await grantRole(ctx.ds, otherStaff.id, otherTown.id, 'staff');
    residents = [];
    for (const [i, name] of names.entries()) {
      residents.push(
        await registerUser(
          ctx.url,
          town,
          destination(town.centre, 40 + i * 110, 700 + i * 230),
          name,
        ),
      );
    }
    const [owner, borrower, third] = residents as [TestUser, TestUser, TestUser];
    // Exchanges busy enough for the open data to publish a row (public point of the listing).
    const spot = destination(town.centre, 20, 1800);
    const drill = await listingAt(
      ctx.ds,
      town.id,
      owner.id,
      'lend',
      'tools',
      spot,
      `Perceuse de ${names[0]}`,
    );
    await completedTimes(
      ctx.ds,
      6,
      { kind: 'loan', listingId: drill, ownerId: owner.id, requesterId: borrower.id },
      new Date('2026-05-04T10:00:00Z'),
    );
    await completedTimes(
      ctx.ds,
      2,
      { kind: 'loan', listingId: drill, ownerId: owner.id, requesterId: third.id },
      new Date('2026-05-20T10:00:00Z'),
    );
    const made = await request(ctx.url)
      .post(`/api/v1/municipalities/${town.slug}/initiatives`)
      .set('Authorization', `Bearer ${staff.token}`)
      .send({
        name: 'Repair café des halles',
        practice: 'repair-cafe',
        location: destination(town.centre, 200, 2500),
      });
    expect(made.status).toBe(201);
    // A shop created by a resident: its public details go in, its creator does not.
    await ctx.ds.query(
      `INSERT INTO organisations (municipality_id, kind, name, status, address, location, created_by, verified_by, verified_at)
       VALUES ($1, 'shop', 'Quincaillerie du port', 'verified', '3 quai du Port', ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography, $4, $5, now())`,
      [town.id, town.centre.lng + 0.01, town.centre.lat + 0.01, third.id, staff.id],
    );

    // A post, an event answered by residents (one going, one waiting) and a library loan.
    const auth = { Authorization: `Bearer ${staff.token}` };
    const post = await request(ctx.url)
      .post(`/api/v1/municipalities/${town.slug}/posts`)
      .set(auth)
      .send({ title: 'Fête de la musique', body: 'Scène ouverte place du Marché.', kind: 'news' });
    expect(post.status).toBe(201);
    eventId = await createEvent(ctx.url, staff, town, {
      title: 'Atelier compostage',
      capacity: 1,
    });
    expect((await rsvp(ctx.url, owner, eventId)).body.status).toBe('going');
    expect((await rsvp(ctx.url, borrower, eventId)).body.status).toBe('waiting');
    const hallPlace = destination(town.centre, 45, 300);
    const [rows] = await ctx.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE organisations SET address = '1 place de la Mairie', location = ST_SetSRID(ST_MakePoint($2, $3), 4326)::geography
        WHERE municipality_id = $1 AND kind = 'town_hall' RETURNING id`,
      [town.id, hallPlace.lng, hallPlace.lat],
    );
    const hallId = rows[0]!.id;
    await request(ctx.url)
      .put(`/api/v1/organisations/${hallId}/library`)
      .set(auth)
      .send(HOURS)
      .expect(200);
    const item = await request(ctx.url)
      .post('/api/v1/listings')
      .set(auth)
      .send({
        kind: 'lend',
        category: 'tools',
        title: 'Tronçonneuse de la bricothèque',
        organisationId: hallId,
        loanSettings: { autoAccept: true, maxDays: 7, bufferHours: 2, depositNote: 'Chèque' },
      });
    expect(item.status).toBe(201);
    itemId = item.body.id as string;
    const day = 86_400_000;
    const [opening] = openingsBetween(
      HOURS,
      new Date(Date.now() + day),
      new Date(Date.now() + 3 * day),
    );
    const booked = await requestExchange(ctx.url, third, itemId, {
      start: new Date(opening!.start.getTime() + 30 * 60_000).toISOString(),
      end: new Date(opening!.start.getTime() + 180 * 60_000).toISOString(),
    });
    expect(booked.status).toBe(201);
    loanId = booked.body.id as string;
    await request(ctx.url)
      .post(`/api/v1/organisations/${hallId}/desk/${loanId}/checkout`)
      .set(auth)
      .send({ note: 'Chaîne affûtée' })
      .expect(200);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('should be for that town staff only', async () => {
    expect((await download()).status).toBe(401);
    const resident = await download(residents[0]);
    expect({
      status: resident.status,
      code: resident.body?.error?.code ?? JSON.parse(String(resident.body)).error.code,
    }).toEqual({ status: 403, code: 'FORBIDDEN' });
    expect((await download(otherStaff)).status).toBe(403);
  });

  it('should give one zip of open formats with every registered section', async () => {
    const res = await download(staff);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/zip');
    expect(res.headers['content-disposition']).toMatch(
      new RegExp(`^attachment; filename="partagora-${town.slug}-\\d{4}-\\d{2}-\\d{2}\\.zip"$`),
    );
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const paths = Object.keys(files).map((p) => p.split('/').slice(1).join('/'));
    expect(paths).toEqual(
      expect.arrayContaining([
        'README.txt',
        'manifest.json',
        'town/town.json',
        'town/boundary.geojson',
        'initiatives/initiatives.json',
        'initiatives/initiatives.csv',
        'initiatives/initiatives.geojson',
        'impact/impact.json',
        'impact/monthly.csv',
        'impact/factors.csv',
        'open-data/catalogue.json',
        'open-data/exchanges.csv',
        'open-data/exchanges.geojson',
        'organisations/organisations.json',
        'organisations/organisations.csv',
        'organisations/organisations.geojson',
        'posts/posts.json',
        'posts/posts.csv',
        'events/events.json',
        'events/events.csv',
        'events/events.geojson',
        'events/events.ics',
        'open-data/events.csv',
        'open-data/events.json',
        'library/library-items.json',
        'library/library-items.csv',
        'library/library-loans.json',
        'library/library-loans.csv',
        'library/library-hours.json',
      ]),
    );
    const read = (suffix: string) =>
      strFromU8(files[Object.keys(files).find((p) => p.endsWith(suffix))!]!);
    expect(JSON.parse(read('impact/impact.json')).exchanges.loan).toBe(8);
    expect(read('open-data/exchanges.csv')).toContain(',loan,tools,');
    expect(JSON.parse(read('initiatives/initiatives.json'))[0].name).toBe('Repair café des halles');
    const orgs = JSON.parse(read('organisations/organisations.json')) as Array<{ name: string }>;
    expect(orgs.map((o) => o.name)).toEqual(expect.arrayContaining(['Quincaillerie du port']));
    const posts = JSON.parse(read('posts/posts.json')) as Array<Record<string, unknown>>;
    expect(posts).toEqual([
      expect.objectContaining({
        title: 'Fête de la musique',
        kind: 'news',
        status: 'published',
        author: expect.objectContaining({
          type: 'organisation',
          name: expect.stringMatching(/^Mairie de /),
        }),
      }),
    ]);
    expect(read('posts/posts.csv').split('\r\n')[0]).toMatch(/^id,kind,status,title,body,author,/);
    const events = JSON.parse(read('events/events.json')) as Array<Record<string, unknown>>;
    expect(events).toEqual([
      expect.objectContaining({ id: eventId, title: 'Atelier compostage', going: 1, waiting: 1 }),
    ]);
    expect(read('events/events.csv')).toContain(eventId);
    const layer = JSON.parse(read('events/events.geojson'));
    expect(layer.features[0].geometry).toEqual({
      type: 'Point',
      coordinates: [town.centre.lng, town.centre.lat],
    });
    const vevents = Object.values(ical.sync.parseICS(read('events/events.ics'))).filter(
      (c): c is VEvent => c?.type === 'VEVENT',
    );
    expect(vevents.map((v) => [v.uid, v.summary])).toEqual([
      [`${eventId}@partagora`, 'Atelier compostage'],
    ]);
    const items = JSON.parse(read('library/library-items.json')) as Array<Record<string, unknown>>;
    expect(items).toEqual([
      expect.objectContaining({
        id: itemId,
        title: 'Tronçonneuse de la bricothèque',
        autoAccept: true,
        organisation: expect.objectContaining({ name: expect.stringMatching(/^Mairie de /) }),
      }),
    ]);
    const loans = JSON.parse(read('library/library-loans.json')) as Array<Record<string, unknown>>;
    expect(loans).toEqual([
      expect.objectContaining({
        id: loanId,
        listingId: itemId,
        status: 'handed_over',
        checkoutNote: 'Chaîne affûtée',
        checkinNote: null,
      }),
    ]);
    expect(read('library/library-loans.csv')).toContain('Chaîne affûtée');
    expect(read('library/library-items.csv')).toContain('Tronçonneuse de la bricothèque');
    expect(JSON.parse(read('library/library-hours.json'))[0].slots).toHaveLength(7);
    for (const p of Object.keys(files).filter((x) => /\.(geo)?json$/.test(x))) {
      expect(() => JSON.parse(strFromU8(files[p]!))).not.toThrow();
    }
  });

  it('should hold no personal data: no e-mail, name, id or home of the members', async () => {
    const res = await download(staff);
    const files = unzipSync(new Uint8Array(res.body as Buffer));
    const folders = new Set(Object.keys(files).map((p) => p.split('/')[1]));
    for (const f of ['posts', 'events', 'library']) expect(folders).toContain(f);
    const text = Object.values(files)
      .map((f) => strFromU8(f))
      .join('\n');
    const people = [...residents, staff];
    const needles = people.flatMap((u) => [
      u.email,
      u.id,
      coord(u.home.lat),
      coord(u.home.lng),
      coord(u.approxHome.lat),
      coord(u.approxHome.lng),
    ]);
    needles.push(...names, 'Agente Municipale Hortense');
    for (const n of names) needles.push(...n.split(' '));
    const found = needles.filter((n) => text.includes(n));
    // The drill's title names its owner: a listing is not part of the town's archive.
    expect(found).toEqual([]);
    expect(text).not.toMatch(/[A-Za-z0-9._%+-]+@example\.test/);
  });
});
