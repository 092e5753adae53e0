import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { loadConfig } from './app-config';
import { vapidPublicKeyOf } from './vapid-keys';

describe(`${loadConfig.name} development secrets`, () => {
  let dir: string;
  const base = {
    NODE_ENV: 'development',
    DATABASE_URL: 'postgres://u:p@localhost:5432/db',
    REDIS_URL: 'redis://localhost:6379',
  };

  beforeEach(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'partagora-secrets-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('should generate the attestation key once and reuse it', () => {
    const first = loadConfig({ ...base, PARTAGORA_DATA_DIR: dir });
    const second = loadConfig({ ...base, PARTAGORA_DATA_DIR: dir });
    expect(second.attestation.kid).toBe(first.attestation.kid);
    expect(second.jwtSecret).toBe(first.jwtSecret);
  });

  it('should add the attestation key to an older secrets file and keep its other secrets', () => {
    const old = { JWT_SECRET: 'j'.repeat(43), LOCATION_SECRET: 'l'.repeat(43) };
    writeFileSync(path.join(dir, 'secrets.json'), JSON.stringify(old));
    const config = loadConfig({ ...base, PARTAGORA_DATA_DIR: dir });
    expect(config.jwtSecret).toBe(old.JWT_SECRET);
    expect(config.locationSecret).toBe(old.LOCATION_SECRET);
    const stored = JSON.parse(readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as Record<
      string,
      string
    >;
    expect(JSON.parse(stored.ATTESTATION_PRIVATE_JWK!)).toMatchObject({
      kty: 'OKP',
      crv: 'Ed25519',
    });
  });

  it('should generate the key even when the other secrets come from the environment', () => {
    const config = loadConfig({
      ...base,
      PARTAGORA_DATA_DIR: dir,
      JWT_SECRET: 'a'.repeat(40),
      LOCATION_SECRET: 'b'.repeat(40),
    });
    expect(config.jwtSecret).toBe('a'.repeat(40));
    expect(config.attestation.publicJwks).toHaveLength(1);
  });

  it('should generate a matching VAPID key pair once, and complete a lone private key', () => {
    const first = loadConfig({ ...base, PARTAGORA_DATA_DIR: dir });
    expect(first.vapid.publicKey).toMatch(/^[A-Za-z0-9_-]{87}$/);
    expect(first.vapid.privateKey).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(vapidPublicKeyOf(first.vapid.privateKey)).toBe(first.vapid.publicKey);
    expect(loadConfig({ ...base, PARTAGORA_DATA_DIR: dir }).vapid).toEqual(first.vapid);
  });
});
