import { createHash } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';

/** What to do once the password proved right. */
export interface LoginAttempt {
  succeeded(): Promise<void>;
}

/**
 * Password guessing, counted per account and per client address in Redis (every API process sees
 * the same counts). Each attempt is counted as a failure *before* the password is checked, so
 * parallel guesses cannot slip past the count, and a success gives its point back: only failures
 * remain. Over either budget the answer is 429, even for the right password. The account is
 * counted by e-mail whether it exists or not, so a refusal reveals nothing about accounts; the key
 * is a hash, so Redis holds no e-mail address.
 */
@Injectable()
export class LoginThrottle {
  constructor(private readonly limits: RateLimitService) {}

  /** Throws RATE_LIMITED (or RATE_LIMIT_UNAVAILABLE while Redis is down) before any check. */
  async attempt(email: string, address: string): Promise<LoginAttempt> {
    const account = `e:${createHash('sha256').update(email.trim().toLowerCase()).digest('hex')}`;
    await this.limits.consume('login.address', address);
    await this.limits.consume('login.account', account);
    return {
      succeeded: async () => {
        await Promise.all([
          this.limits.reset('login.account', account),
          this.limits.reward('login.address', address),
        ]);
      },
    };
  }
}
