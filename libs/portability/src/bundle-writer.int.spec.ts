import { randomUUID } from 'node:crypto';
import { coopStream } from '@libs/contracts';
import { NO_STREAM, PostgresEventStore } from '@libs/event-store';
import { newEvent } from '@libs/event-store/testing/new-event';
import { openOlderTransaction } from '@libs/event-store/testing/older-transaction';
import { scratchPostgresStore } from '@libs/event-store/testing/scratch-postgres-store';
import { prepareBundle } from './bundle-writer';
import { SIGNER } from './testing/sample-history';

/** PGlite is one session: a transaction held open by another client would stop every query. */
const EMBEDDED = process.env.EMBEDDED_DATABASE === '1';
const COOP = 'orto-comune';
let store: PostgresEventStore;
let dispose: () => Promise<void>;

beforeAll(async () => {
  ({ store, dispose } = await scratchPostgresStore({ prefix: 'bundle_writer', poolSize: 2 }));
});

afterAll(() => dispose());

describe('an export', () => {
  (EMBEDDED ? it.skip : it)(
    'given an event committed while an older transaction is still open, when exported, then the bundle holds it',
    async () => {
      const older = await openOlderTransaction(); // older than the append below
      try {
        await store.appendToStream(
          coopStream(COOP, 'member', randomUUID()),
          [newEvent(COOP, 'MemberWithdrew', { on: '2025-03-01' })],
          NO_STREAM,
        );
        const exporting = prepareBundle({ store, coopId: COOP, signer: SIGNER });
        // Readers stop at the older transaction: the export waits for it to end.
        await new Promise((resolve) => setTimeout(resolve, 300));
        await older.end();
        const { manifest } = await exporting;
        expect(manifest.eventCount).toBe(1);
      } finally {
        await older.end();
      }
    },
  );
});
