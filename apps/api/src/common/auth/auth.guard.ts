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
import { DelegatedRequestAudit } from './delegated-request-audit';
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
    private readonly delegated: DelegatedRequestAudit,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const isPublic = this.reflector.getAllAndOverride<boolean>(IS_PUBLIC, [
      context.getHandler(),
      context.getClass(),
    ]);
    if (isPublic) return true;
    const req = context.switchToHttp().getRequest<Request>();
    const principal = await this.verifier.verify(bearerToken(req.header('authorization')));
    const { actorId } = principal;
    // Assisted mode: staff acting for a resident; the request is in the town's audit log first.
    if (actorId) {
      await this.delegated.record(
        { ...principal, actorId },
        { method: req.method, path: (req.originalUrl ?? req.url).split('?')[0] ?? '' },
      );
    }
    req.principal = principal;
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
