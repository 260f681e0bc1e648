import { EntityManager } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { Projection } from '@libs/projections';
import { readCoopStandings, saveCoopStandings } from './coop-standings';
import {
  bookBatch,
  contributionFacts,
  contributionKey,
  ContributionKey,
  coopsToLoad,
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
  not_counted: OpenPledge['notCounted'];
}

function tables(manager: EntityManager) {
  return {
    movements: qualifiedTable(manager.connection, 'pooled_movements'),
    notCounted: qualifiedTable(manager.connection, 'pooled_not_counted'),
    pledges: qualifiedTable(manager.connection, 'pooled_open_pledges'),
    standings: qualifiedTable(manager.connection, 'pooled_coop_standings'),
  };
}

/** BigInts go to SQL as decimal strings, cast there (`::numeric[]`): never through a float. */
const decimals = (values: bigint[]) => values.map((value) => value.toString());

/**
 * The pooled-means ledger (`pooled_movements`, append-only), the money kept aside from coops that
 * are not members (`pooled_not_counted`, append-only), the pledges still open
 * (`pooled_open_pledges`), against which later payments and cancellations are booked, and where
 * each coop stands (`pooled_coop_standings`). Per batch, whatever its size, at most six
 * statements, most batches four: one read of the standings of the coops it names, one that takes
 * out (and reads) the open pledges it pays or cancels, one insert each of its ledger lines, of the
 * lines kept aside and of the pledges it opens, one upsert of the standings it changed. Rows go as
 * one array per column (`unnest`), so no statement depends on the bind-parameter limit.
 */
export const pooledMeansProjection: Projection = {
  name: 'pooled_means',
  // 2: the month×pillar lines (a rebuild books them for the whole history).
  // 3: exact (numeric) lines; only members' movements counted, the others kept aside.
  // 4: hours coops give each other (trainings, confirmed exchanges) as non_monetary hours.
  version: 4,
  eventTypes: [...POOLED_EVENT_TYPES],
  batchSize: BATCH_SIZE,

  async reset(manager) {
    const { movements, notCounted, pledges, standings } = tables(manager);
    await manager.query(
      `TRUNCATE ${movements}, ${notCounted}, ${pledges}, ${standings} RESTART IDENTITY`,
    );
  },

  async apply(events, manager) {
    const { movements, notCounted, pledges, standings } = tables(manager);
    const facts = contributionFacts(events);
    const coopIds = coopsToLoad(facts);
    const standingsBefore = await readCoopStandings(manager, standings, coopIds);
    const settling = new Map<ContributionKey, OpenPledge>();
    const wanted = pledgesToLoad(facts);
    if (wanted.length > 0) {
      // Taken out as they are read: the batch settles every one of them. (A SELECT around the
      // DELETE: TypeORM answers a bare DELETE with a row count beside the rows.)
      const rows: OpenPledgeRow[] = await manager.query(
        `WITH settling AS (
           DELETE FROM ${pledges}
            WHERE (coop_id, contribution_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
           RETURNING coop_id, contribution_id, unit, hundredths, pillar, kind, theme, month,
                     not_counted
         )
         SELECT * FROM settling`,
        [wanted.map((w) => w.coopId), wanted.map((w) => w.contributionId)],
      );
      for (const row of rows) {
        settling.set(contributionKey(row.coop_id, row.contribution_id), {
          coopId: row.coop_id,
          contributionId: row.contribution_id,
          unit: row.unit,
          hundredths: BigInt(row.hundredths),
          pillar: row.pillar,
          kind: row.kind,
          theme: row.theme,
          month: row.month,
          notCounted: row.not_counted,
        });
      }
    }

    const booked = bookBatch(settling, facts, standingsBefore);
    const { movements: lines, opened } = booked;
    if (lines.length > 0) {
      const keysOf = (dimension: PooledDimension) =>
        lines.map((l) => (l.dimension === dimension ? l.key : null));
      await manager.query(
        `INSERT INTO ${movements}
           (recorded_on, unit, pillar, kind, theme, coop_id, month, month_pillar, pledged, paid)
         SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::numeric[], $10::numeric[])`,
        [
          lines.map((l) => l.recordedOn),
          lines.map((l) => l.unit),
          keysOf('pillar'),
          keysOf('kind'),
          keysOf('theme'),
          keysOf('coopId'),
          keysOf('month'),
          keysOf('monthPillar'),
          decimals(lines.map((l) => l.pledged)),
          decimals(lines.map((l) => l.paid)),
        ],
      );
    }
    if (booked.notCounted.length > 0) {
      const aside = booked.notCounted;
      await manager.query(
        `INSERT INTO ${notCounted} (recorded_on, unit, coop_id, reason, pledged, paid)
         SELECT * FROM unnest($1::date[], $2::text[], $3::text[], $4::text[], $5::numeric[],
                              $6::numeric[])`,
        [
          aside.map((l) => l.recordedOn),
          aside.map((l) => l.unit),
          aside.map((l) => l.coopId),
          aside.map((l) => l.reason),
          decimals(aside.map((l) => l.pledged)),
          decimals(aside.map((l) => l.paid)),
        ],
      );
    }
    if (opened.length > 0) {
      await manager.query(
        `INSERT INTO ${pledges}
           (coop_id, contribution_id, unit, hundredths, pillar, kind, theme, month, not_counted)
         SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[], $5::text[],
                              $6::text[], $7::text[], $8::text[], $9::text[])`,
        [
          opened.map((p) => p.coopId),
          opened.map((p) => p.contributionId),
          opened.map((p) => p.unit),
          decimals(opened.map((p) => p.hundredths)),
          opened.map((p) => p.pillar),
          opened.map((p) => p.kind),
          opened.map((p) => p.theme),
          opened.map((p) => p.month),
          opened.map((p) => p.notCounted),
        ],
      );
    }
    await saveCoopStandings(manager, standings, booked.standings);
  },
};
