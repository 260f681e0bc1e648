// One writer of the event-store concurrency test, as a real process with its own connection:
// appends 1–3 events at a time to a mix of streams shared with the other writers and streams of
// its own, with the expected version checked, going again after a conflict. Prints one JSON
// line with what it did.
import { randomUUID } from 'node:crypto';
import { NewEvent, PostgresEventStore, WrongExpectedVersionError } from '@libs/event-store';

interface WriterReport {
  writer: number;
  events: number;
  appends: number;
  conflicts: number;
}

async function main(): Promise<void> {
  const writer = Number(process.env.WRITER);
  const quota = Number(process.env.EVENTS);
  const sharedStreams = Number(process.env.SHARED_STREAMS);
  const coopId = process.env.COOP_ID!;
  const store = new PostgresEventStore({
    connectionString: process.env.DATABASE_URL,
    schema: process.env.SCHEMA,
    poolSize: 1,
  });
  const known = new Map<string, number>();
  const report: WriterReport = { writer, events: 0, appends: 0, conflicts: 0 };
  try {
    while (report.events < quota) {
      const streamId =
        Math.random() < 0.5
          ? `coop/${coopId}/shared/${Math.floor(Math.random() * sharedStreams)}`
          : `coop/${coopId}/writer-${writer}/${Math.floor(Math.random() * 20)}`;
      const count = Math.min(quota - report.events, 1 + Math.floor(Math.random() * 3));
      const events: NewEvent[] = Array.from({ length: count }, (_, i) => ({
        eventId: randomUUID(),
        type: 'ConcurrencyProbe',
        schemaVersion: 1,
        data: { writer, n: report.events + i },
        metadata: {
          coopId,
          actor: `writer-${writer}`,
          correlationId: randomUUID(),
          causationId: randomUUID(),
        },
      }));
      for (;;) {
        try {
          const result = await store.appendToStream(streamId, events, known.get(streamId) ?? 0);
          known.set(streamId, result.nextExpectedVersion);
          break;
        } catch (error) {
          if (!(error instanceof WrongExpectedVersionError)) throw error;
          known.set(streamId, error.actual);
          report.conflicts++;
        }
      }
      report.events += count;
      report.appends++;
    }
  } finally {
    await store.close();
  }
  process.stdout.write(`${JSON.stringify(report)}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
