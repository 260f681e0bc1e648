import Ajv, { ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/**
 * Every answer an e2e test receives, checked against the OpenAPI document of the app that sent
 * it (`/docs-json`): its status is one the operation documents, its content type one documented
 * for that status, its body valid against that schema. The documents cannot drift from what the
 * apps send: a mismatch fails the test that met it, naming the operation, the status and why.
 */
export interface OpenApiDocument {
  paths: Record<string, Record<string, Operation | undefined>>;
  components?: Record<string, unknown>;
}

interface Operation {
  responses: Record<
    string,
    {
      content?: Record<string, { schema?: unknown }>;
      headers?: Record<string, { required?: boolean; schema?: unknown }>;
    }
  >;
}

export interface ReceivedAnswer {
  method: string;
  /** The request's path, with its query string if any. */
  path: string;
  status: number;
  contentType: string | null;
  /** Parsed JSON, the text of another type, or undefined when empty. */
  body: unknown;
  /** The answer's headers; without them, only the status and the body are checked. */
  headers?: Headers;
}

/** An answer the document does not describe. */
export class UndocumentedAnswer extends Error {
  override name = 'UndocumentedAnswer';
}

/** The OpenAPI formats JSON Schema does not know: their values are checked by type alone. */
const OPENAPI_FORMATS = ['int32', 'int64', 'float', 'double', 'byte', 'binary', 'password'];

export class OpenApiConformance {
  private readonly ajv: Ajv;
  private readonly validators = new Map<string, ValidateFunction>();
  private readonly templates: { template: string; pattern: RegExp; literal: number }[];
  /** Every header some answer of the document describes (lower case): the API's own headers. */
  private readonly apiHeaders: Set<string>;

  constructor(private readonly document: OpenApiDocument) {
    this.ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(this.ajv);
    for (const format of OPENAPI_FORMATS) this.ajv.addFormat(format, true);
    this.ajv.addSchema(withJsonSchemaNulls(document) as object, DOCUMENT_ID);
    this.templates = Object.keys(document.paths)
      .map((template) => ({
        template,
        pattern: new RegExp(
          `^${template
            .split(/(\{[^}]+\})/)
            .map((part) => (part.startsWith('{') ? '[^/]+' : escapeRegExp(part)))
            .join('')}$`,
        ),
        literal: template.replace(/\{[^}]+\}/g, '').length,
      }))
      // The most specific template wins: `/public/feed.xml` over `/public/{page}`,
      // `/reports/{quarter}.{format}` over `/reports/{quarter}`.
      .sort((a, b) => b.literal - a.literal);
    this.apiHeaders = new Set(
      Object.values(document.paths).flatMap((operations) =>
        Object.values(operations).flatMap((operation) =>
          Object.values(operation?.responses ?? {}).flatMap((response) =>
            Object.keys(response.headers ?? {}).map((name) => name.toLowerCase()),
          ),
        ),
      ),
    );
  }

  /** Throws an `UndocumentedAnswer` saying what does not match; an unknown path is not checked. */
  check(answer: ReceivedAnswer): void {
    const path = answer.path.split('?')[0];
    const method = answer.method.toLowerCase();
    const template = this.templates.find(
      ({ template, pattern }) => pattern.test(path) && this.document.paths[template][method],
    )?.template;
    if (!template) return; // a path or method the app does not serve: the router's 404 or 405
    const operation = this.document.paths[template][method]!;
    const where = `${method.toUpperCase()} ${template} answered ${answer.status}`;
    const statusKey = [String(answer.status), `${String(answer.status)[0]}XX`, 'default'].find(
      (key) => key in operation.responses,
    );
    if (!statusKey) {
      throw new UndocumentedAnswer(
        `${where}, a status its OpenAPI document does not list (it lists ${Object.keys(operation.responses).join(', ')})`,
      );
    }
    if (answer.headers) this.checkHeaders(answer.headers, template, method, statusKey, where);
    const content = operation.responses[statusKey].content;
    if (answer.body === undefined || answer.body === '') return;
    const mediaType = answer.contentType?.split(';')[0].trim().toLowerCase() ?? '';
    if (!content || !(mediaType in content)) {
      throw new UndocumentedAnswer(
        `${where} with a body of type ${mediaType || 'unknown'}, which its OpenAPI document does not describe (it documents ${content ? Object.keys(content).join(', ') : 'no body'})`,
      );
    }
    if (!content[mediaType].schema || typeof answer.body === 'string') return;
    const validate = this.validator(template, method, statusKey, ['content', mediaType, 'schema']);
    if (!validate(answer.body)) {
      const errors = (validate.errors ?? [])
        .slice(0, 10)
        .map(
          (error) =>
            `${error.instancePath || '(body)'} ${error.message ?? ''} ${JSON.stringify(error.params)}`,
        )
        .join('; ');
      throw new UndocumentedAnswer(
        `${where}: the ${mediaType} body does not match its OpenAPI schema: ${errors}\nbody: ${JSON.stringify(answer.body).slice(0, 2000)}`,
      );
    }
  }

  /**
   * The headers the document describes for this answer: present when required, valid against
   * their schema; and none of the API's own headers (one the document describes for some answer,
   * such as ETag or Location) on an answer that does not describe it.
   */
  private checkHeaders(
    headers: Headers,
    template: string,
    method: string,
    status: string,
    where: string,
  ): void {
    const documented = Object.fromEntries(
      Object.entries(this.document.paths[template][method]!.responses[status].headers ?? {}).map(
        ([name, header]) => [name.toLowerCase(), { name, header }],
      ),
    );
    for (const [lower, { name, header }] of Object.entries(documented)) {
      const value = headers.get(lower);
      if (value === null) {
        if (header.required)
          throw new UndocumentedAnswer(`${where} without its required ${name} header`);
        continue;
      }
      if (!header.schema) continue;
      const validate = this.validator(template, method, status, ['headers', name, 'schema']);
      if (!validate(coerced(value, header.schema))) {
        throw new UndocumentedAnswer(
          `${where}: its ${name} header ${JSON.stringify(value)} does not match its OpenAPI schema (${this.ajv.errorsText(validate.errors)})`,
        );
      }
    }
    headers.forEach((_value, lower) => {
      if (this.apiHeaders.has(lower) && !(lower in documented)) {
        throw new UndocumentedAnswer(
          `${where} with the API's ${lower} header, which its OpenAPI document does not describe for this answer`,
        );
      }
    });
  }

  private validator(template: string, method: string, status: string, within: string[]) {
    const pointer = ['paths', template, method, 'responses', status, ...within]
      .map((part) => part.replace(/~/g, '~0').replace(/\//g, '~1'))
      .join('/');
    let validate = this.validators.get(pointer);
    if (!validate) {
      validate = this.ajv.compile({ $ref: `${DOCUMENT_ID}#/${encodeURI(pointer)}` });
      this.validators.set(pointer, validate);
    }
    return validate;
  }
}

const DOCUMENT_ID = 'openapi.json';

/**
 * OpenAPI 3.0's `nullable: true` as JSON Schema says it: the schema, or null. Clients read it so
 * (openapi-typescript's `X | null`), beside an `enum` or an `allOf` reference too, where JSON
 * Schema validators would not.
 */
function withJsonSchemaNulls(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(withJsonSchemaNulls);
  if (typeof node !== 'object' || node === null) return node;
  const copy = Object.fromEntries(
    Object.entries(node).map(([key, value]) => [key, withJsonSchemaNulls(value)]),
  );
  if (copy.nullable !== true) return copy;
  delete copy.nullable;
  return { anyOf: [copy, { type: 'null' }] };
}

/** A header's text as its schema types it: headers are strings on the wire. */
function coerced(value: string, schema: unknown): unknown {
  const type = (schema as { type?: string }).type;
  return (type === 'integer' || type === 'number') && /^-?\d+(\.\d+)?$/.test(value)
    ? Number(value)
    : value;
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

const documents = new Map<string, Promise<OpenApiConformance>>();

/** The conformance check of the app at `baseUrl`, its document fetched once per app. */
export function conformanceOf(baseUrl: string): Promise<OpenApiConformance> {
  let conformance = documents.get(baseUrl);
  if (!conformance) {
    conformance = fetch(`${baseUrl}/docs-json`).then(async (response) => {
      if (!response.ok) throw new Error(`${baseUrl}/docs-json answered ${response.status}`);
      return new OpenApiConformance((await response.json()) as OpenApiDocument);
    });
    documents.set(baseUrl, conformance);
    conformance.catch(() => documents.delete(baseUrl));
  }
  return conformance;
}

/**
 * `fetch` against one of the apps, its answer checked against the app's document before it is
 * returned (read from a clone: the caller reads the body as it likes, text, bytes or JSON).
 */
export async function checkedFetch(
  baseUrl: string,
  path: string,
  init: RequestInit = {},
): Promise<Response> {
  const response = await fetch(`${baseUrl}${path}`, init);
  const contentType = response.headers.get('content-type');
  const text = await response.clone().text();
  const json = /[/+]json/.test(contentType ?? '') && text !== '';
  (await conformanceOf(baseUrl)).check({
    method: init.method ?? 'GET',
    path,
    status: response.status,
    contentType,
    body: json ? (JSON.parse(text) as unknown) : text === '' ? undefined : text,
    headers: response.headers,
  });
  return response;
}
