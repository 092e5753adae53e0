import { destination } from '@partagora/geo';
import request from 'supertest';
import { AccountService } from '../src/modules/auth/account.service';
import { type TestTown, createTown } from './factories/towns';
import { type TestUser, registerUser } from './factories/users';
import { type MailSink, startMailSink } from './support/mail-sink';
import { type TestApp, startTestApp } from './test-context';

const PUBLIC_URL = 'https://partagora.test';

describe(`${AccountService.name} — e-mail confirmation`, () => {
  let ctx: TestApp;
  let sink: MailSink;
  let town: TestTown;
  let n = 0;

  const api = () => request(ctx.url);
  const me = (u: TestUser) => api().get('/api/v1/me').set('Authorization', `Bearer ${u.token}`);
  const confirm = (token: string) => api().post('/api/v1/auth/confirm-email').send({ token });
  const register = () =>
    registerUser(ctx.url, town, destination(town.centre, 30 * ++n, 500), `Camille ${n}`);

  /** The token of the newest confirmation link e-mailed to `email`. */
  async function linkTokenFor(email: string, count = 1): Promise<string> {
    await sink.waitFor(() => sink.to(email).length >= count);
    const mail = sink.to(email)[count - 1]!;
    expect(mail.headers.get('x-partagora-account-mail')).toBe('email_confirmation');
    const m = /https:\/\/partagora\.test\/confirm-email\?token=([A-Za-z0-9_-]+)/.exec(mail.text);
    expect(m).not.toBeNull();
    expect(mail.html).toContain(`${PUBLIC_URL}/confirm-email?token=${m![1]}`);
    return m![1]!;
  }

  beforeAll(async () => {
    sink = await startMailSink();
    ctx = await startTestApp({ SMTP_URL: sink.url, PUBLIC_URL });
    town = await createTown(ctx.ds);
  });

  afterAll(async () => {
    await ctx?.close();
    await sink?.close();
  });

  it('should e-mail a link on registration, valid 24 hours, that confirms the address once', async () => {
    const user = await register();
    expect((await me(user)).body.emailConfirmed).toBe(false);
    const token = await linkTokenFor(user.email);
    expect(sink.to(user.email)[0]!.subject).toMatch(/Confirmez/);

    const [row] = await ctx.ds.query<
      Array<{ created_at: Date; expires_at: Date; token_hash: string }>
    >(`SELECT created_at, expires_at, token_hash FROM account_tokens WHERE user_id = $1`, [
      user.id,
    ]);
    const hours = (row!.expires_at.getTime() - row!.created_at.getTime()) / 3_600_000;
    expect(hours).toBeGreaterThan(23.99);
    expect(hours).toBeLessThan(24.01);
    expect(row!.token_hash).not.toContain(token);

    const res = await confirm(token);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ emailConfirmed: true });
    expect((await me(user)).body.emailConfirmed).toBe(true);

    const again = await confirm(token);
    expect(again.status).toBe(422);
    expect(again.body.error.code).toBe('EMAIL_CONFIRMATION_INVALID');
  });

  it('should refuse a link older than 24 hours', async () => {
    const user = await register();
    const token = await linkTokenFor(user.email);
    await ctx.ds.query(
      `UPDATE account_tokens SET expires_at = now() - interval '1 second' WHERE user_id = $1`,
      [user.id],
    );
    const res = await confirm(token);
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('EMAIL_CONFIRMATION_INVALID');
    expect((await me(user)).body.emailConfirmed).toBe(false);
  });

  it('should refuse a made-up token and a malformed body', async () => {
    expect((await confirm('x'.repeat(43))).body.error.code).toBe('EMAIL_CONFIRMATION_INVALID');
    const bad = await api().post('/api/v1/auth/confirm-email').send({});
    expect(bad.status).toBe(400);
  });

  it('should send a new link on request, which replaces the older one', async () => {
    const user = await register();
    const older = await linkTokenFor(user.email);
    const res = await api()
      .post('/api/v1/auth/confirm-email/resend')
      .set('Authorization', `Bearer ${user.token}`);
    expect(res.status).toBe(202);
    const newer = await linkTokenFor(user.email, 2);
    expect(newer).not.toBe(older);
    expect((await confirm(older)).status).toBe(422);
    expect((await confirm(newer)).status).toBe(200);
  });
});
