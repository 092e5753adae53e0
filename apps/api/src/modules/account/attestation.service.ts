import { Inject, Injectable } from '@nestjs/common';
import type { AttestationPayload, AttestedReputation } from '@partagora/domain';
import { SignJWT, importJWK } from 'jose';
import { APP_CONFIG, type AppConfig } from '../../config/app-config';
import type { PublicSigningJwk } from '../../config/signing-key';

/** The protected header's media type: a JWT claims set (RFC 7519) carried by a compact JWS. */
const ATTESTATION_TYP = 'JWT';

/**
 * Signs reputation attestations: a compact JWS (RFC 7515), `alg: EdDSA` over Ed25519, header
 * `{alg, kid, typ}`, payload `{iss, sub, iat, reputation}`. Anyone verifies it offline against
 * the JWKS of `iss` (`/.well-known/jwks.json`), e.g. with `tools/verify-export.mjs`.
 */
@Injectable()
export class AttestationService {
  private key: ReturnType<typeof importJWK> | null = null;

  constructor(@Inject(APP_CONFIG) private readonly config: AppConfig) {}

  /** The instance that attests: its public URL. */
  get issuer(): string {
    return this.config.publicUrl;
  }

  async sign(subject: string, reputation: AttestedReputation, now: Date): Promise<string> {
    this.key ??= importJWK(this.config.attestation.privateJwk, 'EdDSA');
    const payload: Pick<AttestationPayload, 'reputation'> = { reputation };
    return new SignJWT(payload)
      .setProtectedHeader({ alg: 'EdDSA', kid: this.config.attestation.kid, typ: ATTESTATION_TYP })
      .setIssuer(this.issuer)
      .setSubject(subject)
      .setIssuedAt(Math.floor(now.getTime() / 1000))
      .sign(await this.key);
  }

  /** Public keys only (the current one first), as RFC 7517 JWKs. */
  jwks(): { keys: PublicSigningJwk[] } {
    return { keys: this.config.attestation.publicJwks };
  }
}
