import {
  ANY as ESDB_ANY,
  AppendExpectedRevision,
  CurrentRevision,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
} from '@eventstore/db-client';
import { ANY, ExpectedVersion, NO_STREAM, STREAM_EXISTS } from '../expected-version';

/*
 * Our stream versions count events (the first event is version 1, a stream's version is its event
 * count); EventStoreDB revisions are 0-based event numbers. Every crossing of that line goes
 * through these functions so an off-by-one can only live in one place.
 */

export function versionOfRevision(revision: bigint): number {
  return Number(revision) + 1;
}

export function revisionOfVersion(version: number): bigint {
  assertVersion(version);
  if (version === 0) throw new RangeError('version 0 has no event, hence no revision');
  return BigInt(version - 1);
}

export function toExpectedRevision(expected: ExpectedVersion): AppendExpectedRevision {
  switch (expected) {
    case ANY:
      return ESDB_ANY;
    case NO_STREAM:
      return ESDB_NO_STREAM;
    case STREAM_EXISTS:
      return ESDB_STREAM_EXISTS;
    default:
      assertVersion(expected);
      // Version 0 is "no events yet", which EventStoreDB spells NO_STREAM, not revision -1.
      return expected === 0 ? ESDB_NO_STREAM : revisionOfVersion(expected);
  }
}

/** The stream's version as reported by a WrongExpectedVersion answer. */
export function versionOfCurrentRevision(current: CurrentRevision): number {
  return current === ESDB_NO_STREAM ? 0 : versionOfRevision(current);
}

function assertVersion(version: number): void {
  if (!Number.isSafeInteger(version) || version < 0) {
    throw new RangeError(`a stream version is a non-negative integer, got ${version}`);
  }
}
