import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { z } from 'zod';

/** An Ed25519 public key as a JWK (RFC 8037), as /.well-known/jwks.json serves it. */
export interface PublicSigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  use: 'sig';
  alg: 'EdDSA';
}

/** The instance's attestation signing key and every public key it vouches for. */
export interface AttestationKeys {
  /** Private JWK (with `d`), `kid` set. */
  privateJwk: { kty: 'OKP'; crv: 'Ed25519'; x: string; d: string; kid: string };
  kid: string;
  /** The current key first, then the previous ones still served. */
  publicJwks: PublicSigningJwk[];
}

const b64url = z.string().regex(/^[A-Za-z0-9_-]+$/, 'base64url expected');

const privateJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: b64url,
  d: b64url,
  kid: z.string().min(1).max(200).optional(),
});

const publicJwkSchema = z.object({
  kty: z.literal('OKP'),
  crv: z.literal('Ed25519'),
  x: b64url,
  kid: z.string().min(1).max(200),
});

/** RFC 7638 thumbprint of an OKP key: SHA-256 over its required members in lexical order. */
export function jwkThumbprint(jwk: { crv: string; kty: string; x: string }): string {
  const canonical = JSON.stringify({ crv: jwk.crv, kty: jwk.kty, x: jwk.x });
  return createHash('sha256').update(canonical).digest('base64url');
}

/** A fresh Ed25519 private JWK with its thumbprint as `kid` (development secrets). */
export function generateSigningJwk(): string {
  const { privateKey } = generateKeyPairSync('ed25519');
  const jwk = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const key = { kty: 'OKP', crv: 'Ed25519', x: jwk.x, d: jwk.d };
  return JSON.stringify({ ...key, kid: jwkThumbprint(key) });
}

/**
 * Parses `ATTESTATION_PRIVATE_JWK` and `ATTESTATION_PREVIOUS_JWKS`; returns the problem as a
 * string (for the config error) when they are not usable. The private key must match its `x`.
 */
export function parseAttestationKeys(
  privateRaw: string,
  previousRaw: string,
): AttestationKeys | { error: string; path: string } {
  let priv: z.infer<typeof privateJwkSchema>;
  try {
    priv = privateJwkSchema.parse(JSON.parse(privateRaw));
    const derived = createPublicKey(
      createPrivateKey({ key: { ...priv, kid: undefined }, format: 'jwk' }),
    ).export({ format: 'jwk' }) as { x: string };
    if (derived.x !== priv.x) throw new Error('`x` is not the public half of `d`');
  } catch (err) {
    return {
      path: 'ATTESTATION_PRIVATE_JWK',
      error: `must be an Ed25519 private JWK (${(err as Error).message.split('\n')[0]})`,
    };
  }
  let previous: Array<z.infer<typeof publicJwkSchema>>;
  try {
    previous = z.array(publicJwkSchema).max(20).parse(JSON.parse(previousRaw));
  } catch (err) {
    return {
      path: 'ATTESTATION_PREVIOUS_JWKS',
      error: `must be a JSON array of Ed25519 public JWKs with kid (${(err as Error).message.split('\n')[0]})`,
    };
  }
  const kid = priv.kid ?? jwkThumbprint(priv);
  const toPublic = (k: { x: string; kid: string }): PublicSigningJwk => ({
    kty: 'OKP',
    crv: 'Ed25519',
    x: k.x,
    kid: k.kid,
    use: 'sig',
    alg: 'EdDSA',
  });
  return {
    privateJwk: { kty: 'OKP', crv: 'Ed25519', x: priv.x, d: priv.d, kid },
    kid,
    publicJwks: [
      toPublic({ x: priv.x, kid }),
      ...previous.filter((p) => p.kid !== kid).map(toPublic),
    ],
  };
}
