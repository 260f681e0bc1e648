import { EntityManager } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { Projection } from '@libs/projections';
import {
  bookBatch,
  contributionFacts,
  contributionKey,
  ContributionKey,
  OpenPledge,
  pledgesToLoad,
  PooledDimension,
  POOLED_EVENT_TYPES,
} from './pooled-ledger';

/**
 * Large batches: a batch writes one ledger line per day and key it touches, however many events
 * fall into it, so a rebuild from the first event writes ever fewer rows per event.
 */
const BATCH_SIZE = 5_000;

interface OpenPledgeRow {
  coop_id: string;
  contribution_id: string;
  unit: OpenPledge['unit'];
  hundredths: string;
  pillar: OpenPledge['pillar'];
  kind: OpenPledge['kind'];
  theme: OpenPledge['theme'];
  month: string;
}

function tables(manager: EntityManager) {
  return {
    movements: qualifiedTable(manager.connection, 'pooled_movements'),
    pledges: qualifiedTable(manager.connection, 'pooled_open_pledges'),
  };
}

/**
 * The pooled-means ledger (`pooled_movements`, append-only) and the pledges still open
 * (`pooled_open_pledges`), against which later payments and cancellations are booked. Per batch,
 * whatever its size, at most three statements: one that takes out (and reads) the open pledges the
 * batch pays or cancels, one insert of its ledger lines, one insert of the pledges it opens. Rows
 * go as one array per column (`unnest`), so no statement depends on the bind-parameter limit.
 */
export const pooledMeansProjection: Projection = {
  name: 'pooled_means',
  // 2: the month×pillar lines (a rebuild books them for the whole history).
  version: 2,
  eventTypes: [...POOLED_EVENT_TYPES],
  batchSize: BATCH_SIZE,

  async reset(manager) {
    const { movements, pledges } = tables(manager);
    await manager.query(`TRUNCATE ${movements}, ${pledges} RESTART IDENTITY`);
  },

  async apply(events, manager) {
    const { movements, pledges } = tables(manager);
    const facts = contributionFacts(events);
    const settling = new Map<ContributionKey, OpenPledge>();
    const wanted = pledgesToLoad(facts);
    if (wanted.length > 0) {
      // Taken out as they are read: the batch settles every one of them. (A SELECT around the
      // DELETE: TypeORM answers a bare DELETE with a row count beside the rows.)
      const rows: OpenPledgeRow[] = await manager.query(
        `WITH settling AS (
           DELETE FROM ${pledges}
            WHERE (coop_id, contribution_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
           RETURNING coop_id, contribution_id, unit, hundredths, pillar, kind, theme, month
         )
         SELECT * FROM settling`,
        [wanted.map((w) => w.coopId), wanted.map((w) => w.contributionId)],
      );
      for (const row of rows) {
        settling.set(contributionKey(row.coop_id, row.contribution_id), {
          coopId: row.coop_id,
          contributionId: row.contribution_id,
          unit: row.unit,
          hundredths: Number(row.hundredths),
          pillar: row.pillar,
          kind: row.kind,
          theme: row.theme,
          month: row.month,
        });
      }
    }

    const { movements: lines, opened } = bookBatch(settling, facts);
    if (lines.length > 0) {
      const keysOf = (dimension: PooledDimension) =>
        lines.map((l) => (l.dimension === dimension ? l.key : null));
      await manager.query(
        `INSERT INTO ${movements}
           (recorded_on, unit, pillar, kind, theme, coop_id, month, month_pillar, pledged, paid)
         SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::bigint[], $10::bigint[])`,
        [
          lines.map((l) => l.recordedOn),
          lines.map((l) => l.unit),
          keysOf('pillar'),
          keysOf('kind'),
          keysOf('theme'),
          keysOf('coopId'),
          keysOf('month'),
          keysOf('monthPillar'),
          lines.map((l) => l.pledged),
          lines.map((l) => l.paid),
        ],
      );
    }
    if (opened.length > 0) {
      await manager.query(
        `INSERT INTO ${pledges}
           (coop_id, contribution_id, unit, hundredths, pillar, kind, theme, month)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::bigint[], $5::text[],
                              $6::text[], $7::text[], $8::text[])`,
        [
          opened.map((p) => p.coopId),
          opened.map((p) => p.contributionId),
          opened.map((p) => p.unit),
          opened.map((p) => p.hundredths),
          opened.map((p) => p.pillar),
          opened.map((p) => p.kind),
          opened.map((p) => p.theme),
          opened.map((p) => p.month),
        ],
      );
    }
  },
};
