import { randomBytes } from 'node:crypto';
import type http from 'node:http';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { RateLimitService } from '../src/common/rate-limit/rate-limit.service';
import { createListing, period, requestExchange } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { forwardedAddress, loopbackAgent } from './support/addresses';
import { type TestApp, startTestApp } from './test-context';

/** The budgets of decision 0007 (the other suites run with theirs out of reach). */
const REAL_LIMITS = {
  AUTH_RATE_LIMIT: '20',
  LOGIN_ACCOUNT_FAILURES: '10',
  LOGIN_ADDRESS_FAILURES: '100',
  REGISTER_RATE_LIMIT: '30',
  REFRESH_RATE_LIMIT: '120',
  MESSAGE_RATE_LIMIT: '30',
  LISTING_RATE_LIMIT: '30',
};

/** 429 RATE_LIMITED in the shared error shape, with a Retry-After in whole seconds. */
function expectRateLimited(res: Response): void {
  expect(res.status).toBe(429);
  expect(res.body).toEqual({
    error: expect.objectContaining({
      code: 'RATE_LIMITED',
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  });
  const retryAfter = Number(res.headers['retry-after']);
  expect(Number.isInteger(retryAfter)).toBe(true);
  expect(retryAfter).toBeGreaterThanOrEqual(1);
}

const unknownEmail = () => `nobody-${randomBytes(6).toString('hex')}@example.test`;

describe(RateLimitService.name, () => {
  let t: TestApp;
  let town: TestTown;

  const login = (from: string, email: string, password: string) =>
    request(t.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', from)
      .send({ email, password });

  beforeAll(async () => {
    // AUTH_RATE_LIMIT (20 sign-in requests a minute per address) stays out of reach here: these
    // cases are about the failure counts; the per-minute budget has its own case below.
    t = await startTestApp({ ...REAL_LIMITS, AUTH_RATE_LIMIT: '100000' });
    town = await createTown(t.ds);
  });

  afterAll(async () => {
    await t?.close();
  });

  /** Each from an address of its own: 127.0.0.1's buckets hold what other suites did. */
  const newUser = (bearing: number, app: TestApp = t) =>
    registerUser(app.url, town, destination(town.centre, bearing, 900), 'Voisin', {
      forwardedFor: forwardedAddress(),
    });

  describe('login, per account and per address', () => {
    it('should refuse the right password after 90 wrong ones, and still serve another account from that address until the address limit', async () => {
      const victim = await newUser(0);
      const neighbour = await newUser(60);
      const late = await newUser(120);
      const from = forwardedAddress();

      const wrong: number[] = [];
      for (let i = 0; i < 90; i++) wrong.push((await login(from, victim.email, 'wrong!')).status);
      // The first ten are checked and fail; then the account is blocked without any check.
      expect(wrong.slice(0, 10)).toEqual(new Array(10).fill(401));
      expect(wrong.slice(10)).toEqual(new Array(80).fill(429));

      const right = await login(from, victim.email, TEST_PASSWORD);
      expectRateLimited(right);
      expect(right.headers['set-cookie']).toBeUndefined();
      // The block is the account's, wherever the attempt comes from.
      expectRateLimited(await login(forwardedAddress(), victim.email, TEST_PASSWORD));

      // 91 failures counted at this address, under its 100: a neighbour signs in from it.
      expect((await login(from, neighbour.email, TEST_PASSWORD)).status).toBe(200);

      // Guessing at other accounts from the same address reaches the address limit (100 failures
      // an hour), after which even the right password of yet another account is refused there.
      let guesses = 0;
      while ((await login(from, unknownEmail(), 'guess')).status === 401) {
        guesses += 1;
        expect(guesses).toBeLessThan(20);
      }
      expect(guesses).toBe(9);
      expectRateLimited(await login(from, late.email, TEST_PASSWORD));
      expect((await login(forwardedAddress(), late.email, TEST_PASSWORD)).status).toBe(200);
    });

    it('should count an unknown e-mail like an existing one, so refusals reveal no account', async () => {
      const from = forwardedAddress();
      const email = unknownEmail();
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) statuses.push((await login(from, email, 'guess')).status);
      expect(statuses).toEqual([...new Array(10).fill(401), 429, 429]);
    });

    it('should forget the failures of an account once its owner signs in', async () => {
      const user = await newUser(180);
      const from = forwardedAddress();
      for (let i = 0; i < 9; i++) expect((await login(from, user.email, 'typo')).status).toBe(401);
      expect((await login(from, user.email, TEST_PASSWORD)).status).toBe(200);
      for (let i = 0; i < 10; i++) expect((await login(from, user.email, 'typo')).status).toBe(401);
      expectRateLimited(await login(from, user.email, TEST_PASSWORD));
    });

    it('should not let parallel guesses slip past the count', async () => {
      const user = await newUser(240);
      const from = forwardedAddress();
      const answers = await Promise.all(
        Array.from({ length: 30 }, () => login(from, user.email, 'parallel guess')),
      );
      const statuses = answers.map((r) => r.status).sort((x, y) => x - y);
      // Each attempt is counted before its check: 10 are checked, 20 refused unchecked.
      expect(statuses).toEqual([...new Array(10).fill(401), ...new Array(20).fill(429)]);
      expectRateLimited(await login(from, user.email, TEST_PASSWORD));
    });
  });

  describe('registration', () => {
    it('should accept 30 sign-ups an hour from one address, then answer 429', async () => {
      const from = forwardedAddress();
      const signUp = (i: number) =>
        request(t.url)
          .post('/api/v1/auth/register')
          .set('X-Forwarded-For', from)
          .send({
            email: `rl-${randomBytes(6).toString('hex')}@example.test`,
            password: TEST_PASSWORD,
            displayName: `Voisin ${i}`,
            municipality: town.slug,
            home: destination(town.centre, i * 10, 700),
          });
      for (let i = 0; i < 30; i++) expect((await signUp(i)).status).toBe(201);
      expectRateLimited(await signUp(30));
      // Another address is not affected.
      const other = await request(t.url)
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', forwardedAddress())
        .send({
          email: `rl-${randomBytes(6).toString('hex')}@example.test`,
          password: TEST_PASSWORD,
          displayName: 'Autre foyer',
          municipality: town.slug,
          home: destination(town.centre, 300, 700),
        });
      expect(other.status).toBe(201);
    });
  });

  describe('members', () => {
    let owner: TestUser;
    let requester: TestUser;

    beforeAll(async () => {
      owner = await newUser(200);
      requester = await newUser(220);
    });

    it('should accept 30 messages a minute from one member, then answer 429, the other party unaffected', async () => {
      const listingId = await createListing(t.url, owner, {
        kind: 'lend',
        category: 'tools',
        title: 'Ponceuse',
      });
      const ex = await requestExchange(t.url, requester, listingId, period(2, 1));
      expect(ex.status).toBe(201);
      const say = (who: TestUser, i: number) =>
        request(t.url)
          .post(`/api/v1/conversations/${ex.body.conversationId as string}/messages`)
          .set('Authorization', `Bearer ${who.token}`)
          .send({ body: `Message ${i}` });
      for (let i = 0; i < 30; i++) expect((await say(requester, i)).status).toBe(201);
      expectRateLimited(await say(requester, 30));
      expect((await say(owner, 0)).status).toBe(201);
    });

    it('should accept 30 new listings an hour from one member, then answer 429', async () => {
      const publisher = await newUser(260);
      const create = (i: number) =>
        request(t.url)
          .post('/api/v1/listings')
          .set('Authorization', `Bearer ${publisher.token}`)
          .send({ kind: 'give', category: 'books-media', title: `Livre ${i}` });
      for (let i = 0; i < 30; i++) expect((await create(i)).status).toBe(201);
      expectRateLimited(await create(30));
    });
  });

  describe('refresh and sign-in budgets per minute', () => {
    let budgets: TestApp;

    beforeAll(async () => {
      budgets = await startTestApp(REAL_LIMITS);
    });

    afterAll(async () => {
      await budgets?.close();
    });

    const cookieOf = (res: Response) =>
      ([] as string[])
        .concat(res.headers['set-cookie'] ?? [])
        .find((c) => c.startsWith('partagora_refresh='))!
        .split(';')[0]!;

    it('should give refresh its own budget: 30 page loads do not make sign-in answer 429', async () => {
      const user = await newUser(320, budgets);
      const from = forwardedAddress();
      let cookie = user.refreshCookie;
      for (let i = 0; i < 30; i++) {
        const res = await request(budgets.url)
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', from)
          .set('Cookie', cookie);
        expect(res.status).toBe(200);
        cookie = cookieOf(res);
      }
      const signIn = await request(budgets.url)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', from)
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(signIn.status).toBe(200);
    });

    it('should answer 429 on the 21st sign-in request of a minute from one address, refresh still served', async () => {
      const user = await newUser(340, budgets);
      const from = forwardedAddress();
      const signIn = () =>
        request(budgets.url)
          .post('/api/v1/auth/login')
          .set('X-Forwarded-For', from)
          .send({ email: user.email, password: TEST_PASSWORD });
      for (let i = 0; i < 20; i++) expect((await signIn()).status).toBe(200);
      expectRateLimited(await signIn());
      const refreshed = await request(budgets.url)
        .post('/api/v1/auth/refresh')
        .set('X-Forwarded-For', from)
        .set('Cookie', user.refreshCookie);
      expect(refreshed.status).toBe(200);
    });

    it('should answer 429 on the 121st refresh of a minute from one address', async () => {
      const user = await newUser(350, budgets);
      const from = forwardedAddress();
      let cookie = user.refreshCookie;
      for (let i = 0; i < 120; i++) {
        const res = await request(budgets.url)
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', from)
          .set('Cookie', cookie);
        expect(res.status).toBe(200);
        cookie = cookieOf(res);
      }
      expectRateLimited(
        await request(budgets.url)
          .post('/api/v1/auth/refresh')
          .set('X-Forwarded-For', from)
          .set('Cookie', cookie),
      );
    });
  });

  describe('TRUST_PROXY', () => {
    /** Requests a minute per address: small, to see the buckets fill. */
    const BUDGET = 5;
    let trusting: TestApp;
    let untrusting: TestApp;

    beforeAll(async () => {
      trusting = await startTestApp({ RATE_LIMIT: String(BUDGET), TRUST_PROXY: 'loopback' });
      untrusting = await startTestApp({ RATE_LIMIT: String(BUDGET), TRUST_PROXY: 'false' });
    });

    afterAll(async () => {
      await untrusting?.close();
      await trusting?.close();
    });

    const health = (app: TestApp, agent: http.Agent, forwardedFor: string) =>
      request(app.url).get('/api/health').agent(agent).set('X-Forwarded-For', forwardedFor);

    it('should count each X-Forwarded-For client of a trusted proxy apart', async () => {
      const proxy = loopbackAgent();
      const alice = forwardedAddress();
      const bob = forwardedAddress();
      for (let i = 0; i < BUDGET; i++)
        expect((await health(trusting, proxy.agent, alice)).status).toBe(200);
      expectRateLimited(await health(trusting, proxy.agent, alice));
      // Same proxy, another client: a bucket of its own.
      expect((await health(trusting, proxy.agent, bob)).status).toBe(200);
    });

    it('should ignore X-Forwarded-For from a peer it does not trust', async () => {
      const peer = loopbackAgent();
      // Each request claims another client: all of them are the peer's, one bucket.
      for (let i = 0; i < BUDGET; i++)
        expect((await health(untrusting, peer.agent, forwardedAddress())).status).toBe(200);
      expectRateLimited(await health(untrusting, peer.agent, forwardedAddress()));
      // The peer next door is another address.
      expect((await health(untrusting, loopbackAgent().agent, forwardedAddress())).status).toBe(
        200,
      );
    });
  });
});
