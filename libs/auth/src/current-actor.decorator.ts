import { createParamDecorator, ExecutionContext } from '@nestjs/common';
import { Actor } from './actor';
import { AuthenticatedRequest } from './auth.guard';

/** The verified caller, in a handler's parameters. */
export const CurrentActor = createParamDecorator((_: unknown, context: ExecutionContext): Actor => {
  const actor = context.switchToHttp().getRequest<AuthenticatedRequest>().actor;
  if (!actor) throw new Error('CurrentActor used on a route without authentication');
  return actor;
});
