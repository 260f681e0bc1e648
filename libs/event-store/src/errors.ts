import { ExpectedVersion } from './expected-version';

/** The stream moved since the writer read it (optimistic concurrency). Retry or answer 409. */
export class WrongExpectedVersionError extends Error {
  constructor(
    readonly streamId: string,
    readonly expected: ExpectedVersion,
    readonly actual: number,
  ) {
    super(`stream ${streamId} is at version ${actual}, expected ${String(expected)}`);
    this.name = 'WrongExpectedVersionError';
  }
}

/**
 * Some but not all of the appended event ids are already recorded, or recorded in another stream:
 * not a retry of the same append but a different one reusing ids.
 */
export class EventIdConflictError extends Error {
  constructor(
    readonly streamId: string,
    readonly eventIds: string[],
  ) {
    super(
      `event ids already recorded elsewhere while appending to ${streamId}: ${eventIds.join(', ')}`,
    );
    this.name = 'EventIdConflictError';
  }
}
