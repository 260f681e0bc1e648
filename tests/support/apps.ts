import { ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { Client } from 'pg';
import { Actor, mintToken } from '@libs/auth';
import { firstJsonLine, spawnTs, stopProcess } from './child-process';
import { conformanceOf } from './openapi-conformance';

/**
 * The apps as real processes, from source, on the test database. Each test file gets its own
 * event-store schema (shared by the apps it starts, as they share one store in production) and
 * one read-model schema per app; `dropSchemas()` removes them all.
 */
export const DATABASE_URL = process.env.DATABASE_URL!;
export const AUTH_SECRET = 'e2e-secret-long-enough-for-hs256-0f3a9c';

export const APP_ENTRY = {
  coop: 'apps/coop/src/main.ts',
  consortium: 'apps/consortium/src/main.ts',
} as const;

export interface RunningApp {
  child: ChildProcess;
  url: string;
  stop(signal?: NodeJS.Signals): Promise<void>;
}

export class TestSchemas {
  readonly eventStore = `e2e_${randomUUID().replace(/-/g, '').slice(0, 16)}`;
  private readonly all = [this.eventStore];

  readModels(): string {
    const name = `${this.eventStore}_rm${this.all.length}`;
    this.all.push(name);
    return name;
  }

  async drop(): Promise<void> {
    const client = new Client({ connectionString: DATABASE_URL });
    await client.connect();
    for (const name of this.all) await client.query(`DROP SCHEMA IF EXISTS "${name}" CASCADE`);
    await client.end();
  }
}

export async function startApp(
  entry: string,
  schemas: TestSchemas,
  env: NodeJS.ProcessEnv = {},
): Promise<RunningApp> {
  const child = spawnTs(entry, [], {
    PORT: '0',
    AUTH_SECRET,
    DATABASE_URL,
    DATABASE_SCHEMA: schemas.readModels(),
    EVENT_STORE_URL: DATABASE_URL,
    EVENT_STORE_SCHEMA: schemas.eventStore,
    EVENT_STORE_POOL_SIZE: '2',
    LOG_LEVEL: 'warn',
    ...env,
  });
  try {
    // With LOG_FORMAT=json the log lines are JSON too: the listening line is the one with a url.
    const { url } = await firstJsonLine<{ url?: unknown }>(
      child,
      undefined,
      (line) => typeof line.url === 'string',
    );
    return { child, url: url as string, stop: (signal) => stopProcess(child, signal) };
  } catch (error) {
    await stopProcess(child);
    throw error;
  }
}

export function tokenFor(actor: Actor): string {
  return mintToken(AUTH_SECRET, actor);
}

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  body: T;
}

/**
 * A tiny JSON client: what a coop admin's script would do with fetch. Every answer is checked
 * against the app's own OpenAPI document (`openapi-conformance.ts`): a status, content type or
 * body the document does not describe fails the test.
 */
export function apiClient(baseUrl: string, token?: string) {
  return async function call<T = unknown>(
    method: string,
    path: string,
    body?: unknown,
    headers: Record<string, string> = {},
  ): Promise<ApiResponse<T>> {
    const response = await fetch(`${baseUrl}${path}`, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await response.text();
    const answer = {
      status: response.status,
      headers: response.headers,
      body: (text ? JSON.parse(text) : undefined) as T,
    };
    (await conformanceOf(baseUrl)).check({
      method,
      path,
      status: answer.status,
      contentType: response.headers.get('content-type'),
      body: answer.body,
      headers: response.headers,
    });
    return answer;
  };
}

/** Polls until `check` passes: read models trail writes by a poll interval. */
export async function eventually<T>(check: () => Promise<T>, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}
