import { randomUUID } from 'node:crypto';
import { NewEvent } from '@libs/event-store';

/** One append as a writer would make it: the events and the version it expects the stream at. */
export interface BenchAppend {
  streamId: string;
  events: NewEvent[];
  expectedVersion: number;
}

/** What each writer appends, computed before the clock starts; the same for the store and SQL. */
export type Workload = BenchAppend[][];

export interface WorkloadShape {
  writers: number;
  appendsPerWriter: number;
  /** Events in the n-th append of a writer. */
  eventsPerAppend(n: number): number;
}

/** Streams each writer rotates over: its own, so that the figures measure appends, not conflicts. */
const STREAMS_PER_WRITER = 16;

export function workload(shape: WorkloadShape): Workload {
  const run = randomUUID().slice(0, 8);
  return Array.from({ length: shape.writers }, (_, writer) => {
    const versions = new Map<string, number>();
    return Array.from({ length: shape.appendsPerWriter }, (_, n) => {
      const coopId = `bench-${writer % 4}`;
      const streamId = `coop/${coopId}/member/${run}-${writer}-${n % STREAMS_PER_WRITER}`;
      const expectedVersion = versions.get(streamId) ?? 0;
      const count = shape.eventsPerAppend(n);
      versions.set(streamId, expectedVersion + count);
      return {
        streamId,
        expectedVersion,
        events: Array.from({ length: count }, () => benchEvent(coopId)),
      };
    });
  });
}

/** A member-admission-sized event. */
function benchEvent(coopId: string): NewEvent {
  return {
    eventId: randomUUID(),
    type: 'MemberAdmitted',
    schemaVersion: 1,
    data: {
      memberId: randomUUID(),
      category: 'worker',
      admittedOn: '2027-03-01',
      shares: { count: 3, nominalValue: { amount: '50.00', currency: 'EUR' } },
    },
    metadata: {
      coopId,
      actor: 'admin-1',
      correlationId: randomUUID(),
      causationId: randomUUID(),
    },
    occurredAt: new Date(),
  };
}

export function countEvents(work: Workload): number {
  return work.reduce((sum, appends) => sum + appends.reduce((n, a) => n + a.events.length, 0), 0);
}
