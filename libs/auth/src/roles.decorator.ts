import { SetMetadata } from '@nestjs/common';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { Role } from './actor';

export const ROLES_KEY = 'auth:roles';
export const PUBLIC_KEY = 'auth:public';

/**
 * Also put in the Fastify route's config (Nest's RouteConfig), for hooks that run before the guard
 * and must know whom it will admit: Fastify gives them the route's config, not the handler's
 * metadata. Merged, so that @Roles and @RouteConfig on one handler keep each other's keys.
 */
function alsoInRouteConfig(key: string, value: unknown): MethodDecorator & ClassDecorator {
  return (target: object, property?: string | symbol, descriptor?: PropertyDescriptor) => {
    SetMetadata(key, value)(target, property!, descriptor!);
    if (!descriptor) return;
    const config: unknown = Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, descriptor.value);
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(config as object), [key]: value },
      descriptor.value as object,
    );
  };
}

/** The roles allowed on a route. A route with neither @Roles nor @Public is refused to everyone. */
export const Roles = (...roles: Role[]) => alsoInRouteConfig(ROLES_KEY, roles);

/** No token needed (health, docs). */
export const Public = () => alsoInRouteConfig(PUBLIC_KEY, true);
