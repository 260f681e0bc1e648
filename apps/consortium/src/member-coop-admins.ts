import {
  applyDecorators,
  CanActivate,
  ExecutionContext,
  Injectable,
  SetMetadata,
  UseGuards,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AccessRefused, AuthenticatedRequest, Role, Roles } from '@libs/auth';
import { AdmittedCoops } from './admitted-coops';

const MEMBER_COOP_ADMINS = 'consortium:member-coop-admins';

interface MemberCoopAdminsOptions {
  /** The route parameter naming a coop: a coop admin reads only their own coop's entry. */
  ownCoopParam?: string;
}

/**
 * The route's roles, and the role "coop admin of a member coop": a `coop-admin` token passes only
 * while the board counts its coop a member (admitted, or withdrawing and not settled), else 403
 * naming the rule `member_coop_admin`; with `ownCoopParam`, only for its own coop (`own_coop_only`).
 */
export const RolesAndMemberCoopAdmins = (
  roles: Exclude<Role, 'coop-admin'>[],
  options: MemberCoopAdminsOptions = {},
) =>
  applyDecorators(
    Roles(...roles, 'coop-admin'),
    SetMetadata(MEMBER_COOP_ADMINS, options),
    UseGuards(MemberCoopAdminsGuard),
  );

/** Runs after the global AuthGuard, which has verified the token and put the actor on the request. */
@Injectable()
export class MemberCoopAdminsGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly admitted: AdmittedCoops,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const request = context
      .switchToHttp()
      .getRequest<AuthenticatedRequest & { params?: Record<string, string> }>();
    const actor = request.actor;
    if (actor?.role !== 'coop-admin') return true;
    const coopId = await this.admitted.coopOf(actor);
    const options = this.reflector.get<MemberCoopAdminsOptions | undefined>(
      MEMBER_COOP_ADMINS,
      context.getHandler(),
    );
    const named = options?.ownCoopParam && request.params?.[options.ownCoopParam];
    if (named && named !== coopId) {
      throw new AccessRefused('own_coop_only', `a coop admin of ${coopId} reads only that coop`);
    }
    return true;
  }
}
