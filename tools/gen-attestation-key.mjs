#!/usr/bin/env node
// Prints a fresh Ed25519 private JWK (with its RFC 7638 thumbprint as `kid`) for
// ATTESTATION_PRIVATE_JWK in production, and the public JWK to keep in ATTESTATION_PREVIOUS_JWKS
// after a later rotation:  node tools/gen-attestation-key.mjs
import { createHash, generateKeyPairSync } from 'node:crypto';

const { privateKey } = generateKeyPairSync('ed25519');
const { x, d } = privateKey.export({ format: 'jwk' });
const kid = createHash('sha256')
  .update(JSON.stringify({ crv: 'Ed25519', kty: 'OKP', x }))
  .digest('base64url');
process.stdout.write(
  `ATTESTATION_PRIVATE_JWK='${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, d, kid })}'\n` +
    `# public half (for ATTESTATION_PREVIOUS_JWKS after a rotation):\n` +
    `# ${JSON.stringify({ kty: 'OKP', crv: 'Ed25519', x, kid })}\n`,
);
