import { createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { generateSigningJwk, jwkThumbprint, parseAttestationKeys } from './signing-key';
import { loadConfig } from './app-config';

describe(parseAttestationKeys.name, () => {
  const fresh = () => JSON.parse(generateSigningJwk()) as Record<string, string>;

  it('should accept a generated key, name it by its RFC 7638 thumbprint and serve only its public half', () => {
    const jwk = fresh();
    const keys = parseAttestationKeys(JSON.stringify(jwk), '[]');
    if ('error' in keys) throw new Error(keys.error);
    expect(keys.kid).toBe(jwkThumbprint({ kty: 'OKP', crv: 'Ed25519', x: jwk.x! }));
    expect(keys.publicJwks).toEqual([
      { kty: 'OKP', crv: 'Ed25519', x: jwk.x, kid: keys.kid, use: 'sig', alg: 'EdDSA' },
    ]);
    // The served half verifies what the private half signs.
    const { d: _d, ...pub } = keys.privateJwk;
    const signature = sign(null, Buffer.from('hello'), {
      key: { ...keys.privateJwk, kid: undefined },
      format: 'jwk',
    });
    const publicKey = createPublicKey({ key: { ...pub, kid: undefined }, format: 'jwk' });
    expect(verify(null, Buffer.from('hello'), publicKey, signature)).toBe(true);
  });

  it('should compute the RFC 7638 thumbprint of the RFC 8037 example key', () => {
    // RFC 8037 appendix A.3.
    expect(
      jwkThumbprint({
        kty: 'OKP',
        crv: 'Ed25519',
        x: '11qYAYKxCrfVS_7TyWQHOg7hcvPapiMlrwIaaPcHURo',
      }),
    ).toBe('kPrK_qmxVWaYVA9wwBF6Iuo3vVzz7TxHCTwXBygrS4k');
  });

  it('should keep an explicit kid and serve the previous public keys after the current one', () => {
    const current = { ...fresh(), kid: '2026-12' };
    const old = { kty: 'OKP', crv: 'Ed25519', x: fresh().x, kid: '2026-01' };
    const keys = parseAttestationKeys(JSON.stringify(current), JSON.stringify([old]));
    if ('error' in keys) throw new Error(keys.error);
    expect(keys.kid).toBe('2026-12');
    expect(keys.publicJwks.map((k) => k.kid)).toEqual(['2026-12', '2026-01']);
  });

  it.each([
    ['not JSON', 'nope', '[]', 'ATTESTATION_PRIVATE_JWK'],
    [
      'an RSA key',
      JSON.stringify({ kty: 'RSA', n: 'x', e: 'AQAB', d: 'x' }),
      '[]',
      'ATTESTATION_PRIVATE_JWK',
    ],
    [
      'a public key only',
      JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x: 'abc' }),
      '[]',
      'ATTESTATION_PRIVATE_JWK',
    ],
    [
      'a previous key without kid',
      'GOOD',
      JSON.stringify([{ kty: 'OKP', crv: 'Ed25519', x: 'abc' }]),
      'ATTESTATION_PREVIOUS_JWKS',
    ],
  ])('should refuse %s', (_what, priv, previous, path) => {
    const raw = priv === 'GOOD' ? generateSigningJwk() : priv;
    const result = parseAttestationKeys(raw, previous);
    expect(result).toMatchObject({ path });
  });

  it('should refuse a key whose x is not the public half of its d', () => {
    const a = fresh();
    const b = generateKeyPairSync('ed25519').publicKey.export({ format: 'jwk' }) as { x: string };
    expect(parseAttestationKeys(JSON.stringify({ ...a, x: b.x }), '[]')).toMatchObject({
      path: 'ATTESTATION_PRIVATE_JWK',
    });
  });
});

describe(`${loadConfig.name} attestation key`, () => {
  const base = {
    DATABASE_URL: 'postgres://u:p@localhost:5432/db',
    REDIS_URL: 'redis://localhost:6379',
    JWT_SECRET: 'a'.repeat(40),
    LOCATION_SECRET: 'b'.repeat(40),
  };

  it('should refuse to boot in production without ATTESTATION_PRIVATE_JWK', () => {
    expect(() => loadConfig({ ...base, NODE_ENV: 'production' })).toThrow(
      /ATTESTATION_PRIVATE_JWK/,
    );
  });

  it('should boot in production with one', () => {
    const config = loadConfig({
      ...base,
      NODE_ENV: 'production',
      ATTESTATION_PRIVATE_JWK: generateSigningJwk(),
      VAPID_PUBLIC_KEY: 'B'.repeat(87),
      VAPID_PRIVATE_KEY: 'k'.repeat(43),
      VAPID_SUBJECT: 'mailto:mairie@example.fr',
    });
    expect(config.attestation.publicJwks).toHaveLength(1);
  });
});
