import { execFileSync } from 'node:child_process';
import { openingsBetween } from '@partagora/domain';
import { destination } from '@partagora/geo';
import request from 'supertest';
import { AssistedService } from '../src/modules/assisted/assisted.service';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, TEST_PASSWORD, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

/**
 * The PDF's text through `pdf-parse` (`new PDFParse({data}).getText()`), in a plain Node child:
 * pdf.js loads its worker by dynamic import, which Jest's CommonJS runtime refuses.
 */
function pdfText(pdf: Buffer): string {
  const script = `const {PDFParse} = require('pdf-parse');
    const chunks = []; process.stdin.on('data', (c) => chunks.push(c));
    process.stdin.on('end', async () => {
      const r = await new PDFParse({ data: Buffer.concat(chunks) }).getText();
      process.stdout.write(r.text);
    });`;
  return execFileSync(process.execPath, ['-e', script], {
    input: pdf,
    cwd: process.cwd(),
  }).toString();
}

const DAY = 86_400_000;
const HOURS = {
  slots: [
    { weekday: 3, opens: '14:00', closes: '18:00' },
    { weekday: 6, opens: '10:00', closes: '12:00' },
  ],
  closures: [],
};

describe(AssistedService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let otherTown: TestTown;
  let staff: TestUser;
  let otherStaff: TestUser;
  let resident: TestUser;
  let orgId: string;

  const bearer = (token: string) => ({ Authorization: `Bearer ${token}` });

  beforeAll(async () => {
    t = await startTestApp();
    town = await createTown(t.ds);
    otherTown = await createTown(t.ds);
    staff = await registerUser(t.url, town, town.centre, 'Agent Accueil');
    await grantRole(t.ds, staff.id, town.id, 'staff');
    otherStaff = await registerUser(t.url, otherTown, otherTown.centre, 'Agent Ailleurs');
    await grantRole(t.ds, otherStaff.id, otherTown.id, 'staff');
    resident = await registerUser(t.url, town, destination(town.centre, 0, 500), 'Voisine');
    const [[org]] = await t.ds.query<[Array<{ id: string }>, number]>(
      `UPDATE organisations SET address = '2 rue de la Mairie' WHERE municipality_id = $1 AND kind = 'town_hall' RETURNING id`,
      [town.id],
    );
    orgId = org!.id;
    await request(t.url)
      .put(`/api/v1/organisations/${orgId}/library`)
      .set(bearer(staff.token))
      .send(HOURS)
      .expect(200);
  });

  afterAll(async () => {
    await t?.close();
  });

  async function register(body: Record<string, unknown> = {}) {
    return request(t.url)
      .post(`/api/v1/municipalities/${town.slug}/assisted-residents`)
      .set(bearer(staff.token))
      .send({
        displayName: 'Madame Lebreton',
        home: destination(town.centre, 120, 600),
        consent: true,
        ...body,
      });
  }

  it('should register an assisted resident with the consent recorded, and refuse residents and missing consent', async () => {
    const res = await register({ email: 'lebreton@example.test' });
    expect(res.status).toBe(201);
    expect(res.body.user).toMatchObject({
      displayName: 'Madame Lebreton',
      municipality: town.slug,
      email: 'lebreton@example.test',
      assisted: true,
      consent: { by: { id: staff.id, displayName: 'Agent Accueil' } },
    });
    // No password: the account cannot sign in by itself.
    const login = await request(t.url)
      .post('/api/v1/auth/login')
      .send({ email: 'lebreton@example.test', password: TEST_PASSWORD });
    expect(login.status).toBe(401);

    const byResident = await request(t.url)
      .post(`/api/v1/municipalities/${town.slug}/assisted-residents`)
      .set(bearer(resident.token))
      .send({ displayName: 'X', home: town.centre, consent: true });
    expect(byResident.status).toBe(403);
    const noConsent = await register({ consent: false });
    expect(noConsent.status).toBe(400);
    const elsewhere = await request(t.url)
      .post(`/api/v1/municipalities/${town.slug}/assisted-residents`)
      .set(bearer(otherStaff.token))
      .send({ displayName: 'X', home: town.centre, consent: true });
    expect(elsewhere.status).toBe(403);
  });

  it('should let staff act for the resident with an audited 15-minute token, refused to another town’s staff', async () => {
    const { body } = await register({ displayName: 'Monsieur Guérin' });
    const residentId = body.user.id as string;

    const foreign = await request(t.url)
      .post(`/api/v1/assisted-residents/${residentId}/act`)
      .set(bearer(otherStaff.token));
    expect(foreign.status).toBe(404);
    const byResident = await request(t.url)
      .post(`/api/v1/assisted-residents/${residentId}/act`)
      .set(bearer(resident.token));
    expect(byResident.status).toBe(404);

    const before = Date.now();
    const act = await request(t.url)
      .post(`/api/v1/assisted-residents/${residentId}/act`)
      .set(bearer(staff.token));
    expect(act.status).toBe(200);
    const expires = new Date(act.body.expiresAt).getTime();
    expect(expires - before).toBeGreaterThan(14 * 60_000);
    expect(expires - before).toBeLessThanOrEqual(15 * 60_000 + 2000);
    const token = act.body.accessToken as string;

    const me = await request(t.url).get('/api/v1/me').set(bearer(token)).expect(200);
    expect(me.body.id).toBe(residentId);
    const listing = await request(t.url)
      .post('/api/v1/listings')
      .set(bearer(token))
      .send({ kind: 'give', category: 'books-media', title: 'Romans policiers' });
    expect(listing.status).toBe(201);
    expect(listing.body.owner).toMatchObject({ type: 'user', id: residentId });

    // Book a library item for the resident, with the act token.
    const item = await request(t.url)
      .post('/api/v1/listings')
      .set(bearer(staff.token))
      .send({
        kind: 'lend',
        category: 'tools',
        title: 'Perceuse sans fil',
        organisationId: orgId,
        loanSettings: { autoAccept: true },
      });
    expect(item.status).toBe(201);
    const [wed] = openingsBetween(
      { slots: HOURS.slots as never, closures: [] },
      new Date(Date.now() + DAY),
      new Date(Date.now() + 30 * DAY),
    ).filter((o) => o.start.getUTCDay() === 3);
    const booking = await request(t.url)
      .post(`/api/v1/listings/${item.body.id}/exchanges`)
      .set(bearer(token))
      .send({
        start: new Date(wed!.start.getTime() + 30 * 60_000).toISOString(),
        end: new Date(wed!.start.getTime() + 150 * 60_000).toISOString(),
      });
    expect(booking.status).toBe(201);
    expect(booking.body).toMatchObject({ status: 'accepted', requesterId: residentId });

    // An act token cannot mint another one.
    await request(t.url)
      .post(`/api/v1/assisted-residents/${residentId}/act`)
      .set(bearer(token))
      .expect(403);

    const audit = await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/audit?limit=100`)
      .set(bearer(staff.token))
      .expect(200);
    const mine = audit.body.items.filter(
      (e: { targetId: string; action: string }) =>
        e.targetId === residentId && e.action === 'assisted.request',
    );
    expect(mine.map((e: { note: string }) => e.note)).toEqual(
      expect.arrayContaining([
        'GET /api/v1/me',
        'POST /api/v1/listings',
        `POST /api/v1/listings/${item.body.id}/exchanges`,
        `POST /api/v1/assisted-residents/${residentId}/act`,
      ]),
    );
    for (const e of mine) expect(e.actor).toEqual({ id: staff.id, displayName: 'Agent Accueil' });
    expect(
      audit.body.items.some(
        (e: { action: string; targetId: string }) =>
          e.action === 'assisted.act' && e.targetId === residentId,
      ),
    ).toBe(true);
    // Another town's staff do not read this town's audit log.
    await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/audit`)
      .set(bearer(otherStaff.token))
      .expect(403);

    // The desk sees the resident, and prints the summary with the booking.
    const list = await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/assisted-residents?q=gu%C3%A9rin`)
      .set(bearer(staff.token))
      .expect(200);
    expect(list.body.items).toEqual([
      expect.objectContaining({ id: residentId, activeLoans: 1, unreadMessages: 0, email: null }),
    ]);
    await request(t.url)
      .get(`/api/v1/municipalities/${town.slug}/assisted-residents`)
      .set(bearer(otherStaff.token))
      .expect(403);
    const pdf = await request(t.url)
      .get(`/api/v1/assisted-residents/${residentId}/summary.pdf`)
      .set(bearer(staff.token))
      .buffer(true)
      .parse((res, cb) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () => cb(null, Buffer.concat(chunks)));
      });
    expect(pdf.status).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const text = pdfText(pdf.body as Buffer);
    expect(text).toContain('Monsieur Guérin');
    expect(text).toContain('Perceuse sans fil');
    expect(text).toContain('2 rue de la Mairie');
    expect(text).toMatch(/Retrait : mercredi \d+ \S+ \d{4}/);
    await request(t.url)
      .get(`/api/v1/assisted-residents/${residentId}/summary.pdf`)
      .set(bearer(otherStaff.token))
      .expect(404);

    // Stopping ends the token at once.
    await request(t.url)
      .delete(`/api/v1/assisted-residents/${residentId}/act`)
      .set(bearer(staff.token))
      .expect(204);
    await request(t.url).get('/api/v1/me').set(bearer(token)).expect(401);
  });

  it('should refuse an act token once its 15 minutes are over', async () => {
    const { body } = await register({ displayName: 'Madame Riou' });
    const act = await request(t.url)
      .post(`/api/v1/assisted-residents/${body.user.id}/act`)
      .set(bearer(staff.token))
      .expect(200);
    await request(t.url).get('/api/v1/me').set(bearer(act.body.accessToken)).expect(200);
    // As the clock would after 15 minutes: the act session has expired.
    await t.ds.query(
      `UPDATE sessions SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [body.user.id],
    );
    const late = await request(t.url).get('/api/v1/me').set(bearer(act.body.accessToken));
    expect(late.status).toBe(401);
    const sessions = await t.ds.query<Array<{ ttl: number }>>(
      `SELECT extract(epoch FROM expires_at - created_at)::int AS ttl FROM sessions WHERE user_id = $1`,
      [body.user.id],
    );
    expect(sessions.length).toBe(1);
  });
});
