import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  applyDecorators,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { ApiResponse } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import { addressKey } from './client-address';
import type { RateLimitPolicyName } from './rate-limit.policies';
import { RateLimitService } from './rate-limit.service';

const RATE_LIMITS = 'partagora:rate-limits';

/**
 * Policies a route may name. `requests` is counted for every /api call before anything else
 * (`requestBudget`), the login failure counts by the auth service, socket events by the gateway.
 */
export type RouteRateLimit = Exclude<
  RateLimitPolicyName,
  | 'requests'
  | 'login.account'
  | 'login.address'
  | 'verify.member'
  | 'verify.address'
  | 'password-reset.account'
  | 'socket.event'
>;

/**
 * Adds rate limits to a route, on top of the per-address `requests` budget of every call:
 * `@RateLimit('listing.create')`, `@RateLimit('report.create')`. A `member` policy counts the
 * signed-in caller (the address on a public route), an `address` policy the client address as
 * `TRUST_PROXY` lets Express see it.
 */
export const RateLimit = (...policies: RouteRateLimit[]) =>
  applyDecorators(
    SetMetadata(RATE_LIMITS, policies),
    ApiResponse({ status: 429, description: 'RATE_LIMITED, with Retry-After (seconds)' }),
  );

/** Global guard, after the auth guard (member limits need the caller): the route's policies. */
@Injectable()
export class RateLimitGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly limits: RateLimitService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const policies =
      this.reflector.getAllAndMerge<RouteRateLimit[]>(RATE_LIMITS, [
        context.getHandler(),
        context.getClass(),
      ]) ?? [];
    if (policies.length === 0) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const member = req.principal?.userId;
    for (const name of policies) {
      const byMember = this.limits.policy(name).subject === 'member' && member;
      await this.limits.consume(name, byMember ? `u:${member}` : addressKeyOf(req));
    }
    return true;
  }
}

/** The rate-limit key of the caller's address (as `trust proxy` lets Express see it). */
export function addressKeyOf(req: Request): string {
  return `a:${addressKey(req.ip)}`;
}

/**
 * Express middleware for `/api`: the `requests` budget per address, counted before the body is
 * read or the token checked, so a flood costs as little as possible.
 */
export function requestBudget(limits: RateLimitService) {
  return (req: Request, _res: Response, next: NextFunction): void => {
    limits.consume('requests', addressKeyOf(req)).then(() => next(), next);
  };
}
