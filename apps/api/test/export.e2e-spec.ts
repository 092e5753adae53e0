import { execFile } from 'node:child_process';
import { createPublicKey, verify } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import type { LatLng } from '@partagora/geo';
import request from 'supertest';
import { AccountService } from '../src/modules/account/account.service';
import { type TestTown, createTown } from './factories/towns';
import { TEST_PASSWORD, type TestUser, registerUser } from './factories/users';
import { client, completedGift, preciseNear } from './support/neighbours';
import { type TestApp, startTestApp } from './test-context';

const run = promisify(execFile);
const VERIFY = path.resolve(__dirname, '../../../tools/verify-export.mjs');
const PUBLIC_URL = 'https://partagora.test';

interface Jwk {
  kty: string;
  crv: string;
  x: string;
  kid: string;
  use: string;
  alg: string;
  d?: string;
}

/** Verifies a compact JWS with node:crypto (not jose, which signed it) against a JWKS. */
function verifyWithNodeCrypto(token: string, keys: Jwk[]): boolean {
  const [h, p, s] = token.split('.') as [string, string, string];
  const header = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg: string; kid: string };
  if (header.alg !== 'EdDSA') return false;
  const jwk = keys.find((k) => k.kid === header.kid);
  if (!jwk) return false;
  const key = createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' });
  return verify(null, Buffer.from(`${h}.${p}`), key, Buffer.from(s, 'base64url'));
}

const decodePart = (b64: string) =>
  JSON.parse(Buffer.from(b64, 'base64url').toString()) as Record<string, unknown>;

