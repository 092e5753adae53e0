import {
  type CanActivate,
  type ExecutionContext,
  Injectable,
  SetMetadata,
  createParamDecorator,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { DomainError } from '@partagora/domain';
import type { Request } from 'express';
import { AccessVerifier, bearerToken } from './access-verifier';
import type { Principal } from './principal';

const IS_PUBLIC = 'partagora:public';

/** Marks a route as reachable without an account (DESIGN.md §3 "public without an account"). */
export const Public = () => SetMetadata(IS_PUBLIC, true);

declare module 'express-serve-static-core' {
  interface Request {
    principal?: Principal;
  }
}

/** Global guard: every route needs a signed-in user unless marked `@Public()`. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly verifier: AccessVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    const req = context.switchToHttp().getRequest<Request>();
    if (isPublic) {
      // A public page may say more to a signed-in caller (their RSVP, a pending organisation
      // they belong to); a missing or stale token just means an anonymous reader.
      const token = bearerToken(req.header('authorization'));
      if (token) req.principal = await this.verifier.verify(token).catch(() => undefined);
      return true;
    }
    req.principal = await this.verifier.verify(bearerToken(req.header('authorization')));
    return true;
  }
}

/** The signed-in caller; only on routes behind the guard. */
export const CurrentUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal => {
    const principal = ctx.switchToHttp().getRequest<Request>().principal;
    if (!principal) throw new DomainError('UNAUTHENTICATED', 'Sign in to continue');
    return principal;
  },
);

/** On a `@Public()` route: the signed-in caller if a valid token came, else null. */
export const OptionalUser = createParamDecorator(
  (_data: unknown, ctx: ExecutionContext): Principal | null =>
    ctx.switchToHttp().getRequest<Request>().principal ?? null,
);
