#!/usr/bin/env node
// Verifies the reputation attestation of a Partagora export offline, against a saved JWKS:
//
//   node tools/verify-export.mjs <export.json> <jwks.json>
//
// <export.json> is what `GET /api/v1/me/export` returned; <jwks.json> what the instance serves at
// `/.well-known/jwks.json` (saved once, from the instance you trust). Plain Node (node:crypto), no
// network, no dependency. Prints the attested reputation and exits 0 when the signature is good;
// exits 1 when it is not (or the attestation does not belong to this export), 2 on bad usage.
import { createPublicKey, verify } from 'node:crypto';
import { readFileSync } from 'node:fs';

function fail(message, code = 1) {
  process.stderr.write(`verify-export: ${message}\n`);
  process.exit(code);
}

const [exportPath, jwksPath] = process.argv.slice(2);
if (!exportPath || !jwksPath) fail('usage: verify-export.mjs <export.json> <jwks.json>', 2);

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${file}: ${err.message}`, 2);
  }
}

const data = readJson(exportPath);
const jwks = readJson(jwksPath);

const token = data?.attestation;
if (typeof token !== 'string') fail('the export has no attestation');
const parts = token.split('.');
if (parts.length !== 3 || parts.some((p) => !/^[A-Za-z0-9_-]*$/.test(p))) {
  fail('the attestation is not a compact JWS');
}
const [headerB64, payloadB64, signatureB64] = parts;

const decode = (b64, what) => {
  try {
    return JSON.parse(Buffer.from(b64, 'base64url').toString('utf8'));
  } catch {
    return fail(`the attestation's ${what} is not JSON`);
  }
};
const header = decode(headerB64, 'header');
// The algorithm is fixed here, never taken from the token (no "alg: none", no confusion).
if (header.alg !== 'EdDSA')
  fail(`unexpected algorithm ${JSON.stringify(header.alg)} (EdDSA expected)`);
if (header.crit !== undefined)
  fail('the attestation has critical header parameters this tool does not know');

const keys = Array.isArray(jwks?.keys) ? jwks.keys : [];
const jwk = keys.find(
  (k) =>
    k && k.kty === 'OKP' && k.crv === 'Ed25519' && typeof k.x === 'string' && k.kid === header.kid,
);
if (!jwk) fail(`no Ed25519 key with kid ${JSON.stringify(header.kid)} in ${jwksPath}`);

let publicKey;
try {
  publicKey = createPublicKey({ key: { kty: 'OKP', crv: 'Ed25519', x: jwk.x }, format: 'jwk' });
} catch (err) {
  fail(`the key ${header.kid} is not a usable Ed25519 key: ${err.message}`);
}
const signed = Buffer.from(`${headerB64}.${payloadB64}`, 'ascii');
const ok = verify(null, signed, publicKey, Buffer.from(signatureB64, 'base64url'));
if (!ok) fail('BAD SIGNATURE: this attestation was not signed by that key, or was altered');

const payload = decode(payloadB64, 'payload');
if (data.user?.id !== undefined && payload.sub !== data.user.id) {
  fail(`the attestation is about ${payload.sub}, not about this export's member ${data.user.id}`);
}

process.stdout.write(
  `${JSON.stringify(
    {
      valid: true,
      issuer: payload.iss,
      subject: payload.sub,
      issuedAt: new Date(payload.iat * 1000).toISOString(),
      kid: header.kid,
      reputation: payload.reputation,
    },
    null,
    2,
  )}\n`,
);