describe(AccountService.name, () => {
  let t: TestApp;
  let town: TestTown;
  let alice: TestUser;
  let bob: TestUser;
  let dir: string;
  /** Bob's garage: a place of his own that Alice must never see. */
  let garage: LatLng;
  const bobName = `Bob Voisin ${Date.now().toString(36)}`;

  beforeAll(async () => {
    t = await startTestApp({ PUBLIC_URL });
    town = await createTown(t.ds);
    alice = await registerUser(
      t.url,
      town,
      preciseNear(town.centre, 0.002, 0.001),
      'Alice Exporte',
    );
    bob = await registerUser(t.url, town, preciseNear(town.centre, -0.003, 0.002), bobName);
    dir = mkdtempSync(path.join(os.tmpdir(), 'partagora-export-'));

    const a = client(t.url, alice);
    const b = client(t.url, bob);
    // Alice gives a lamp to Bob (completed), lends a drill, and asks for Bob's ladder.
    const lamp = await a.ok('/listings', {
      kind: 'give',
      category: 'household',
      title: 'Lampe de chevet',
    });
    const gift = await completedGift(t.url, alice, bob, lamp.id, 'Bonjour, la lampe me plairait');
    await a.ok('/listings', { kind: 'lend', category: 'tools', title: 'Perceuse' });
    garage = preciseNear(town.centre, 0.004, -0.003);
    const ladder = await b.ok('/listings', {
      kind: 'lend',
      category: 'tools',
      title: 'Échelle',
      location: garage,
    });
    const conv = (gift as { conversationId?: string }).conversationId;
    if (conv) {
      await a.ok(`/conversations/${conv}/messages`, { body: 'Passez quand vous voulez' });
      await b.ok(`/conversations/${conv}/messages`, {
        body: 'Merci, à demain devant la boulangerie',
      });
    }
    await a.ok('/alerts', { radius: 1000, category: 'tools' });
    expect(ladder.id).toBeDefined();
  });

  afterAll(async () => {
    rmSync(dir, { recursive: true, force: true });
    await t?.close();
  });

  it('should refuse the export and the erasure to anonymous callers (401)', async () => {
    const exp = await request(t.url).get('/api/v1/me/export');
    expect(exp.status).toBe(401);
    expect(exp.body.error.code).toBe('UNAUTHENTICATED');
    const del = await request(t.url).delete('/api/v1/me').send({ password: TEST_PASSWORD });
    expect(del.status).toBe(401);
    expect(del.body.error.code).toBe('UNAUTHENTICATED');
  });

  it('should serve the public keys as Ed25519 JWKs at the root, outside /api/v1, without the private part', async () => {
    const res = await request(t.url).get('/.well-known/jwks.json');
    expect(res.status).toBe(200);
    expect(res.headers['cache-control']).toMatch(/public/);
    const keys = res.body.keys as Jwk[];
    expect(keys.length).toBeGreaterThanOrEqual(1);
    for (const k of keys) {
      expect(k).toMatchObject({ kty: 'OKP', crv: 'Ed25519', use: 'sig', alg: 'EdDSA' });
      expect(typeof k.kid).toBe('string');
      expect(k.d).toBeUndefined();
    }
    expect((await request(t.url).get('/api/v1/.well-known/jwks.json')).status).toBe(404);
  });

  it('should export everything about me with a reputation attestation that node:crypto verifies against the JWKS', async () => {
    const res = await client(t.url, alice).get('/me/export');
    expect(res.status).toBe(200);
    expect(res.headers['content-disposition']).toMatch(/attachment; filename="partagora-export-/);
    expect(res.headers['cache-control']).toBe('no-store');
    const data = res.body as Record<string, unknown> & {
      user: { id: string; email: string; home: { lat: number; lng: number } };
      listings: Array<{ title: string; location: unknown; photos: unknown[] }>;
      exchanges: Array<{ counterpart: Record<string, unknown>; status: string }>;
      messages: Array<{ body: string; author: Record<string, unknown> }>;
      attestation: string;
    };
    for (const key of [
      'exportedAt',
      'user',
      'listings',
      'exchanges',
      'messages',
      'reviewsAbout',
      'reviewsBy',
      'notifications',
      'alerts',
      'notificationPreferences',
      'attestation',
    ]) {
      expect(data).toHaveProperty(key);
    }
    expect(data.user).toMatchObject({ id: alice.id, email: alice.email, home: alice.home });
    expect(data.listings.map((l) => l.title).sort()).toEqual(['Lampe de chevet', 'Perceuse']);
    expect(data.listings[0]!.location).toBeDefined();
    expect(data.exchanges).toHaveLength(1);
    expect(data.exchanges[0]!.status).toBe('completed');
    expect(data.exchanges[0]!.counterpart).toEqual({ id: bob.id, displayName: bobName });
    expect(data.messages.map((m) => m.body)).toEqual(
      expect.arrayContaining(['Passez quand vous voulez', 'Merci, à demain devant la boulangerie']),
    );
    for (const m of data.messages)
      expect(Object.keys(m.author).sort()).toEqual(['displayName', 'id']);
    expect(data.alerts).toHaveLength(1);
    expect(data.reviewsAbout).toEqual([]);
    expect(data.reviewsBy).toEqual([]);

    const jwks = (await request(t.url).get('/.well-known/jwks.json')).body as { keys: Jwk[] };
    const [h, p] = data.attestation.split('.') as [string, string, string];
    expect(decodePart(h)).toMatchObject({ alg: 'EdDSA', kid: jwks.keys[0]!.kid });
    const payload = decodePart(p);
    expect(payload).toMatchObject({
      iss: PUBLIC_URL,
      sub: alice.id,
      reputation: {
        completed: { loan: 0, gift: 1, swap: 0, answer: 0, total: 1 },
        onTimeReturns: 0,
        lateReturns: 0,
        noShows: 0,
        verified: false,
      },
    });
    expect(typeof payload.iat).toBe('number');
    expect(verifyWithNodeCrypto(data.attestation, jwks.keys)).toBe(true);

    // The same signature over a better reputation does not verify.
    const forged = {
      ...payload,
      reputation: {
        ...(payload.reputation as object),
        noShows: 0,
        completed: { loan: 50, gift: 1, swap: 0, answer: 0, total: 51 },
      },
    };
    const tampered = `${h}.${Buffer.from(JSON.stringify(forged)).toString('base64url')}.${data.attestation.split('.')[2]}`;
    expect(verifyWithNodeCrypto(tampered, jwks.keys)).toBe(false);
  });

  it('should show other people by id and display name only: no e-mail, home or exact place of theirs', async () => {
    const res = await client(t.url, alice).get('/me/export');
    const text = JSON.stringify(res.body);
    expect(text).toContain(bobName);
    for (const needle of [
      bob.email,
      bob.home.lat.toFixed(5),
      bob.home.lng.toFixed(5),
      garage.lat.toFixed(5),
      garage.lng.toFixed(5),
    ]) {
      expect(text).not.toContain(needle);
    }
  });

  it('should verify a saved export offline with tools/verify-export.mjs, and refuse a tampered one', async () => {
    const exported = (await client(t.url, alice).get('/me/export')).body as { attestation: string };
    const jwks = (await request(t.url).get('/.well-known/jwks.json')).body as object;
    const exportFile = path.join(dir, 'export.json');
    const jwksFile = path.join(dir, 'jwks.json');
    writeFileSync(exportFile, JSON.stringify(exported));
    writeFileSync(jwksFile, JSON.stringify(jwks));

    const good = await run(process.execPath, [VERIFY, exportFile, jwksFile]);
    const out = JSON.parse(good.stdout) as Record<string, unknown>;
    expect(out).toMatchObject({
      valid: true,
      issuer: PUBLIC_URL,
      subject: alice.id,
      reputation: { completed: { gift: 1, total: 1 } },
    });

    const [h, p, s] = exported.attestation.split('.') as [string, string, string];
    const payload = decodePart(p);
    const better = {
      ...payload,
      reputation: {
        ...(payload.reputation as object),
        noShows: 0,
        lateReturns: 0,
        onTimeReturns: 99,
      },
    };
    const badFile = path.join(dir, 'tampered.json');
    writeFileSync(
      badFile,
      JSON.stringify({
        ...exported,
        attestation: `${h}.${Buffer.from(JSON.stringify(better)).toString('base64url')}.${s}`,
      }),
    );
    await expect(run(process.execPath, [VERIFY, badFile, jwksFile])).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/BAD SIGNATURE/),
    });

    // A JWKS of another instance (another key under the same kid) does not vouch for it either.
    const otherJwks = path.join(dir, 'other-jwks.json');
    const { generateKeyPairSync } = await import('node:crypto');
    const x = (generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as { x: string })
      .x;
    const kid = (decodePart(h) as { kid: string }).kid;
    writeFileSync(
      otherJwks,
      JSON.stringify({ keys: [{ kty: 'OKP', crv: 'Ed25519', x, kid, use: 'sig', alg: 'EdDSA' }] }),
    );
    await expect(run(process.execPath, [VERIFY, exportFile, otherJwks])).rejects.toMatchObject({
      code: 1,
    });
  });
});
