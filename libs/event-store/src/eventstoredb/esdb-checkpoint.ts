import { Position, START as ESDB_START } from '@eventstore/db-client';
import { Checkpoint, START } from '../envelope';

/** Where a forward read of `$all` starts from (exclusive, in this adapter). */
export type ReadFrom = Position | typeof ESDB_START;

/**
 * Our checkpoint for an EventStoreDB event is its `$all` position written `"<commit>:<prepare>"`:
 * both halves are needed to resume exactly, and decimal text keeps the 64-bit values intact.
 */
export function encodeCheckpoint(position: Position): Checkpoint {
  return `${position.commit}:${position.prepare}`;
}

export function decodeCheckpoint(checkpoint: Checkpoint): ReadFrom {
  if (checkpoint === START) return ESDB_START;
  const match = /^(\d+):(\d+)$/.exec(checkpoint);
  if (!match) throw new Error(`not an EventStoreDB checkpoint: ${JSON.stringify(checkpoint)}`);
  return { commit: BigInt(match[1]), prepare: BigInt(match[2]) };
}

/** True when `position` lies after `from` in `$all` order (commit first, then prepare). */
export function isAfter(position: Position, from: ReadFrom): boolean {
  if (from === ESDB_START) return true;
  if (position.commit !== from.commit) return position.commit > from.commit;
  return position.prepare > from.prepare;
}
