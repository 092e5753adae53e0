import { randomBytes } from 'node:crypto';
import { destination, haversineMetres } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { AuthController } from '../src/modules/auth/auth.controller';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { type TestApp, startTestApp } from './test-context';

const COOKIE_NAME = 'partagora_refresh';

function setCookies(res: Response): string[] {
  return ([] as string[]).concat(res.headers['set-cookie'] ?? []);
}

/** The `name=value` pair of the refresh cookie set by a response (undefined when none). */
function refreshCookieOf(res: Response): string | undefined {
  return setCookies(res)
    .find((c) => c.startsWith(`${COOKIE_NAME}=`))
    ?.split(';')[0];
}

/** Every error body: `{error: {code, message, requestId}}`, the id echoed in `X-Request-Id`. */
function expectError(res: Response, status: number, code: string): void {
  expect(res.status).toBe(status);
  expect(res.body).toEqual({
    error: expect.objectContaining({
      code,
      message: expect.any(String),
      requestId: expect.any(String),
    }),
  });
  expect(res.body.error.message.length).toBeGreaterThan(0);
  expect(res.body.error.requestId.length).toBeGreaterThan(0);
  expect(res.headers['x-request-id']).toBe(res.body.error.requestId);
}

const detailPaths = (res: Response): string[] =>
  ((res.body.error?.details ?? []) as Array<{ path: string }>).map((d) => d.path);

const freshEmail = () => `auth-${randomBytes(6).toString('hex')}@example.test`;

