import { Injectable } from '@nestjs/common';
import { RateLimitService } from '../../common/rate-limit/rate-limit.service';

/**
 * Code guessing, counted per member and per client address in Redis, as sign-in is
 * (LoginThrottle): each attempt counts as a failure before the code is checked, a success gives
 * its point back. Over either budget: 429, even for a good code; Redis down: 503 (fail closed).
 */
@Injectable()
export class VerificationThrottle {
  constructor(private readonly limits: RateLimitService) {}

  async attempt(userId: string, address: string): Promise<{ succeeded(): Promise<void> }> {
    const member = `u:${userId}`;
    await this.limits.consume('verify.address', address);
    await this.limits.consume('verify.member', member);
    return {
      succeeded: async () => {
        await Promise.all([
          this.limits.reward('verify.member', member),
          this.limits.reward('verify.address', address),
        ]);
      },
    };
  }
}
