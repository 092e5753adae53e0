import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { destination } from '@partagora/geo';
import request, { type Response } from 'supertest';
import { securityHeaders } from '../src/common/http/security-headers';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { forwardedAddress, loopbackAgent } from './support/addresses';
import { type TestApp, startTestApp } from './test-context';

const TILE_URL = 'https://{s}.tiles.example.test/{z}/{x}/{y}.png';

/** The directives of a Content-Security-Policy header, by name. */
function directives(res: Response): Map<string, string[]> {
  const header = String(res.headers['content-security-policy'] ?? '');
  return new Map(
    header
      .split(';')
      .map((d) => d.trim().split(/\s+/))
      .filter((parts) => parts[0])
      .map(([name, ...values]) => [name!, values]),
  );
}

function refreshCookie(res: Response): string | undefined {
  return ([] as string[])
    .concat(res.headers['set-cookie'] ?? [])
    .find((c) => c.startsWith('partagora_refresh='));
}

describe(securityHeaders.name, () => {
  let t: TestApp;
  let untrusting: TestApp;
  let town: TestTown;
  let user: TestUser;

  beforeAll(async () => {
    t = await startTestApp({ TILE_URL });
    untrusting = await startTestApp({ TILE_URL, TRUST_PROXY: 'false' });
    town = await createTown(t.ds);
    user = await registerUser(t.url, town, destination(town.centre, 45, 800), 'Voisin', {
      forwardedFor: forwardedAddress(),
    });
  });

  afterAll(async () => {
    await untrusting?.close();
    await t?.close();
  });

  it('should send a CSP that fits the SPA, and the other security headers', async () => {
    const res = await request(t.url).get('/api/v1/municipalities').set('Host', 'partagora.test');
    expect(res.status).toBe(200);
    const csp = directives(res);
    expect(csp.get('default-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(csp.get('style-src')).toEqual(["'self'"]);
    expect(csp.get('img-src')).toEqual([
      "'self'",
      'data:',
      'blob:',
      'https://*.tiles.example.test',
    ]);
    expect(csp.get('connect-src')).toEqual([
      "'self'",
      'ws://partagora.test',
      'wss://partagora.test',
    ]);
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBe('DENY');
    expect(res.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(res.headers['permissions-policy']).toContain('geolocation=(self)');
    expect(res.headers['permissions-policy']).toContain('camera=()');
    expect(res.headers['permissions-policy']).toContain('microphone=()');
    expect(res.headers['x-powered-by']).toBeUndefined();
  });

  it('should send the headers on errors too, and leave a forged Host out of the CSP', async () => {
    const res = await request(t.url)
      .get('/api/v1/no-such-route')
      .set('Host', 'evil.test; script-src *');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
    const csp = directives(res);
    expect(csp.get('connect-src')).toEqual(["'self'"]);
    expect(csp.get('script-src')).toEqual(["'self'"]);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
  });

  it('should allow inline styles on the OpenAPI page only', async () => {
    const res = await request(t.url).get('/api/docs/');
    expect(res.status).toBe(200);
    expect(directives(res).get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
    expect(directives(res).get('script-src')).toEqual(["'self'"]);
  });

  it('should send no HSTS and no Secure cookie over plain HTTP', async () => {
    const res = await request(t.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', forwardedAddress())
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(refreshCookie(res)).toBeDefined();
    expect(refreshCookie(res)).not.toMatch(/;\s*Secure/i);
  });

  it('should send HSTS and a Secure refresh cookie when a trusted proxy says the request was HTTPS', async () => {
    const res = await request(t.url)
      .post('/api/v1/auth/login')
      .set('X-Forwarded-For', forwardedAddress())
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    expect(refreshCookie(res)).toMatch(/;\s*Secure/i);
    expect(refreshCookie(res)).toMatch(/;\s*HttpOnly/i);
  });

  it('should ignore X-Forwarded-Proto from a peer it does not trust', async () => {
    const res = await request(untrusting.url)
      .post('/api/v1/auth/login')
      .agent(loopbackAgent().agent)
      .set('X-Forwarded-Proto', 'https')
      .send({ email: user.email, password: TEST_PASSWORD });
    expect(res.status).toBe(200);
    expect(res.headers['strict-transport-security']).toBeUndefined();
    expect(refreshCookie(res)).not.toMatch(/;\s*Secure/i);
  });

  it('should make the cookie Secure and send HSTS on every request when COOKIE_SECURE forces it', async () => {
    const forced = await startTestApp({ COOKIE_SECURE: 'true' });
    try {
      const res = await request(forced.url)
        .post('/api/v1/auth/login')
        .set('X-Forwarded-For', forwardedAddress())
        .send({ email: user.email, password: TEST_PASSWORD });
      expect(res.status).toBe(200);
      expect(refreshCookie(res)).toMatch(/;\s*Secure/i);
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await forced.close();
    }
  });

  it("should send the same headers with the app's pages (WEB_DIST), behind nginx too", async () => {
    const dist = mkdtempSync(path.join(os.tmpdir(), 'partagora-web-'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>Partagora</title>');
    const web = await startTestApp({ TILE_URL, WEB_DIST: dist });
    try {
      // A client route, as nginx proxies it (X-Forwarded-Proto from its trusted address).
      const res = await request(web.url)
        .get('/listings/new')
        .set('X-Forwarded-For', forwardedAddress())
        .set('X-Forwarded-Proto', 'https');
      expect(res.status).toBe(200);
      expect(res.headers['content-type']).toMatch(/text\/html/);
      expect(directives(res).get('frame-ancestors')).toEqual(["'none'"]);
      expect(directives(res).get('script-src')).toEqual(["'self'"]);
      expect(res.headers['permissions-policy']).toContain('geolocation=(self)');
      expect(res.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
    } finally {
      await web.close();
      rmSync(dist, { recursive: true, force: true });
    }
  });
});