describe(AuthController.name, () => {
  let ctx: TestApp;
  let town: TestTown;

  beforeAll(async () => {
    ctx = await startTestApp();
    town = await createTown(ctx.ds);
  });

  afterAll(async () => {
    await ctx?.close();
  });

  const api = () => request(ctx.url);
  const me = (token: string) => api().get('/api/v1/me').set('Authorization', `Bearer ${token}`);
  const refresh = (cookie: string) => api().post('/api/v1/auth/refresh').set('Cookie', cookie);

  describe('register', () => {
    it('should create the account with the exact home, a blurred approxHome and an httpOnly refresh cookie', async () => {
      const email = freshEmail();
      const home = destination(town.centre, 30, 1200);
      const res = await api().post('/api/v1/auth/register').send({
        email,
        password: TEST_PASSWORD,
        displayName: 'Camille',
        municipality: town.slug,
        home,
      });

      expect(res.status).toBe(201);
      expect(res.body).toEqual({
        user: expect.any(Object),
        accessToken: expect.any(String),
      });
      const { user } = res.body;
      expect(user).toMatchObject({
        email,
        displayName: 'Camille',
        municipality: town.slug,
        id: expect.any(String),
      });
      expect(user.home).toEqual(home);
      const blur = haversineMetres(home, user.approxHome);
      expect(blur).toBeGreaterThanOrEqual(150);
      expect(blur).toBeLessThanOrEqual(400);

      const cookie = setCookies(res).find((c) => c.startsWith(`${COOKIE_NAME}=`));
      expect(cookie).toBeDefined();
      expect(cookie!.split(';')[0]!.length).toBeGreaterThan(`${COOKIE_NAME}=`.length + 20);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      expect(cookie).toMatch(/;\s*Path=\/api\/v1\/auth(;|$)/);
      expect(cookie).toMatch(/;\s*SameSite=Strict/i);

      const mine = await me(res.body.accessToken);
      expect(mine.status).toBe(200);
      expect(mine.body).toMatchObject({
        id: user.id,
        email,
        municipality: town.slug,
      });
      expect(mine.body.home).toEqual(user.home);
      expect(mine.body.approxHome).toEqual(user.approxHome);
    });

    it('should refuse /me without a token', async () => {
      expectError(await api().get('/api/v1/me'), 401, 'UNAUTHENTICATED');
      expectError(await me('not-a-jwt'), 401, 'UNAUTHENTICATED');
    });

    it('should answer 409 EMAIL_TAKEN for an e-mail already used, whatever its case', async () => {
      const first = await registerUser(ctx.url, town, destination(town.centre, 90, 500));
      const res = await api()
        .post('/api/v1/auth/register')
        .send({
          email: first.email.toUpperCase(),
          password: TEST_PASSWORD,
          displayName: 'Doublon',
          municipality: town.slug,
          home: destination(town.centre, 180, 500),
        });
      expectError(res, 409, 'EMAIL_TAKEN');
      expect(detailPaths(res)).toEqual(['email']);
      expect(refreshCookieOf(res)).toBeUndefined();
    });

    it('should answer 422 HOME_OUTSIDE_MUNICIPALITY for a home 30 km away', async () => {
      const res = await api()
        .post('/api/v1/auth/register')
        .send({
          email: freshEmail(),
          password: TEST_PASSWORD,
          displayName: 'Lointain',
          municipality: town.slug,
          home: destination(town.centre, 90, 30_000),
        });
      expectError(res, 422, 'HOME_OUTSIDE_MUNICIPALITY');
      expect(detailPaths(res)).toContain('home');
    });

    it('should answer 400 VALIDATION_FAILED on municipality for an unknown town', async () => {
      const res = await api()
        .post('/api/v1/auth/register')
        .send({
          email: freshEmail(),
          password: TEST_PASSWORD,
          displayName: 'Perdu',
          municipality: `no-such-town-${randomBytes(4).toString('hex')}`,
          home: town.centre,
        });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(detailPaths(res)).toEqual(['municipality']);
    });

    it('should answer 400 with the password path for a short password', async () => {
      const res = await api().post('/api/v1/auth/register').send({
        email: freshEmail(),
        password: 'short',
        displayName: 'Pressé',
        municipality: town.slug,
        home: town.centre,
      });
      expectError(res, 400, 'VALIDATION_FAILED');
      expect(detailPaths(res)).toContain('password');
    });
  });

  describe('login', () => {
    let user: TestUser;

    beforeAll(async () => {
      user = await registerUser(ctx.url, town, destination(town.centre, 270, 800));
    });

    it('should answer 401 INVALID_CREDENTIALS with the same message for a wrong password and an unknown e-mail', async () => {
      const wrong = await api()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: `${TEST_PASSWORD}!` });
      const unknown = await api()
        .post('/api/v1/auth/login')
        .send({ email: freshEmail(), password: TEST_PASSWORD });
      expectError(wrong, 401, 'INVALID_CREDENTIALS');
      expectError(unknown, 401, 'INVALID_CREDENTIALS');
      expect(wrong.body.error.message).toBe(unknown.body.error.message);
      expect(refreshCookieOf(wrong)).toBeUndefined();
      expect(refreshCookieOf(unknown)).toBeUndefined();
    });

    it('should sign in with the right password, whatever the e-mail case', async () => {
      const res = await api()
        .post('/api/v1/auth/login')
        .send({ email: user.email.toUpperCase(), password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String) });
      expect(refreshCookieOf(res)).toBeDefined();
      const mine = await me(res.body.accessToken);
      expect(mine.status).toBe(200);
      expect(mine.body.id).toBe(user.id);
    });
  });

  describe('refresh', () => {
    it('should rotate the refresh cookie and give a working access token', async () => {
      const user = await registerUser(ctx.url, town, destination(town.centre, 0, 900));
      const res = await refresh(user.refreshCookie);
      expect(res.status).toBe(200);
      expect(res.body).toEqual({ accessToken: expect.any(String) });
      const next = refreshCookieOf(res);
      expect(next).toBeDefined();
      expect(next).not.toBe(user.refreshCookie);
      expect(setCookies(res).find((c) => c.startsWith(`${COOKIE_NAME}=`))).toMatch(
        /Path=\/api\/v1\/auth/,
      );
      expect((await me(res.body.accessToken)).body.id).toBe(user.id);

      // The rotated cookie refreshes again.
      const again = await refresh(next!);
      expect(again.status).toBe(200);
      expect(refreshCookieOf(again)).not.toBe(next);
    });

    it('should answer 401 INVALID_REFRESH_TOKEN without a cookie', async () => {
      expectError(await api().post('/api/v1/auth/refresh'), 401, 'INVALID_REFRESH_TOKEN');
      expectError(
        await refresh(`${COOKIE_NAME}=${randomBytes(32).toString('base64url')}`),
        401,
        'INVALID_REFRESH_TOKEN',
      );
    });

    it('should revoke the whole session when an already-rotated cookie is presented again', async () => {
      const user = await registerUser(ctx.url, town, destination(town.centre, 45, 1500));
      const rotated = await refresh(user.refreshCookie);
      expect(rotated.status).toBe(200);
      const newToken = rotated.body.accessToken as string;
      const newCookie = refreshCookieOf(rotated)!;
      expect((await me(newToken)).status).toBe(200);

      // Replay of the old cookie: theft suspected.
      const replay = await refresh(user.refreshCookie);
      expectError(replay, 401, 'INVALID_REFRESH_TOKEN');

      expectError(await me(newToken), 401, 'UNAUTHENTICATED');
      expectError(await me(user.token), 401, 'UNAUTHENTICATED');
      expectError(await refresh(newCookie), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('should leave the other sessions of the same user alone after a replay', async () => {
      const user = await registerUser(ctx.url, town, destination(town.centre, 135, 1500));
      const other = await api()
        .post('/api/v1/auth/login')
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(other.status).toBe(200);
      expect((await refresh(user.refreshCookie)).status).toBe(200);
      expectError(await refresh(user.refreshCookie), 401, 'INVALID_REFRESH_TOKEN');
      expect((await me(other.body.accessToken)).status).toBe(200);
      expect((await refresh(refreshCookieOf(other)!)).status).toBe(200);
    });
  });

  describe('logout', () => {
    it('should answer 204 and end the session for the access token and the cookie', async () => {
      const user = await registerUser(ctx.url, town, destination(town.centre, 200, 700));
      expect((await me(user.token)).status).toBe(200);

      const res = await api()
        .post('/api/v1/auth/logout')
        .set('Authorization', `Bearer ${user.token}`)
        .set('Cookie', user.refreshCookie);
      expect(res.status).toBe(204);
      // The cookie is cleared on the same path.
      const cleared = setCookies(res).find((c) => c.startsWith(`${COOKIE_NAME}=`));
      expect(cleared).toMatch(/^partagora_refresh=;/);
      expect(cleared).toMatch(/Path=\/api\/v1\/auth/);

      expectError(await me(user.token), 401, 'UNAUTHENTICATED');
      expectError(await refresh(user.refreshCookie), 401, 'INVALID_REFRESH_TOKEN');
    });

    it('should end the session with the cookie alone', async () => {
      const user = await registerUser(ctx.url, town, destination(town.centre, 300, 700));
      const res = await api().post('/api/v1/auth/logout').set('Cookie', user.refreshCookie);
      expect(res.status).toBe(204);
      expectError(await me(user.token), 401, 'UNAUTHENTICATED');
      expectError(await refresh(user.refreshCookie), 401, 'INVALID_REFRESH_TOKEN');
    });
  });
});
