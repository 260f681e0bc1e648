import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';

export interface ApiDescription {
  title: string;
  description: string;
  version?: string;
}

export const DOCS_PATH = 'docs';

/** The OpenAPI document at `/docs-json` and its browsable page at `/docs`. */
export function setupOpenApi(app: INestApplication, api: ApiDescription): void {
  const config = new DocumentBuilder()
    .setTitle(api.title)
    .setDescription(api.description)
    .setVersion(api.version ?? '0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', bearerFormat: 'JWT' })
    .build();
  const document = withIdempotencyKeys(SwaggerModule.createDocument(app, config));
  SwaggerModule.setup(DOCS_PATH, app, document, { jsonDocumentUrl: `${DOCS_PATH}-json` });
}

/** Every POST records something (API.md), and takes an Idempotency-Key: said once, for all. */
const IDEMPOTENCY_KEY = {
  name: 'Idempotency-Key',
  in: 'header' as const,
  required: false,
  schema: { type: 'string' as const, minLength: 1, maxLength: 255 },
  description:
    'Makes a retry safe: the first answer is kept (24 hours by default); the same key with the same request from the same caller gets it again and records nothing; with another request, 422; while the first is still running, 409. A key belongs to its caller: another caller may use the same key for its own requests. 1 to 255 visible ASCII characters.',
};

function withIdempotencyKeys(document: OpenAPIObject): OpenAPIObject {
  for (const path of Object.values(document.paths)) {
    if (path.post) path.post.parameters = [...(path.post.parameters ?? []), IDEMPOTENCY_KEY];
  }
  return document;
}
