import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';
import path from 'node:path';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { RateLimitService } from '../src/common/rate-limit/rate-limit.service';
import { createListing } from './factories/exchanges';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, registerUser } from './factories/users';
import { forwardedAddress } from './support/addresses';
import {
  assertOwnRedis,
  portOpen,
  redisPort,
  startRedis,
  stopRedis,
  until,
} from './support/redis-server';
import { type TestApp, startTestApp } from './test-context';

const MAIN = path.resolve(__dirname, '../../../dist/api/apps/api/src/main.js');

const freePort = () =>
  new Promise<number>((resolve) => {
    const s = createServer();
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });

function expectError(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error: expect.objectContaining({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  });
}

/**
 * Two real API processes sharing the test stack's Redis, as production runs N replicas: the
 * built main.js in its own Node process and the in-process test app. The limits are counted in
 * Redis, so they hold across processes; with the real Redis stopped, sign-in and sign-up refuse
 * (503) while everything else keeps working, and sign-in comes back with Redis.
 */
describe(`${RateLimitService.name} across processes`, () => {
  let local: TestApp;
  let other: ChildProcess;
  let otherUrl: string;
  let town: TestTown;
  let redisDown = false;

  const login = (url: string, from: string, email: string, password: string) =>
    request(url).post('/api/v1/auth/login').set('X-Forwarded-For', from).send({ email, password });

  const newUser = (bearing: number) =>
    registerUser(local.url, town, destination(town.centre, bearing, 900), 'Voisin', {
      forwardedFor: forwardedAddress(),
    });

  beforeAll(async () => {
    assertOwnRedis();
    if (!existsSync(MAIN))
      throw new Error(`${MAIN} is missing: run through npm test (it builds the API first)`);
    // The real per-account budget (10 failures in 15 minutes), in both processes.
    local = await startTestApp({ LOGIN_ACCOUNT_FAILURES: '10' });
    const port = await freePort();
    otherUrl = `http://127.0.0.1:${port}`;
    other = spawn(process.execPath, [MAIN], {
      env: { ...process.env, PORT: String(port), WEB_DIST: '', LOGIN_ACCOUNT_FAILURES: '10' },
      stdio: ['ignore', 'ignore', 'inherit'],
    });
    await until(
      'the second API process',
      () =>
        fetch(`${otherUrl}/api/ready`).then(
          (r) => r.ok,
          () => false,
        ),
      20_000,
    );
    town = await createTown(local.ds);
  });

  afterAll(async () => {
    // Whatever happened above, later suites need Redis back.
    if (redisDown || !(await portOpen(redisPort))) await startRedis();
    other?.kill('SIGTERM');
    await local?.close();
  });

  it('should add up the failures made through both processes', async () => {
    const user = await newUser(0);
    const statuses: number[] = [];
    // Alternating processes and addresses: 5 failures on each, 10 in all.
    for (let i = 0; i < 10; i++) {
      const url = i % 2 === 0 ? local.url : otherUrl;
      statuses.push((await login(url, forwardedAddress(), user.email, 'wrong!')).status);
    }
    expect(statuses).toEqual(new Array(10).fill(401));
    // Either process alone saw 5: only the shared count blocks the account.
    expectError(
      await login(local.url, forwardedAddress(), user.email, TEST_PASSWORD),
      429,
      'RATE_LIMITED',
    );
    expectError(
      await login(otherUrl, forwardedAddress(), user.email, TEST_PASSWORD),
      429,
      'RATE_LIMITED',
    );
  });

  it('should refuse sign-in and sign-up with 503 while Redis is down, keep search and writes working, and sign in again once it is back', async () => {
    const user = await newUser(90);
    const listingId = await createListing(local.url, user, {
      kind: 'lend',
      category: 'tools',
      title: 'Escabeau',
    });
    const search = (url: string) =>
      request(url)
        .get(`/api/v1/listings?lat=${town.centre.lat}&lng=${town.centre.lng}&radius=5000`)
        .set('Authorization', `Bearer ${user.token}`);
    expect((await search(local.url)).status).toBe(200);

    await stopRedis();
    redisDown = true;

    for (const url of [local.url, otherUrl]) {
      const started = Date.now();
      const signIn = await login(url, forwardedAddress(), user.email, TEST_PASSWORD);
      expectError(signIn, 503, 'RATE_LIMIT_UNAVAILABLE');
      expect(signIn.headers['set-cookie']).toBeUndefined();
      const signUp = await request(url)
        .post('/api/v1/auth/register')
        .set('X-Forwarded-For', forwardedAddress())
        .send({
          email: `down-${randomBytes(6).toString('hex')}@example.test`,
          password: TEST_PASSWORD,
          displayName: 'Pendant la panne',
          municipality: town.slug,
          home: destination(town.centre, 180, 700),
        });
      expectError(signUp, 503, 'RATE_LIMIT_UNAVAILABLE');

      // The limits that fail open: search, a new listing, refresh.
      const found = await search(url);
      expect(found.status).toBe(200);
      expect((found.body.items as Array<{ id: string }>).map((i) => i.id)).toContain(listingId);
      const created = await request(url)
        .post('/api/v1/listings')
        .set('Authorization', `Bearer ${user.token}`)
        .send({ kind: 'give', category: 'books-media', title: 'Pendant la panne' });
      expect(created.status).toBe(201);
      // Nothing waited on Redis.
      expect(Date.now() - started).toBeLessThan(3000);
    }

    await startRedis();
    redisDown = false;

    // Both processes reconnect on their own (within ioredis's 2 s back-off).
    for (const url of [local.url, otherUrl]) {
      await until(
        `sign-in through ${url} with Redis back`,
        async () =>
          (await login(url, forwardedAddress(), user.email, TEST_PASSWORD)).status === 200,
        15_000,
      );
    }
    // And the limits count again.
    const fresh = await newUser(270);
    for (let i = 0; i < 10; i++)
      expect((await login(otherUrl, forwardedAddress(), fresh.email, 'nope')).status).toBe(401);
    expectError(
      await login(local.url, forwardedAddress(), fresh.email, TEST_PASSWORD),
      429,
      'RATE_LIMITED',
    );
  }, 120_000);
});
