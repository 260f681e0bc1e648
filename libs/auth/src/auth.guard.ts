import {
  CanActivate,
  ExecutionContext,
  ForbiddenException,
  HttpException,
  Inject,
  Injectable,
  ServiceUnavailableException,
  UnauthorizedException,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { Actor, Role } from './actor';
import { ACCESS_POLICY, AccessPolicy } from './access-policy';
import { PUBLIC_KEY, ROLES_KEY } from './roles.decorator';
import { InvalidToken } from './token';
import { IdentityProviderUnavailable, TokenVerifier } from './token-verifier';
import { VerifiedTokens } from './verified-tokens';

/** The request as the guard leaves it for handlers: with the verified actor. */
export interface AuthenticatedRequest {
  headers: Record<string, string | string[] | undefined>;
  actor?: Actor;
}

/**
 * Global guard: every route needs a valid token and one of its @Roles, unless it is @Public.
 * A route that forgot its @Roles is closed, not open.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  private readonly tokens: VerifiedTokens;

  constructor(
    private readonly reflector: Reflector,
    verifier: TokenVerifier,
    @Inject(ACCESS_POLICY) private readonly policy: AccessPolicy,
  ) {
    this.tokens = new VerifiedTokens(verifier);
  }

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) return true;

    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const actor = await this.authenticate(request.headers.authorization);
    const refusal = this.policy.refuse(actor);
    if (refusal) throw new ForbiddenException(refusal);

    const roles = this.reflector.getAllAndOverride<Role[]>(ROLES_KEY, targets) ?? [];
    if (!roles.includes(actor.role)) {
      throw new ForbiddenException(`the ${actor.role} role may not do this`);
    }
    request.actor = actor;
    return true;
  }

  /**
   * For code that runs before the guard (Fastify hooks): the actor it will let through to this
   * route, `null` if the route is public, `undefined` if it will refuse the request. It reads the
   * Fastify route's config, where @Roles and @Public also put themselves on a handler; on a
   * controller class they are not seen here, and the guard has the last word on such a route.
   */
  async admittedTo(
    route: object | undefined,
    authorization: string | string[] | undefined,
  ): Promise<Actor | null | undefined> {
    const config = (route ?? {}) as Readonly<Record<string, unknown>>;
    if (config[PUBLIC_KEY] === true) return null;
    let actor: Actor;
    try {
      actor = await this.authenticate(authorization);
    } catch (error) {
      if (error instanceof HttpException) return undefined;
      throw error;
    }
    if (this.policy.refuse(actor)) return undefined;
    const roles = config[ROLES_KEY] as Role[] | undefined;
    return roles && !roles.includes(actor.role) ? undefined : actor;
  }

  private async authenticate(header: string | string[] | undefined): Promise<Actor> {
    const match = typeof header === 'string' ? /^Bearer (\S+)$/i.exec(header) : null;
    if (!match)
      throw new UnauthorizedException('an Authorization: Bearer <token> header is required');
    try {
      return await this.tokens.verify(match[1]);
    } catch (error) {
      if (error instanceof InvalidToken) throw new UnauthorizedException(error.message);
      if (error instanceof IdentityProviderUnavailable) {
        throw new ServiceUnavailableException(error.message);
      }
      throw error;
    }
  }
}
