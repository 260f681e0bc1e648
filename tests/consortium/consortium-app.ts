import { ApiClient, coopAdminToken } from '../coop/coop-app';
import {
  apiClient,
  APP_ENTRY,
  ApiResponse,
  eventually,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';

/** The board as the consortium is configured with it (`BOARD_MEMBERS`). */
export const BOARD_MEMBERS = ['board-1', 'board-2', 'board-3'] as const;
export type BoardMember = (typeof BOARD_MEMBERS)[number];

/** The consortium app as its users reach it: each board member, an auditor, coop admins… */
export interface ConsortiumUnderTest {
  app: RunningApp;
  /** Its read-model schema: a restart on it finds its rows and checkpoints. */
  readModels: string;
  board(member?: BoardMember): ApiClient;
  auditor: ApiClient;
  /** An auditor of one coop (their token names it). */
  coopAuditor(coopId: string): ApiClient;
  coopAdmin(coopId: string): ApiClient;
  /** A `board-member` token whose holder is not on the board. */
  notOnTheBoard: ApiClient;
  anonymous: ApiClient;
}

/**
 * The consortium app as a real process on the store of `schemas`, on a fresh read-model schema
 * or on `readModels` (a restart, or a schema an operator rebuilt); `env` adds settings.
 */
export async function startConsortium(
  schemas: TestSchemas,
  readModels: string = schemas.readModels(),
  env: NodeJS.ProcessEnv = {},
): Promise<ConsortiumUnderTest> {
  const app = await startApp(APP_ENTRY.consortium, schemas, {
    BOARD_MEMBERS: BOARD_MEMBERS.join(','),
    ...env,
    DATABASE_SCHEMA: readModels,
  });
  const client = (token: string) => apiClient(app.url, token);
  return {
    app,
    readModels,
    board: (member = 'board-1') => client(tokenFor({ sub: member, role: 'board-member' })),
    auditor: client(tokenFor({ sub: 'auditor-1', role: 'auditor' })),
    coopAuditor: (coopId) =>
      client(tokenFor({ sub: `${coopId}-auditor`, role: 'auditor', coopId })),
    coopAdmin: (coopId) => client(coopAdminToken(coopId)),
    notOnTheBoard: client(tokenFor({ sub: 'mallory', role: 'board-member' })),
    anonymous: apiClient(app.url),
  };
}

/** Waits until the read model `name` has applied the whole history of the store. */
export async function caughtUp(
  consortium: ConsortiumUnderTest,
  name: string,
  timeoutMs: number,
): Promise<void> {
  await eventually(async () => {
    const { body } = await consortium.auditor<{ items: { name: string; caughtUp: boolean }[] }>(
      'GET',
      '/read-models',
    );
    expect(body.items.find((item) => item.name === name)).toMatchObject({ caughtUp: true });
  }, timeoutMs);
}

/** Awaits a request that must answer `status` (201 by default), and gives its response. */
export async function expectStatus<T = unknown>(
  request: Promise<ApiResponse<T>>,
  status = 201,
): Promise<ApiResponse<T>> {
  const response = await request;
  expect({ status: response.status, body: response.body }).toMatchObject({ status });
  return response;
}

/** The UTC day `days` before today, as the API writes days (`2027-03-01`). */
export function daysAgo(days: number): string {
  const date = new Date();
  date.setUTCDate(date.getUTCDate() - days);
  return date.toISOString().slice(0, 10);
}

/** Noon (UTC) of the day `days` before today: a moment safely inside that day. */
export function noonDaysAgo(days: number): Date {
  return new Date(`${daysAgo(days)}T12:00:00Z`);
}

/** The budget period of the current year, and its months as contributions name them. */
export const CURRENT_YEAR = daysAgo(0).slice(0, 4);
export const month = (mm: string) => `${CURRENT_YEAR}-${mm}`;
