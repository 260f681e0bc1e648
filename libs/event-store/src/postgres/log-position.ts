import { Checkpoint, START } from '../envelope';

/**
 * A place in the global order: the pair global reads are ordered by. The transaction id comes
 * first because positions are handed out when a row is inserted, not when it commits: a
 * transaction holding position 7 may commit after another one's 8. Transaction ids are the unit
 * of visibility, so ordering by them (and reading only below the oldest running one) lets a
 * reader trust that nothing will ever appear behind it. Both parts are 64-bit, kept as decimal
 * strings so they never lose precision on their way through JavaScript.
 */
export interface LogPosition {
  transactionId: string;
  globalPosition: string;
}

/** Before every event: transaction ids and positions both start above zero. */
export const BEFORE_ALL: LogPosition = { transactionId: '0', globalPosition: '0' };

const CHECKPOINT = /^(\d{1,20}):(\d{1,20})$/;

export function toCheckpoint(position: LogPosition): Checkpoint {
  return `${position.transactionId}:${position.globalPosition}`;
}

export function parseCheckpoint(checkpoint: Checkpoint): LogPosition {
  if (checkpoint === START) return BEFORE_ALL;
  const match = CHECKPOINT.exec(checkpoint);
  if (!match) throw new Error(`not a PostgreSQL event store checkpoint: ${checkpoint}`);
  return { transactionId: match[1], globalPosition: match[2] };
}

/** The later of two checkpoints in the global order. */
export function laterOf(a: Checkpoint, b: Checkpoint): Checkpoint {
  const x = parseCheckpoint(a);
  const y = parseCheckpoint(b);
  const tx = BigInt(x.transactionId) - BigInt(y.transactionId);
  if (tx !== 0n) return tx > 0n ? a : b;
  return BigInt(x.globalPosition) >= BigInt(y.globalPosition) ? a : b;
}
