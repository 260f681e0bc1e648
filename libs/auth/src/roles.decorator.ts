import { SetMetadata } from '@nestjs/common';
import { Role } from './actor';

export const ROLES_KEY = 'auth:roles';
export const PUBLIC_KEY = 'auth:public';

/** The roles allowed on a route. A route with neither @Roles nor @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => SetMetadata(ROLES_KEY, roles);

/** No token needed (health, docs). */
export const Public = () => SetMetadata(PUBLIC_KEY, true);
