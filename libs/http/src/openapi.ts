import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { MAX_PATH_SEGMENT_LENGTH } from './framework-errors';
import { documentValidationRules } from './validation-rules-schema';
import { PROBLEM_SCHEMA, PROBLEM_SCHEMA_NAME, problemResponse } from './api-problems.decorator';

export interface ApiDescription {
  title: string;
  description: string;
  version?: string;
  /**
   * The app's `openapi-metadata.ts` (`npm run openapi:metadata`): what the swagger compiler plugin
   * read in the types of its DTOs and response classes.
   */
  openApiMetadata?: () => Promise<Record<string, unknown>>;
}

export const DOCS_PATH = 'docs';

/** The OpenAPI document at `/docs-json` and its browsable page at `/docs`. */
export async function setupOpenApi(app: INestApplication, api: ApiDescription): Promise<void> {
  // The plugin's types first: the validation rules are said over them.
  if (api.openApiMetadata) await SwaggerModule.loadPluginMetadata(api.openApiMetadata);
  documentValidationRules();
  const config = new DocumentBuilder()
    .setTitle(api.title)
    .setDescription(api.description)
    .setVersion(api.version ?? '0.1.0')
    .addBearerAuth({
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description:
        'An HS256 JWT (sub, role, coopId, exp) signed with the federation secret, checked as RFC8725 advises: the algorithm is pinned to HS256, the signature compared in constant time, exp and nbf honoured.',
    })
    .build();
  const document = withTypedNullables(
    withSharedProblems(withIdempotencyKeys(SwaggerModule.createDocument(app, config))),
  );
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

/** Every POST records something (the public API), and takes an Idempotency-Key: said once, for all. */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
  description:
    'Makes a retry safe: the first answer is kept (24 hours by default); the same key with the same request from the same caller gets it again and records nothing; with another request, 422; while the first is still running, 409. A key belongs to its caller: another caller may use the same key for its own requests. 1 to 255 visible ASCII characters.',
};

const IF_MATCH = {
  name: 'If-Match',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const, maxLength: 14, pattern: '^(\\*|(W/)?"?[0-9]{1,9}"?)$' },
  description:
    'The ETag the client last read (`"3"`): the change is made only if the resource is still at that version, else 412. Absent or `*`: no precondition.',
};

function withIdempotencyKeys(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    if (path.post) path.post.parameters = [...(path.post.parameters ?? []), IDEMPOTENCY_KEY];
  }
  return document;
}

/**
 * What every operation can answer, said once for all: 414 (URL too long), 429 (rate limit) and
 * 5XX; 401 where a token is needed; 413 and 415 where it reads a body. An operation with no security requirement (`@Public()`, such as `/health`) says so
 * with an empty one, rather than leaving a reader to guess.
 */
type Operation = NonNullable<OpenAPIObject['paths'][string]['get']>;
type ParameterObject = Extract<NonNullable<Operation['parameters']>[number], { in: string }>;

function withSharedProblems(document: OpenAPIObject): OpenAPIObject {
  document.components = {
    ...document.components,
    schemas: { ...document.components?.schemas, [PROBLEM_SCHEMA_NAME]: PROBLEM_SCHEMA },
  };
  for (const path of Object.values(document.paths)) {
    for (const method of ['get', 'put', 'post', 'delete', 'patch'] as const) {
      const operation = path[method];
      if (!operation) continue;
      operation.security ??= [];
      // A route that can answer 412 takes the precondition that gives it.
      if (operation.responses[412]) {
        operation.parameters = [...(operation.parameters ?? []), IF_MATCH];
      }
      boundParameters(operation);
      const shared = [
        ...(operation.security.length > 0 ? [401 as const] : []),
        ...(operation.requestBody ? [413 as const, 415 as const] : []),
        414 as const,
        429 as const,
      ];
      for (const status of shared) operation.responses[status] ??= problemResponse(status);
      // Any 5xx (500, a 503 while the database is out of reach) is a problem document.
      if (!operation.responses[500] && !operation.responses[503]) {
        operation.responses['5XX'] = {
          ...problemResponse(500),
          description: 'the server failed, or cannot serve now; the cause is logged, not revealed',
        };
      }
    }
  }
  return document;
}

/**
 * What the HTTP layer itself bounds, said in the schema: Fastify's router refuses a path segment
 * over MAX_PATH_SEGMENT_LENGTH (414), Node refuses headers over 16 KiB in all (431). A header read
 * with `@Headers(name)` is also listed by Nest under its lowercase name, required: the documented
 * one (`@ApiHeader`) is kept.
 */
function boundParameters(operation: Operation): void {
  const parameters = (operation.parameters ?? []).filter(
    (parameter): parameter is ParameterObject => 'in' in parameter,
  );
  operation.parameters = parameters.filter(
    (parameter) =>
      !(
        parameter.in === 'header' &&
        parameter.name === parameter.name.toLowerCase() &&
        parameters.some(
          (other) =>
            other !== parameter &&
            other.in === 'header' &&
            other.name.toLowerCase() === parameter.name,
        )
      ),
  );
  for (const parameter of operation.parameters as ParameterObject[]) {
    const schema = parameter.schema;
    if (!schema || !('type' in schema) || schema.type !== 'string') continue;
    if (parameter.in === 'path') schema.maxLength ??= MAX_PATH_SEGMENT_LENGTH;
    if (parameter.in === 'header') schema.maxLength ??= NODE_MAX_HEADER_SIZE;
  }
}

/** Node's default `--max-http-header-size`. */
const NODE_MAX_HEADER_SIZE = 16_384;

/**
 * OpenAPI 3.0 admits `null` only beside a `type` (`nullable` alone means nothing): Nest drops the
 * `type` of a property given as `oneOf` object schemas, so a nullable one (a training's price:
 * money, hours, or null) gets its `type: object` back here.
 */
function withTypedNullables(document: OpenAPIObject): OpenAPIObject {
  for (const schema of Object.values(document.components?.schemas ?? {})) {
    if (!('properties' in schema)) continue;
    for (const property of Object.values(schema.properties ?? {})) {
      if ('nullable' in property && property.nullable && !property.type && property.oneOf) {
        property.type = 'object';
      }
    }
  }
  return document;
}
