// A read model with deliberately NON-idempotent effects, for the projection runner's tests:
// running sums per coop, `total = total + amount`. Applying an event twice, or losing one, shows
// in the sums. Used in-process by the int specs and in a child process by the crash test.
import { randomUUID } from 'node:crypto';
import { coopStream } from '@libs/contracts';
import { quoteIdentifier } from '@libs/database';
import { ANY, EventStore, NewEvent } from '@libs/event-store';
import type { Projection } from '@libs/projections';
import { Client } from 'pg';

export const CONTRIBUTION_RECEIVED = 'ContributionReceived';

export interface ContributionReceived {
  /** Integer minor units. */
  amount: number;
}

export interface CoopFundsOptions {
  name: string;
  /** Where `table` lives. */
  schema: string;
  table: string;
  version?: number;
  /** Every amount is counted this many times: a later version that sums differently. */
  scale?: number;
  filter?: Projection['filter'];
  batchSize?: number;
}

/** Total received and number of contributions, per coop. */
export function coopFundsProjection(options: CoopFundsOptions): Projection {
  const table = `${quoteIdentifier(options.schema)}.${quoteIdentifier(options.table)}`;
  const scale = options.scale ?? 1;
  return {
    name: options.name,
    version: options.version ?? 1,
    eventTypes: [CONTRIBUTION_RECEIVED],
    filter: options.filter,
    batchSize: options.batchSize,
    async setup(manager) {
      await manager.query(
        `CREATE TABLE IF NOT EXISTS ${table} (
           coop_id text PRIMARY KEY, total bigint NOT NULL, contributions int NOT NULL)`,
      );
    },
    async reset(manager) {
      await manager.query(`DELETE FROM ${table}`);
    },
    async apply(events, manager) {
      // One statement per event on purpose: a rolled-back batch must undo every one of them.
      for (const event of events) {
        const { amount } = event.data as ContributionReceived;
        await manager.query(
          `INSERT INTO ${table} (coop_id, total, contributions) VALUES ($1, $2, 1)
           ON CONFLICT (coop_id) DO UPDATE
           SET total = ${table}.total + excluded.total, contributions = ${table}.contributions + 1`,
          [event.metadata.coopId, amount * scale],
        );
      }
    },
  };
}

export interface CoopFundsRow {
  coopId: string;
  total: number;
  contributions: number;
}

export async function readCoopFunds(
  url: string,
  schema: string,
  table: string,
): Promise<CoopFundsRow[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ coop_id: string; total: string; contributions: number }>(
      `SELECT coop_id, total, contributions FROM ${quoteIdentifier(schema)}.${quoteIdentifier(table)}
       ORDER BY coop_id`,
    );
    return rows.map((r) => ({
      coopId: r.coop_id,
      total: Number(r.total),
      contributions: r.contributions,
    }));
  } finally {
    await client.end();
  }
}

/** The rows the projection must hold for these appended contributions (scale 1). */
export function expectedCoopFunds(appended: Contribution[], scale = 1): CoopFundsRow[] {
  const byCoop = new Map<string, CoopFundsRow>();
  for (const { coopId, amount } of appended) {
    const row = byCoop.get(coopId) ?? { coopId, total: 0, contributions: 0 };
    row.total += amount * scale;
    row.contributions += 1;
    byCoop.set(coopId, row);
  }
  return [...byCoop.values()].sort((a, b) => (a.coopId < b.coopId ? -1 : 1));
}

export interface Contribution {
  coopId: string;
  amount: number;
}

/**
 * Appends `count` contributions spread over `coops`, `perAppend` events per stream append
 * (one fund stream per append), and returns what it appended.
 */
export async function appendContributions(
  store: EventStore,
  coops: string[],
  count: number,
  perAppend = 25,
): Promise<Contribution[]> {
  const appended: Contribution[] = [];
  for (let done = 0; done < count; done += perAppend) {
    const coopId = coops[(done / perAppend) % coops.length];
    const size = Math.min(perAppend, count - done);
    const events = Array.from({ length: size }, () => {
      const amount = 1 + Math.floor(Math.random() * 10_000);
      appended.push({ coopId, amount });
      return contribution(coopId, amount);
    });
    await store.appendToStream(coopStream(coopId, 'fund', randomUUID()), events, ANY);
  }
  return appended;
}

export function contribution(
  coopId: string,
  amount: number,
): NewEvent<string, ContributionReceived> {
  return {
    eventId: randomUUID(),
    type: CONTRIBUTION_RECEIVED,
    schemaVersion: 1,
    data: { amount },
    metadata: { coopId, actor: 'test', correlationId: randomUUID(), causationId: randomUUID() },
  };
}

/** An event the coop-funds projection does not subscribe to. */
export function otherEvent(coopId: string): NewEvent {
  return { ...contribution(coopId, 0), type: 'MemberAdmitted', data: {} };
}
