import { createHash, randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import {
  type CreateVerificationCodesInput,
  DomainError,
  type IssuedVerificationCodes,
  type RedeemVerificationCodeResponse,
  VERIFICATION_CODE_DEFAULT_DAYS,
  type VerificationCodeSummary,
  cursorCodec,
  formatVerificationCode,
  generateVerificationCode,
  normalizeVerificationCode,
  verificationCodeExpiry,
} from '@partagora/domain';
import { DataSource } from 'typeorm';
import { Clock } from '../../common/clock';
import { isConstraintViolation } from '../../common/sql';
import { TownStaffAccess } from '../municipalities/town-staff-access';
import { UsersService } from '../users/users.service';
import { VerificationCodesRepository } from './verification-codes.repository';
import { VerificationThrottle } from './verification-throttle';

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const listCursor = cursorCodec(['instant', 'uuid']);

const invalidCode = () =>
  new DomainError(
    'VERIFICATION_CODE_INVALID',
    'This code is not valid: check it, or ask your town hall for a new one',
    [{ path: 'code', message: 'Invalid code' }],
  );

/** Town-hall verification: codes issued by a town's staff, redeemed once by its residents. */
@Injectable()
export class VerificationService {
  constructor(
    private readonly ds: DataSource,
    private readonly repo: VerificationCodesRepository,
    private readonly users: UsersService,
    private readonly throttle: VerificationThrottle,
    private readonly clock: Clock,
    private readonly staff: TownStaffAccess,
  ) {}

  /** The town's id when `userId` is its staff (or a platform admin); 404 / 403 otherwise. */
  private async staffTown(userId: string, slug: string): Promise<string> {
    return (await this.staff.staffTown(userId, slug, 'manage its verification codes')).id;
  }

  /** New codes, returned in plain this once; only their SHA-256 is stored. */
  async issue(
    userId: string,
    slug: string,
    input: CreateVerificationCodesInput,
  ): Promise<IssuedVerificationCodes> {
    const townId = await this.staffTown(userId, slug);
    const expiresAt = verificationCodeExpiry(
      this.clock.now(),
      input.validDays ?? VERIFICATION_CODE_DEFAULT_DAYS,
    );
    const codes = new Set<string>();
    // A clash with a stored code (odds ~count·stored/4·10^13) fails the unique index: draw again.
    for (let attempt = 1; ; attempt++) {
      codes.clear();
      while (codes.size < input.count) codes.add(generateVerificationCode((n) => randomBytes(n)));
      try {
        await this.ds.transaction((m) =>
          this.repo.insertMany(m, townId, userId, [...codes].map(sha256), expiresAt),
        );
        break;
      } catch (err) {
        if (attempt >= 3 || !isConstraintViolation(err, 'uq_verification_codes_code_hash')) {
          throw err;
        }
      }
    }
    return {
      items: [...codes].map((code) => ({
        code: formatVerificationCode(code),
        expiresAt: expiresAt.toISOString(),
      })),
    };
  }

  async list(
    userId: string,
    slug: string,
    q: { limit: number; cursor?: string },
  ): Promise<{ items: VerificationCodeSummary[]; nextCursor: string | null }> {
    const townId = await this.staffTown(userId, slug);
    const after = q.cursor ? listCursor.decode(q.cursor) : null;
    const rows = await this.repo.list(
      townId,
      q.limit + 1,
      after ? { createdAt: after[0], id: after[1] } : null,
    );
    const page = rows.slice(0, q.limit);
    const last = page[page.length - 1];
    return {
      items: page.map(({ createdUs: _createdUs, ...item }) => item),
      nextCursor:
        rows.length > q.limit && last ? listCursor.encode([last.createdUs, last.id]) : null,
    };
  }

  /**
   * Redeems a code for the member's own town. Every attempt is counted before the check (per
   * member and per address); a wrong, used, expired or other town's code is one answer, 422.
   * A member already verified gets the same success without using a code up.
   */
  async redeem(
    userId: string,
    address: string,
    rawCode: string,
  ): Promise<RedeemVerificationCodeResponse> {
    const residence = await this.users.residence(userId);
    if (!residence) throw new DomainError('UNAUTHENTICATED', 'This account no longer exists');
    const municipality = { slug: residence.slug, name: residence.name };
    if (residence.verifiedAt) return { verified: true, municipality };
    const attempt = await this.throttle.attempt(userId, address);
    const code = normalizeVerificationCode(rawCode);
    if (!code) throw invalidCode();
    const redeemed = await this.ds.transaction(async (manager) => {
      const won = await this.repo.redeem(
        manager,
        sha256(code),
        residence.municipalityId,
        userId,
        this.clock.now(),
      );
      if (won) await this.users.markVerified(manager, userId);
      return won;
    });
    if (!redeemed) throw invalidCode();
    await attempt.succeeded();
    return { verified: true, municipality };
  }
}
