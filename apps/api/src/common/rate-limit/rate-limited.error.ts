import { DomainError } from '@partagora/domain';

/** 429 RATE_LIMITED; the HTTP edge turns `retryAfterSeconds` into `Retry-After`. */
export class RateLimitedError extends DomainError {
  constructor(public readonly retryAfterSeconds: number) {
    super('RATE_LIMITED', 'Too many requests, please retry later', { retryAfterSeconds });
    this.name = 'RateLimitedError';
  }
}
