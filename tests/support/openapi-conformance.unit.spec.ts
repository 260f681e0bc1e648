import { OpenApiConformance, UndocumentedAnswer } from './openapi-conformance';

const document = {
  paths: {
    '/members/{id}': {
      get: {
        responses: {
          '200': {
            headers: {
              ETag: { schema: { type: 'string', pattern: '^"[0-9]+"$' } },
              'X-Parked-Events': { required: false, schema: { type: 'string' } },
            },
            content: { 'application/json': { schema: { $ref: '#/components/schemas/Member' } } },
          },
          '404': {
            content: {
              'application/problem+json': { schema: { $ref: '#/components/schemas/Problem' } },
            },
          },
        },
      },
    },
    '/members/summary': {
      get: { responses: { '200': { content: { 'text/csv': { schema: { type: 'string' } } } } } },
    },
    '/members': {
      post: {
        responses: {
          '201': {
            headers: { Location: { required: true, schema: { type: 'string', maxLength: 40 } } },
          },
        },
      },
    },
  },
  components: {
    schemas: {
      Member: {
        type: 'object',
        required: ['memberId', 'shares', 'leftOn'],
        properties: {
          memberId: { type: 'string', format: 'uuid' },
          shares: { type: 'integer' },
          leftOn: { type: 'string', format: 'date', nullable: true },
        },
      },
      Problem: {
        type: 'object',
        required: ['status'],
        properties: { status: { type: 'integer' } },
      },
    },
  },
};

const conformance = new OpenApiConformance(document);
const member = { memberId: '0b5f2a52-7d8e-4a39-9c3e-3f1f7b6f9a10', shares: 4, leftOn: null };
const answer = (status: number, body: unknown, contentType = 'application/json') => ({
  method: 'GET',
  path: '/members/0b5f2a52-7d8e-4a39-9c3e-3f1f7b6f9a10?fields=all',
  status,
  contentType: `${contentType}; charset=utf-8`,
  body,
});

describe('an answer checked against the OpenAPI document', () => {
  it('passes when its status, content type and body are the documented ones', () => {
    expect(() => conformance.check(answer(200, member))).not.toThrow();
    expect(() =>
      conformance.check(answer(404, { status: 404 }, 'application/problem+json')),
    ).not.toThrow();
  });

  it('fails on a body that does not match the schema, naming the operation and the field', () => {
    const check = () => conformance.check(answer(200, { ...member, shares: 4.5 }));
    expect(check).toThrow(UndocumentedAnswer);
    expect(check).toThrow(/GET \/members\/\{id\} answered 200: .*\/shares must be integer/);
    expect(() =>
      conformance.check(answer(200, { memberId: 'nope', shares: 1, leftOn: null })),
    ).toThrow(/\/memberId must match format "uuid"/);
  });

  it('fails on a status the operation does not list', () => {
    expect(() =>
      conformance.check(answer(409, { status: 409 }, 'application/problem+json')),
    ).toThrow(
      /GET \/members\/\{id\} answered 409, a status its OpenAPI document does not list \(it lists 200, 404\)/,
    );
  });

  it('fails on a content type the status does not document', () => {
    expect(() => conformance.check(answer(200, 'id;shares', 'text/csv'))).toThrow(
      /with a body of type text\/csv, which its OpenAPI document does not describe/,
    );
  });

  it('matches a literal path before a template', () => {
    expect(() =>
      conformance.check({ ...answer(200, 'a,b', 'text/csv'), path: '/members/summary' }),
    ).not.toThrow();
  });

  it('leaves alone a path the app does not serve (the router answers it)', () => {
    expect(() =>
      conformance.check({ ...answer(404, { status: 404 }), path: '/nowhere' }),
    ).not.toThrow();
  });

  it('checks the headers the document describes: required, and valid against their schema', () => {
    const withHeaders = (headers: Record<string, string>) => ({
      ...answer(200, member),
      headers: new Headers(headers),
    });
    expect(() => conformance.check(withHeaders({ etag: '"3"' }))).not.toThrow();
    expect(() => conformance.check(withHeaders({ etag: 'W/"3"' }))).toThrow(
      /answered 200: its ETag header "W\/\\"3\\"" does not match its OpenAPI schema/,
    );
    const created = (headers: Record<string, string>) => ({
      method: 'POST',
      path: '/members',
      status: 201,
      contentType: null,
      body: undefined,
      headers: new Headers(headers),
    });
    expect(() => conformance.check(created({ location: '/members/1' }))).not.toThrow();
    expect(() => conformance.check(created({}))).toThrow(
      /POST \/members answered 201 without its required Location header/,
    );
  });

  it('fails on one of the API’s own headers sent where the document does not describe it', () => {
    expect(() =>
      conformance.check({
        ...answer(200, 'a,b', 'text/csv'),
        path: '/members/summary',
        headers: new Headers({ etag: '"2"', 'cache-control': 'no-store' }),
      }),
    ).toThrow(
      /GET \/members\/summary answered 200 with the API's etag header, which its OpenAPI document does not describe/,
    );
  });
});
