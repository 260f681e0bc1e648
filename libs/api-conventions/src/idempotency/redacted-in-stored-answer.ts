import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';

export const REDACTED_IN_STORED_ANSWER = 'idempotency:redacted';

/**
 * Fields of a recording's answer that are said once and never kept: the answer stored for
 * Idempotency-Key retries has them as null (a webhook's signing secret). In the route's config,
 * where the idempotency hooks read it; merged with what other decorators put there.
 */
export function RedactedInStoredAnswer(...fields: string[]): MethodDecorator {
  return (_target, _property, descriptor) => {
    const config: unknown = Reflect.getMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      descriptor.value as object,
    );
    Reflect.defineMetadata(
      FASTIFY_ROUTE_CONFIG_METADATA,
      { ...(config as object), [REDACTED_IN_STORED_ANSWER]: fields.map((field) => [field]) },
      descriptor.value as object,
    );
  };
}
