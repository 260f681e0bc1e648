import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * `docs/api.md`, the repository's own API reference: every operation of both apps as their OpenAPI
 * documents say it (`dist/openapi/*.json`, written by write-documents.ts): method and path, what it
 * does, its success answers with their body and headers, its problems. `npm run
 * openapi:reference` writes it; `--check` (in `npm run lint:openapi`, hence CI) fails when it is
 * not what the documents give.
 */
const ROOT = resolve(__dirname, '../..');
export const API_REFERENCE = join(ROOT, 'docs/api.md');

interface Schema {
  $ref?: string;
  type?: string;
  items?: Schema;
  description?: string;
}
interface Response {
  description?: string;
  headers?: Record<string, unknown>;
  content?: Record<string, { schema?: Schema }>;
}
interface Operation {
  summary?: string;
  tags?: string[];
  security?: unknown[];
  parameters?: { name: string; in: string; required?: boolean }[];
  requestBody?: { content?: Record<string, { schema?: Schema }> };
  responses: Record<string, Response>;
}
interface Document {
  info: { title: string; description: string };
  paths: Record<string, Record<string, Operation>>;
}

const APPS = [
  { file: 'consortium.json', title: 'Consortium app (`apps/consortium`)' },
  { file: 'coop.json', title: 'Coop app (`apps/coop`, one per coop)' },
];

function schemaName(schema: Schema | undefined): string {
  if (!schema) return '';
  if (schema.$ref) return `\`${schema.$ref.split('/').pop()}\``;
  if (schema.type === 'array') return `${schemaName(schema.items)}[]`;
  return schema.type ?? '';
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n+/g, ' ');
}

function answers(operation: Operation): { success: string; problems: string } {
  const success = Object.entries(operation.responses)
    .filter(([status]) => /^[23]/.test(status))
    .map(([status, response]) => {
      const bodies = Object.entries(response.content ?? {}).map(([type, media]) =>
        `${type === 'application/json' ? '' : `${type} `}${schemaName(media.schema)}`.trim(),
      );
      const headers = Object.keys(response.headers ?? {});
      return [
        status,
        bodies.length ? bodies.join(', ') : '',
        headers.length ? `(${headers.join(', ')})` : '',
      ]
        .filter(Boolean)
        .join(' ');
    });
  const problems = Object.keys(operation.responses).filter((status) => /^[45]/.test(status));
  return { success: success.join('; '), problems: problems.join(', ') };
}

function operationLines(document: Document): string[] {
  const lines = [
    '| operation | what | request | answers | problems |',
    '| --- | --- | --- | --- | --- |',
  ];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      const { success, problems } = answers(operation);
      const body = operation.requestBody?.content?.['application/json']?.schema;
      const headers = (operation.parameters ?? [])
        .filter((parameter) => parameter.in === 'header')
        .map((parameter) => parameter.name);
      const request = [schemaName(body), ...headers.map((name) => `${name} header`)]
        .filter(Boolean)
        .join(', ');
      const open = operation.security && operation.security.length === 0 ? ' (no token)' : '';
      lines.push(
        `| \`${method.toUpperCase()} ${path}\`${open} | ${cell(operation.summary ?? '')} | ${request} | ${success} | ${problems} |`,
      );
    }
  }
  return lines;
}

export function apiReference(documents: Document[]): string {
  const sections = documents.flatMap((document, index) => [
    `## ${APPS[index].title}`,
    '',
    cell(document.info.description),
    '',
    ...operationLines(document),
    '',
  ]);
  return [
    '# API reference',
    '',
    '<!-- Written by `npm run openapi:reference` from the apps’ OpenAPI documents: do not edit. -->',
    '',
    'Every operation of the two apps, as their OpenAPI documents say it. Each running app serves its',
    'document at `/docs-json` and a browsable page at `/docs`, with every field, bound and example;',
    'the schemas named here (`MemberResponse`, …) are its `components.schemas`. Every route needs a',
    'bearer token (`Authorization: Bearer <JWT>`) unless marked "no token". A POST that records',
    'something takes an `Idempotency-Key` header; a change to a versioned resource takes',
    '`If-Match: "<version>"` from its `ETag`. Every problem is an RFC 9457 problem document',
    '(`application/problem+json`, schema `ProblemDocument`): `errors` names each bad field, `rule`',
    'the domain rule that refused. Every operation can also answer 414 (URL too long), 429 (with',
    '`Retry-After`) and a 5xx; one that reads a body, 413 (too large) and 415 (not JSON).',
    '',
    ...sections,
  ].join('\n');
}

function main(): void {
  const documents = APPS.map(
    ({ file }) => JSON.parse(readFileSync(join(ROOT, 'dist/openapi', file), 'utf8')) as Document,
  );
  const reference = apiReference(documents);
  if (!process.argv.includes('--check')) {
    writeFileSync(API_REFERENCE, reference);
    return;
  }
  let current = '';
  try {
    current = readFileSync(API_REFERENCE, 'utf8');
  } catch {
    // not written yet
  }
  if (current !== reference) {
    console.error(
      'docs/api.md: not what the OpenAPI documents give; run `npm run openapi:reference` and commit the result',
    );
    process.exit(1);
  }
}

main();
