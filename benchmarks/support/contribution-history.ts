import { Pool } from 'pg';
import {
  consortiumStream,
  CONTRIBUTION_AGGREGATE,
  CONTRIBUTION_KINDS,
  ContributionKind,
  MEMBER_AGGREGATE,
  PROFILE_AGGREGATE,
  REGISTRY_AGGREGATE,
  REGISTRY_ID,
  THEMES,
} from '@libs/contracts';

/**
 * A federation's history, written straight into the store's events table by INSERT … SELECT over
 * generate_series: as the coop apps would have appended it, only a thousand times faster. Every
 * coop describes itself, applies, is admitted by the board (only members' contributions count)
 * and admits members; then contributions come in for a year (money
 * in EUR and SOL, time in hours; one in seven a pledge), and two pledges in three are paid one
 * chunk later, so the ledger's open pledges fill and drain as the log goes on. The rows carry
 * the columns and JSON shapes `PostgresEventStore` writes (store-schema.ts, append-statement.ts);
 * each chunk is one statement, so one transaction, as a burst of appends would be.
 */
export interface HistoryShape {
  coops: number;
  membersPerCoop: number;
  contributions: number;
  /** Contributions per INSERT (and per transaction). */
  chunk: number;
}

const SPREAD_DAYS = 365;
const MONEY_KINDS = (Object.keys(CONTRIBUTION_KINDS) as ContributionKind[]).filter(
  (kind) => !['volunteering', 'skill_exchange', 'self_production'].includes(kind),
);
const TIME_KINDS: ContributionKind[] = [
  'volunteering',
  'skill_exchange',
  'barter',
  'self_production',
];

const sqlArray = (values: readonly string[]) => `ARRAY[${values.map((v) => `'${v}'`).join(',')}]`;
const PILLAR = `CASE kind ${Object.entries(CONTRIBUTION_KINDS)
  .map(([kind, pillar]) => `WHEN '${kind}' THEN '${pillar}'`)
  .join(' ')} END`;

/** The n-th contribution's fields, as SQL expressions of `i` (shared by its recording and payment). */
function contribution(total: number) {
  const coop = (coops: number) => `'coop-' || lpad((i % ${coops})::text, 3, '0')`;
  return {
    coop,
    id: `md5('contribution-' || i)::uuid::text`,
    /** When the contribution numbered `n` comes in: evenly over the last year, in log order. */
    at: (n: string) =>
      `(now() - interval '${SPREAD_DAYS} days' + (${n}::float8 / ${total}) * interval '${SPREAD_DAYS} days')`,
    // 60% EUR, 20% SOL, 20% hours.
    unit: `CASE WHEN i % 10 < 6 THEN 'EUR' WHEN i % 10 < 8 THEN 'SOL' ELSE 'hours' END`,
    kind: `CASE WHEN i % 10 < 8
      THEN (${sqlArray(MONEY_KINDS)})[1 + (i / 10) % ${MONEY_KINDS.length}]
      ELSE (${sqlArray(TIME_KINDS)})[1 + (i / 10) % ${TIME_KINDS.length}] END`,
    hundredths: `CASE WHEN i % 10 < 8 THEN 500 + (i * 7919) % 200000 ELSE 50 + (i * 31) % 1000 END`,
    theme: `(${sqlArray(THEMES)})[1 + (i / 7) % ${THEMES.length}]`,
    // One in seven a pledge (of every unit); two pledges in three paid later.
    pledged: `i % 7 = 0`,
    paidLater: `i % 7 = 0 AND i % 21 <> 0`,
  };
}

/** The i-th coop's legal form: a SCIC in four, the others social coops of type A or B. */
const LEGAL_FORM = `CASE WHEN i % 4 = 0 THEN 'scic' ELSE 'social_coop_' || CASE WHEN i % 2 = 0 THEN 'a' ELSE 'b' END END`;

const METADATA = (actor: string) =>
  `jsonb_build_object('actor', ${actor}, 'correlationId', gen_random_uuid(), 'causationId', gen_random_uuid())`;

