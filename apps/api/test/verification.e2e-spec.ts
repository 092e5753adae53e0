import { createHash } from 'node:crypto';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { VerificationController } from '../src/modules/verification/verification.controller';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, grantRole, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const CODE_SHAPE = /^[ACDEFGHJKMNPQRTWXY34679]{5}-[ACDEFGHJKMNPQRTWXY34679]{5}$/;

function expectError(res: Response, status: number, code: string): void {
  expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
}

describe(VerificationController.name, () => {
  let ctx: TestApp;
  let townA: TestTown;
  let townB: TestTown;
  let staffA: TestUser;
  let staffB: TestUser;
  let moderatorA: TestUser;
  let n = 0;

  const api = () => request(ctx.url);
  const as = (u: TestUser) => ({ Authorization: `Bearer ${u.token}` });
  const resident = (town: TestTown) =>
    registerUser(ctx.url, town, destination(town.centre, 40 * ++n, 300 + n * 10), `Voisin ${n}`);
  const issue = (u: TestUser, slug: string, body: object) =>
    api().post(`/api/v1/municipalities/${slug}/verification-codes`).set(as(u)).send(body);
  const redeem = (u: TestUser, code: string) =>
    api().post('/api/v1/me/verify').set(as(u)).send({ code });
  const codesOf = async (u: TestUser, slug: string, count = 1, validDays?: number) => {
    const res = await issue(u, slug, { count, ...(validDays ? { validDays } : {}) });
    expect(res.status).toBe(201);
    return (res.body.items as Array<{ code: string; expiresAt: string }>).map((i) => i.code);
  };

  beforeAll(async () => {
    // The per-member failure budget keeps its real default (10 an hour); per address it is lifted
    // by the test config, since every member here signs in from one address.
    ctx = await startTestApp();
    townA = await createTown(ctx.ds);
    townB = await createTown(ctx.ds);
    staffA = await resident(townA);
    staffB = await resident(townB);
    moderatorA = await resident(townA);
    await grantRole(ctx.ds, staffA.id, townA.id, 'staff');
    await grantRole(ctx.ds, staffB.id, townB.id, 'staff');
    await grantRole(ctx.ds, moderatorA.id, townA.id, 'moderator');
  });

  afterAll(async () => {
    await ctx?.close();
  });

  describe('issuing', () => {
    it('should give that town staff readable single-use codes, stored only as hashes', async () => {
      const before = Date.now();
      const res = await issue(staffA, townA.slug, { count: 3, validDays: 30 });
      expect(res.status).toBe(201);
      expect(res.body.items).toHaveLength(3);
      for (const item of res.body.items as Array<{ code: string; expiresAt: string }>) {
        expect(item.code).toMatch(CODE_SHAPE);
        const expires = Date.parse(item.expiresAt);
        expect(expires).toBeGreaterThanOrEqual(before + 30 * 86_400_000 - 1000);
        expect(expires).toBeLessThanOrEqual(Date.now() + 30 * 86_400_000 + 1000);
      }
      const codes = (res.body.items as Array<{ code: string }>).map((i) => i.code);
      expect(new Set(codes).size).toBe(3);
      const rows = await ctx.ds.query<Array<{ code_hash: string; issued_by: string }>>(
        `SELECT code_hash, issued_by FROM verification_codes WHERE code_hash = ANY($1)`,
        [codes.map((c) => sha256(c.replace('-', '')))],
      );
      expect(rows).toHaveLength(3);
      expect(rows.every((r) => r.issued_by === staffA.id)).toBe(true);
      const dump = JSON.stringify(
        await ctx.ds.query(`SELECT * FROM verification_codes WHERE municipality_id = $1`, [
          townA.id,
        ]),
      );
      for (const c of codes) {
        expect(dump).not.toContain(c);
        expect(dump).not.toContain(c.replace('-', ''));
      }
    });

    it('should default to 90 days', async () => {
      const res = await issue(staffA, townA.slug, { count: 1 });
      expect(res.status).toBe(201);
      const days = (Date.parse(res.body.items[0].expiresAt) - Date.now()) / 86_400_000;
      expect(days).toBeGreaterThan(89.9);
      expect(days).toBeLessThan(90.1);
    });

    it.each([[{ count: 0 }], [{ count: 201 }], [{ count: 5, validDays: 366 }], [{}]])(
      'should refuse %j with a field error',
      async (body) => {
        expectError(await issue(staffA, townA.slug, body), 400, 'VALIDATION_FAILED');
      },
    );

    it('should refuse anonymous callers (401)', async () => {
      const res = await api()
        .post(`/api/v1/municipalities/${townA.slug}/verification-codes`)
        .send({ count: 1 });
      expectError(res, 401, 'UNAUTHENTICATED');
      expectError(
        await api().get(`/api/v1/municipalities/${townA.slug}/verification-codes`),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('should refuse a resident, a moderator and the staff of another town (403)', async () => {
      const someone = await resident(townA);
      for (const u of [someone, moderatorA, staffB]) {
        expectError(await issue(u, townA.slug, { count: 1 }), 403, 'FORBIDDEN');
        expectError(
          await api().get(`/api/v1/municipalities/${townA.slug}/verification-codes`).set(as(u)),
          403,
          'FORBIDDEN',
        );
      }
    });

    it('should answer 404 for a town that is not a partner', async () => {
      expectError(await issue(staffA, 'nowhere-town', { count: 1 }), 404, 'MUNICIPALITY_NOT_FOUND');
    });
  });

  describe('listing', () => {
    it('should list what the town issued, without the codes, newest first, paged', async () => {
      const mine = await resident(townB);
      const [bCode] = await codesOf(staffB, townB.slug, 1);
      await codesOf(staffB, townB.slug, 4);
      expect((await redeem(mine, bCode!)).status).toBe(200);

      const first = await api()
        .get(`/api/v1/municipalities/${townB.slug}/verification-codes?limit=3`)
        .set(as(staffB));
      expect(first.status).toBe(200);
      expect(first.body.items).toHaveLength(3);
      expect(first.body.nextCursor).toEqual(expect.any(String));
      for (const item of first.body.items) {
        expect(Object.keys(item).sort()).toEqual(['createdAt', 'expiresAt', 'id', 'usedAt']);
      }
      const second = await api()
        .get(
          `/api/v1/municipalities/${townB.slug}/verification-codes?limit=3&cursor=${first.body.nextCursor}`,
        )
        .set(as(staffB));
      expect(second.status).toBe(200);
      const all = [...first.body.items, ...second.body.items];
      expect(all).toHaveLength(5);
      expect(new Set(all.map((i: { id: string }) => i.id)).size).toBe(5);
      expect(all.filter((i: { usedAt: string | null }) => i.usedAt !== null)).toHaveLength(1);
      expect(second.body.nextCursor).toBeNull();
      // Town A's staff sees none of town B's codes.
      const a = await api()
        .get(`/api/v1/municipalities/${townA.slug}/verification-codes?limit=100`)
        .set(as(staffA));
      const aIds = new Set(a.body.items.map((i: { id: string }) => i.id));
      expect(all.some((i: { id: string }) => aIds.has(i.id))).toBe(false);
    });
  });

  describe('redeeming', () => {
    it('should make the member a verified resident of their town, shown by GET /me', async () => {
      const member = await resident(townA);
      const [code] = await codesOf(staffA, townA.slug);
      const before = await api().get('/api/v1/me').set(as(member));
      expect(before.body).toMatchObject({ verified: false, verifiedAt: null });

      const res = await redeem(member, code!);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({
        verified: true,
        municipality: { slug: townA.slug, name: expect.any(String) },
      });
      const me = await api().get('/api/v1/me').set(as(member));
      expect(me.body).toMatchObject({ verified: true, verification: 'verified' });
      expect(Date.parse(me.body.verifiedAt)).toBeGreaterThan(Date.now() - 60_000);
      const [row] = await ctx.ds.query<Array<{ verified_at: Date | null }>>(
        `SELECT verified_at FROM users WHERE id = $1`,
        [member.id],
      );
      expect(row!.verified_at).toBeInstanceOf(Date);
    });

    it('should accept the code typed in lower case, with spaces and without the dash', async () => {
      const member = await resident(townA);
      const [code] = await codesOf(staffA, townA.slug);
      const typed = ` ${code!.toLowerCase().replace('-', ' ')} `;
      expect((await redeem(member, typed)).status).toBe(200);
    });

    it('should refuse a used code (422)', async () => {
      const [first, second] = [await resident(townA), await resident(townA)];
      const [code] = await codesOf(staffA, townA.slug);
      expect((await redeem(first, code!)).status).toBe(200);
      expectError(await redeem(second, code!), 422, 'VERIFICATION_CODE_INVALID');
    });

    it('should refuse an expired code (422)', async () => {
      const member = await resident(townA);
      const [code] = await codesOf(staffA, townA.slug, 1, 1);
      await ctx.ds.query(
        `UPDATE verification_codes SET expires_at = now() - interval '1 second' WHERE code_hash = $1`,
        [sha256(code!.replace('-', ''))],
      );
      expectError(await redeem(member, code!), 422, 'VERIFICATION_CODE_INVALID');
      const me = await api().get('/api/v1/me').set(as(member));
      expect(me.body.verified).toBe(false);
    });

    it("should refuse another town's code without using it up (422)", async () => {
      const [fromB, fromA] = [await resident(townB), await resident(townA)];
      const [code] = await codesOf(staffA, townA.slug);
      expectError(await redeem(fromB, code!), 422, 'VERIFICATION_CODE_INVALID');
      expect((await redeem(fromA, code!)).status).toBe(200);
    });

    it('should refuse a wrong or malformed code (422), and anonymous callers (401)', async () => {
      const member = await resident(townA);
      expectError(await redeem(member, 'AAAAA-AAAAA'), 422, 'VERIFICATION_CODE_INVALID');
      expectError(await redeem(member, 'not a code at all'), 422, 'VERIFICATION_CODE_INVALID');
      expectError(
        await api().post('/api/v1/me/verify').send({ code: 'AAAAA-AAAAA' }),
        401,
        'UNAUTHENTICATED',
      );
    });

    it('should let exactly one of two members redeeming one code at once win', async () => {
      for (let round = 0; round < 3; round++) {
        const members = await Promise.all([resident(townA), resident(townA), resident(townA)]);
        const [code] = await codesOf(staffA, townA.slug);
        const results = await Promise.all(members.map((m) => redeem(m, code!)));
        expect(results.map((r) => r.status).sort()).toEqual([200, 422, 422]);
        const verified = await ctx.ds.query<Array<{ n: number }>>(
          `SELECT count(*)::int AS n FROM users WHERE id = ANY($1) AND verified_at IS NOT NULL`,
          [members.map((m) => m.id)],
        );
        expect(verified[0]!.n).toBe(1);
      }
    });

    it('should answer 429 after ten failures, even for a good code, with Retry-After', async () => {
      const member = await resident(townA);
      const [code] = await codesOf(staffA, townA.slug);
      for (let i = 0; i < 10; i++) {
        expectError(
          await redeem(member, `AAAAA-AAA${'ACDEFGHJKM'[i]}A`),
          422,
          'VERIFICATION_CODE_INVALID',
        );
      }
      const blocked = await redeem(member, code!);
      expectError(blocked, 429, 'RATE_LIMITED');
      expect(Number(blocked.headers['retry-after'])).toBeGreaterThan(0);
      // Another member from the same address is not blocked by this member's failures.
      expect((await redeem(await resident(townA), code!)).status).toBe(200);
    });

    it('should give the success of an already verified member without using a code up', async () => {
      const member = await resident(townA);
      const [first, second] = await codesOf(staffA, townA.slug, 2);
      expect((await redeem(member, first!)).status).toBe(200);
      expect((await redeem(member, second!)).status).toBe(200);
      expect((await redeem(await resident(townA), second!)).status).toBe(200);
    });
  });
});

describe(`${VerificationController.name} — failures per address`, () => {
  let ctx: TestApp;
  let town: TestTown;

  beforeAll(async () => {
    ctx = await startTestApp({ VERIFY_ADDRESS_FAILURES: '3' });
    town = await createTown(ctx.ds);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  it('should answer 429 to every member of an address that failed too often, and not elsewhere', async () => {
    const members = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        registerUser(ctx.url, town, destination(town.centre, i * 80, 400), `Voisin ${i}`),
      ),
    );
    const redeemFrom = (u: TestUser, from: string) =>
      request(ctx.url)
        .post('/api/v1/me/verify')
        .set('Authorization', `Bearer ${u.token}`)
        .set('X-Forwarded-For', from)
        .send({ code: 'AAAAA-AAAAA' });
    for (const u of members.slice(0, 3)) {
      expectError(await redeemFrom(u, '192.0.2.10'), 422, 'VERIFICATION_CODE_INVALID');
    }
    expectError(await redeemFrom(members[3]!, '192.0.2.10'), 429, 'RATE_LIMITED');
    expectError(await redeemFrom(members[3]!, '192.0.2.11'), 422, 'VERIFICATION_CODE_INVALID');
  });
});
