import { type CanActivate, type ExecutionContext, Injectable } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { hasRole } from '../../common/auth/actor.types.js';
import { PUBLIC_KEY, ROLES_KEY, type AuthenticatedRequest } from '../../common/auth/auth.decorators.js';
import { UserActivityService } from '../../common/auth/user-activity.service.js';
import { ForbiddenError, NotAuthenticatedError } from '../../common/errors/domain.errors.js';
import { roleNamesZh } from '../users/roles.constants.js';
import { AuthService } from './auth.service.js';

/** Global guard: every route needs a valid bearer token unless marked @Public; @Roles narrows further. */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly auth: AuthService,
    private readonly activity: UserActivityService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean>(PUBLIC_KEY, targets)) {
      return true;
    }
    const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
    const header = request.headers.authorization;
    const match = typeof header === 'string' ? /^Bearer\s+(\S+)$/i.exec(header) : null;
    if (!match?.[1]) {
      throw new NotAuthenticatedError();
    }
    request.actor = await this.auth.authenticate(match[1], { ip: request.ip, requestId: String(request.id) });
    await this.activity.note(request.actor);
    const roles = this.reflector.getAllAndOverride<string[] | undefined>(ROLES_KEY, targets);
    if (roles && !hasRole(request.actor, roles)) {
      throw new ForbiddenError(
        `This needs one of the roles: ${roles.join(', ')}.`,
        `这需要以下角色之一：${roleNamesZh(roles)}。`,
      );
    }
    return true;
  }
}