/** Loads the history into `events` (the store's table, schema-qualified); how many events it wrote. */
export async function loadHistory(
  pool: Pool,
  events: string,
  shape: HistoryShape,
): Promise<number> {
  const c = contribution(shape.contributions);
  const coop = c.coop(shape.coops);
  const columns = `(stream_id, stream_version, event_id, type, schema_version, coop_id, data, metadata, occurred_at)`;
  let total = 0;
  const insert = async (sql: string, params: unknown[] = []) => {
    const result = await pool.query(`INSERT INTO ${events} ${columns} ${sql}`, params);
    total += result.rowCount ?? 0;
  };

  // Profiles and applications, then members, a year before the first contribution.
  const start = `(now() - interval '${SPREAD_DAYS + 1} days')`;
  for (const [version, type, data] of [
    [
      1,
      'CoopProfileSet',
      `jsonb_build_object('coopId', coop, 'name', 'Coop ' || i, 'legalForm',
         ${LEGAL_FORM},
         'themes', jsonb_build_array((${sqlArray(THEMES)})[1 + i % ${THEMES.length}]), 'territory', 'Bologna')`,
    ],
    [
      2,
      'ConsortiumApplicationSubmitted',
      `jsonb_build_object('coopId', coop, 'submittedOn', ${start}::date)`,
    ],
  ] as const) {
    await insert(
      `SELECT 'coop/' || coop || '/${PROFILE_AGGREGATE}/' || coop, ${version}, gen_random_uuid(), '${type}', 1, coop,
         ${data}, ${METADATA(`'admin-of-' || coop`)}, ${start}
       FROM generate_series(0, $1::int - 1) AS i, LATERAL (SELECT ${coop} AS coop) AS named`,
      [shape.coops],
    );
  }
  // The board admits each coop, on the registry stream (one stream: versions 1, 2, …).
  await insert(
    `SELECT '${consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID)}', i + 1, gen_random_uuid(), 'CoopAdmitted', 1, coop,
       jsonb_build_object('coopId', coop, 'legalForm',
         ${LEGAL_FORM},
         'admittedOn', ${start}::date, 'override', null),
       ${METADATA(`'board-chair'`)}, ${start}
     FROM generate_series(0, $1::int - 1) AS i, LATERAL (SELECT ${coop} AS coop) AS named`,
    [shape.coops],
  );
  await insert(
    `SELECT 'coop/' || coop || '/${MEMBER_AGGREGATE}/' || member, 1, gen_random_uuid(), 'MemberAdmitted', 1, coop,
       jsonb_build_object('memberId', member, 'category', CASE WHEN i % 7 = 0 THEN 'volunteer' ELSE 'worker' END,
         'disadvantaged', i % 3 = 0, 'admittedOn', ${start}::date,
         'shares', jsonb_build_object('count', 4, 'nominalValue', jsonb_build_object('unit', 'EUR', 'hundredths', 5000)),
         'personalData', null),
       ${METADATA(`'admin-of-' || coop`)}, ${start}
     FROM generate_series(0, $1::int - 1) AS i,
       LATERAL (SELECT ${coop} AS coop, md5('member-' || i)::uuid::text AS member) AS named`,
    [shape.coops * shape.membersPerCoop],
  );

  const recordings = (from: number, to: number) =>
    insert(
      `SELECT 'coop/' || coop || '/${CONTRIBUTION_AGGREGATE}/' || id, 1, gen_random_uuid(), 'ContributionRecorded', 1, coop,
         jsonb_build_object('contributionId', id, 'kind', kind, 'pillar', ${PILLAR},
           'quantity', jsonb_build_object('unit', unit, 'hundredths', hundredths),
           'period', to_char(at, 'YYYY-MM'), 'theme', theme, 'source', null,
           'status', CASE WHEN pledged THEN 'pledged' ELSE 'paid' END, 'recordedOn', at::date),
         ${METADATA(`'admin-of-' || coop`)}, at
       FROM generate_series($1::bigint, $2::bigint - 1) AS i,
         LATERAL (SELECT ${coop} AS coop, ${c.id} AS id, ${c.at('i')} AS at, ${c.unit} AS unit,
                         ${c.kind} AS kind, ${c.hundredths} AS hundredths, ${c.theme} AS theme,
                         ${c.pledged} AS pledged) AS named`,
      [from, to],
    );
  // The payments of a chunk's pledges, recorded when the next chunk is done.
  const payments = (from: number, to: number, at: number) =>
    insert(
      `SELECT 'coop/' || coop || '/${CONTRIBUTION_AGGREGATE}/' || id, 2, gen_random_uuid(), 'PledgePaid', 1, coop,
         jsonb_build_object('contributionId', id, 'paidOn', paid::date),
         ${METADATA(`'admin-of-' || coop`)}, paid
       FROM generate_series($1::bigint, $2::bigint - 1) AS i,
         LATERAL (SELECT ${coop} AS coop, ${c.id} AS id,
                         ${c.at('$3')} AS paid) AS named
       WHERE ${c.paidLater}`,
      [from, to, at],
    );

  for (let from = 0; from < shape.contributions; from += shape.chunk) {
    const to = Math.min(from + shape.chunk, shape.contributions);
    await recordings(from, to);
    if (from > 0) await payments(from - shape.chunk, from, to - 1);
  }
  const last = Math.floor((shape.contributions - 1) / shape.chunk) * shape.chunk;
  await payments(last, shape.contributions, shape.contributions - 1);
  // VACUUM as well as ANALYZE: sets the rows' hint bits and the visibility map now, so that the
  // first reader does not pay for writing them (nor autovacuum run under the measures).
  await pool.query(`VACUUM (ANALYZE) ${events}`);
  return total;
}
