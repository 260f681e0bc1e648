import { Checkpoint } from '@libs/event-store';

/** Where a projection stands against the event log, as `ProjectionRunner.status()` reports it. */
export interface ProjectionStatus {
  name: string;
  /** The version in the code (the rows may still be from an older one while `rebuilding`). */
  version: number;
  /** The last event whose effects are committed; null before the projection first ran. */
  checkpoint: Checkpoint | null;
  /** The highest global position among the events applied (0 before the first). */
  position: number;
  /** The store's last global position when the status was taken. */
  headPosition: number;
  /** `headPosition - position`, or 0 when none of the events after `position` is for this projection. */
  lag: number;
  /** Its subscription runs in this process. */
  running: boolean;
  /** Every event for it up to `headPosition` is applied, by the current version. */
  caughtUp: boolean;
  /** Replaying from the start after a reset (its rows are partial until it catches up). */
  rebuilding: boolean;
  /** Why it last stopped; cleared when a batch commits again. */
  lastError: string | null;
  /** Events it could not apply and set aside (see `ProjectionRunner.parked`): its rows are partial. */
  parkedEvents: number;
}
