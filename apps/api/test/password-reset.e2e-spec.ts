import { randomBytes } from 'node:crypto';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { AccountService } from '../src/modules/auth/account.service';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import { type TestApp, startTestApp } from './test-context';

const PUBLIC_URL = 'https://partagora.test';
const NEW_PASSWORD = 'un tout nouveau mot de passe';
/** Requests per address in an hour in this suite; each test asks from its own address. */
const RESET_BUDGET = 5;

describe(`${AccountService.name} — password reset`, () => {
  let ctx: TestApp;
  let sink: MailSink;
  let town: TestTown;
  let n = 0;
  let address = 0;

  const api = () => request(ctx.url);
  const register = () =>
    registerUser(ctx.url, town, destination(town.centre, 25 * ++n, 700), `Dominique ${n}`);
  const ask = (email: string, from = `198.51.100.${++address}`) =>
    api().post('/api/v1/auth/password-reset').set('X-Forwarded-For', from).send({ email });
  const reset = (token: string, password = NEW_PASSWORD) =>
    api().post('/api/v1/auth/password-reset/confirm').send({ token, password });
  const login = (email: string, password: string) =>
    api().post('/api/v1/auth/login').send({ email, password });
  const resetMails = (email: string) =>
    sink.to(email).filter((m) => m.headers.get('x-partagora-account-mail') === 'password_reset');

  async function resetTokenFor(email: string, count = 1): Promise<string> {
    await sink.waitFor(() => resetMails(email).length >= count);
    const mail = resetMails(email)[count - 1]!;
    const m = /https:\/\/partagora\.test\/reset-password\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(m).not.toBeNull();
    return m![1]!;
  }

  function expectError(res: Response, status: number, code: string): void {
    expect({ status: res.status, code: res.body?.error?.code }).toEqual({ status, code });
  }

  beforeAll(async () => {
    sink = await startMailSink();
    ctx = await startTestApp({
      SMTP_URL: sink.url,
      PUBLIC_URL,
      PASSWORD_RESET_RATE_LIMIT: String(RESET_BUDGET),
    });
    town = await createTown(ctx.ds);
  });

  afterAll(async () => {
    await ctx?.close();
    await sink?.close();
  });

  it('should answer the same for an unknown address, and e-mail only the known one', async () => {
    const user = await register();
    const unknown = `nobody-${randomBytes(4).toString('hex')}@example.test`;
    const a = await ask(unknown);
    const b = await ask(user.email);
    expect(a.status).toBe(202);
    expect(b.status).toBe(202);
    expect(a.body).toEqual({ accepted: true });
    expect(b.body).toEqual(a.body);
    expect(Object.keys(a.headers).sort()).toEqual(Object.keys(b.headers).sort());
    await resetTokenFor(user.email);
    expect(sink.to(unknown)).toHaveLength(0);
  });

  it('should e-mail a link valid 1 hour that sets the password once and ends every session', async () => {
    const user = await register();
    const other = await login(user.email, TEST_PASSWORD);
    expect(other.status).toBe(200);
    const otherCookie = ([] as string[])
      .concat(other.headers['set-cookie'] ?? [])
      .find((c) => c.startsWith('partagora_refresh='))!
      .split(';')[0]!;

    expect((await ask(user.email)).status).toBe(202);
    const token = await resetTokenFor(user.email);
    const mail = resetMails(user.email)[0]!;
    expect(mail.subject).toMatch(/mot de passe/);
    expect(mail.html).toContain(`${PUBLIC_URL}/reset-password?token=${token}`);
    const [row] = await ctx.ds.query<Array<{ created_at: Date; expires_at: Date }>>(
      `SELECT created_at, expires_at FROM account_tokens WHERE user_id = $1 AND purpose = 'password_reset'`,
      [user.id],
    );
    const minutes = (row!.expires_at.getTime() - row!.created_at.getTime()) / 60_000;
    expect(minutes).toBeGreaterThan(59.9);
    expect(minutes).toBeLessThan(60.1);

    const res = await reset(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ passwordChanged: true });

    // Both earlier sessions are over: access tokens refused, refresh tokens too.
    for (const access of [user.token, other.body.accessToken as string]) {
      expectError(
        await api().get('/api/v1/me').set('Authorization', `Bearer ${access}`),
        401,
        'UNAUTHENTICATED',
      );
    }
    for (const cookie of [user.refreshCookie, otherCookie]) {
      expectError(
        await api().post('/api/v1/auth/refresh').set('Cookie', cookie),
        401,
        'INVALID_REFRESH_TOKEN',
      );
    }
    expectError(await login(user.email, TEST_PASSWORD), 401, 'INVALID_CREDENTIALS');
    const fresh = await login(user.email, NEW_PASSWORD);
    expect(fresh.status).toBe(200);
    // The link came through the mailbox: the address is confirmed.
    const me = await api()
      .get('/api/v1/me')
      .set('Authorization', `Bearer ${fresh.body.accessToken}`);
    expect(me.body.emailConfirmed).toBe(true);

    expectError(await reset(token, 'encore un autre mot de passe'), 422, 'PASSWORD_RESET_INVALID');
  });

  it('should refuse an expired link', async () => {
    const user = await register();
    await ask(user.email);
    const token = await resetTokenFor(user.email);
    await ctx.ds.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second'
        WHERE user_id = $1 AND purpose = 'password_reset'`,
      [user.id],
    );
    expectError(await reset(token), 422, 'PASSWORD_RESET_INVALID');
    expect((await login(user.email, TEST_PASSWORD)).status).toBe(200);
  });

  it('should retire an older link when a new one is asked for', async () => {
    const user = await register();
    await ask(user.email);
    const older = await resetTokenFor(user.email);
    await ask(user.email);
    const newer = await resetTokenFor(user.email, 2);
    expectError(await reset(older), 422, 'PASSWORD_RESET_INVALID');
    expect((await reset(newer)).status).toBe(200);
  });

  it('should refuse a common password with a field error, keeping the link usable', async () => {
    const user = await register();
    await ask(user.email);
    const token = await resetTokenFor(user.email);
    // On the list as typed, or once lower-cased ("PASSWORD1").
    for (const common of ['password', 'azertyuiop', '12345678', 'PASSWORD1']) {
      const res = await reset(token, common);
      expectError(res, 400, 'PASSWORD_TOO_COMMON');
      expect(res.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
    }
    const short = await reset(token, 'court');
    expectError(short, 400, 'VALIDATION_FAILED');
    expect((await reset(token)).status).toBe(200);
  });

  it('should refuse a common password at registration (400 on password)', async () => {
    const res = await api()
      .post('/api/v1/auth/register')
      .send({
        email: `common-${randomBytes(4).toString('hex')}@example.test`,
        password: 'password',
        displayName: 'Alex',
        municipality: town.slug,
        home: destination(town.centre, 10, 300),
      });
    expectError(res, 400, 'PASSWORD_TOO_COMMON');
    expect(res.body.error.details).toEqual([{ path: 'password', message: expect.any(String) }]);
  });

  it('should answer 429 after the per-address budget, whatever the addresses asked about', async () => {
    const from = '203.0.113.77';
    for (let i = 0; i < RESET_BUDGET; i++) {
      expect((await ask(`someone-${i}@example.test`, from)).status).toBe(202);
    }
    const refused = await ask('someone-else@example.test', from);
    expectError(refused, 429, 'RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});
