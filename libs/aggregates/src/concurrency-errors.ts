import { DomainError, StateConflict } from './domain-errors';

/**
 * The client sent `If-Match` with a version the stream is no longer at: its view is stale.
 * Mapped to 412 by the problem-details filter; never retried, the client must re-read.
 */
export class PreconditionFailed extends DomainError {
  constructor(
    readonly streamId: string,
    readonly expected: number,
    readonly actual: number,
  ) {
    super(`expected version ${expected} but it is at version ${actual}`);
    this.name = 'PreconditionFailed';
  }
}

/** Concurrent writers kept moving the stream through every retry: a 409, the client may retry. */
export class ConcurrencyConflict extends StateConflict {
  constructor(
    readonly streamId: string,
    readonly attempts: number,
  ) {
    super(`it was changed concurrently ${attempts} times in a row; try again`);
    this.name = 'ConcurrencyConflict';
  }
}
