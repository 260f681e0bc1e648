import { Client } from 'pg';
import { quoteIdentifier } from '@libs/database';
import {
  apiClient,
  APP_ENTRY,
  ApiResponse,
  DATABASE_URL,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';
import { PROFILE } from './sample-requests';

export type ApiClient = ReturnType<typeof apiClient>;

/** One coop app as its users reach it: its admin, its auditor, and someone with no token. */
export interface CoopUnderTest {
  coopId: string;
  app: RunningApp;
  /** Its read-model schema, to look at its tables as the database holds them. */
  readModels: string;
  admin: ApiClient;
  auditor: ApiClient;
  anonymous: ApiClient;
}

export function coopAdminToken(coopId: string): string {
  return tokenFor({ sub: `admin-of-${coopId}`, role: 'coop-admin', coopId });
}

export function coopAuditorToken(coopId: string): string {
  return tokenFor({ sub: `auditor-of-${coopId}`, role: 'auditor', coopId });
}

/** The coop app for `coopId` as a real process, on the store of `schemas` (`env` adds settings). */
export async function startCoop(
  schemas: TestSchemas,
  coopId: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CoopUnderTest> {
  const readModels = env.DATABASE_SCHEMA ?? schemas.readModels();
  const app = await startApp(APP_ENTRY.coop, schemas, {
    COOP_ID: coopId,
    ...env,
    DATABASE_SCHEMA: readModels,
  });
  return {
    coopId,
    app,
    readModels,
    admin: apiClient(app.url, coopAdminToken(coopId)),
    auditor: apiClient(app.url, coopAuditorToken(coopId)),
    anonymous: apiClient(app.url),
  };
}

/**
 * The coop app once it has described itself (its profile, PUT /coop): what members, contributions
 * and resources need before they can be recorded.
 */
export async function startDescribedCoop(
  schemas: TestSchemas,
  coopId: string,
  env: NodeJS.ProcessEnv = {},
): Promise<CoopUnderTest> {
  const coop = await startCoop(schemas, coopId, env);
  expect((await coop.admin('PUT', '/coop', PROFILE)).status).toBe(200);
  return coop;
}

/** The id a recording POST answered with, once it is known to have answered 201. */
export function createdId(response: ApiResponse, field: string): string {
  expect({ status: response.status, body: response.body }).toMatchObject({
    status: 201,
    body: { [field]: expect.any(String) },
  });
  return (response.body as Record<string, string>)[field];
}

/** Rows of the shared events table, read as the store keeps them (not through any app). */
export async function queryEvents<Row>(
  schemas: TestSchemas,
  sql: (events: string) => string,
  params: unknown[] = [],
): Promise<Row[]> {
  const client = new Client({ connectionString: DATABASE_URL });
  await client.connect();
  try {
    const events = `${quoteIdentifier(schemas.eventStore)}.events`;
    return (await client.query(sql(events), params)).rows as Row[];
  } finally {
    await client.end();
  }
}

/** How many events one aggregate's stream holds in the store. */
export async function streamLength(schemas: TestSchemas, streamId: string): Promise<number> {
  const [row] = await queryEvents<{ n: number }>(
    schemas,
    (events) => `SELECT count(*)::int AS n FROM ${events} WHERE stream_id = $1`,
    [streamId],
  );
  return row.n;
}
