import { EntityManager } from 'typeorm';
import { CoopStanding } from './pooled-ledger';

/**
 * Where each coop stands (member or not, withdrawn), as a view that counts only members' money
 * keeps it beside its own rows, in the transaction of its checkpoint: the pooled means and the
 * consortium's books each hold a table of this shape.
 */
export async function readCoopStandings(
  manager: EntityManager,
  table: string,
  coopIds: readonly string[],
): Promise<Map<string, CoopStanding>> {
  if (coopIds.length === 0) return new Map();
  const rows: { coop_id: string; standing: CoopStanding }[] = await manager.query(
    `SELECT coop_id, standing FROM ${table} WHERE coop_id = ANY($1::text[])`,
    [coopIds],
  );
  return new Map(rows.map((row) => [row.coop_id, row.standing]));
}

/** Writes the standings a batch changed, in one statement. */
export async function saveCoopStandings(
  manager: EntityManager,
  table: string,
  changed: ReadonlyMap<string, CoopStanding>,
): Promise<void> {
  if (changed.size === 0) return;
  await manager.query(
    `INSERT INTO ${table} (coop_id, standing)
     SELECT * FROM unnest($1::text[], $2::text[])
     ON CONFLICT (coop_id) DO UPDATE SET standing = excluded.standing`,
    [[...changed.keys()], [...changed.values()]],
  );
}
