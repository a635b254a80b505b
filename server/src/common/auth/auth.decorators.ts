import { createParamDecorator, type ExecutionContext, SetMetadata } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import type { Actor } from './actor.types.js';

export const PUBLIC_KEY = 'careloom:public';
export const ROLES_KEY = 'careloom:roles';

/** The route needs no login. */
export const Public = () => SetMetadata(PUBLIC_KEY, true);

/** The caller needs one of these roles (in any org unit). */
export const Roles = (...roles: string[]) => SetMetadata(ROLES_KEY, roles);

export type AuthenticatedRequest = FastifyRequest & { actor?: Actor };

export const CurrentActor = createParamDecorator((_data: unknown, context: ExecutionContext): Actor => {
  const request = context.switchToHttp().getRequest<AuthenticatedRequest>();
  if (!request.actor) {
    throw new Error('CurrentActor used on a public route');
  }
  return request.actor;
});
