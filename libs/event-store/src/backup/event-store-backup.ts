import { createHash } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import { createGzip } from 'node:zlib';
import { START } from '../envelope';
import { EventStore } from '../event-store.port';
import { untilReadable } from '../until-readable';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  backupEvent,
  BackupHeader,
  BackupTrailer,
} from './backup-format';

export interface BackupSummary {
  events: number;
  /** The original position of the last event backed up (0 for an empty store). */
  lastPosition: number;
  sha256: string;
}

const PAGE_SIZE = 500;

/**
 * Writes every event of the store, in global order, to `file` (see `backup-format.ts`). The store
 * must read events as recorded (no upcasters), so that a restore gives back the same events. It
 * may run while the apps write: it holds a prefix of the log with no gap (the store hands out an
 * event only once every event before it is readable). The file appears whole or not at all.
 */
export async function backupEventStore(store: EventStore, file: string): Promise<BackupSummary> {
  const summary: BackupSummary = { events: 0, lastPosition: 0, sha256: '' };
  const partial = `${file}.partial`;
  try {
    await pipeline(
      Readable.from(backupLines(store, summary)),
      createGzip(),
      createWriteStream(partial),
    );
  } catch (error) {
    await rm(partial, { force: true });
    throw error;
  }
  await rename(partial, file);
  return summary;
}

async function* backupLines(store: EventStore, summary: BackupSummary): AsyncGenerator<string> {
  const header: BackupHeader = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: new Date().toISOString(),
  };
  yield `${JSON.stringify(header)}\n`;
  // A store may hold committed events back from readers while an older transaction anywhere on
  // its server is open (PostgreSQL): a backup read then would silently miss them. It waits until
  // everything committed before it started is readable, and refuses rather than cut a history.
  const head = await store.headPosition();
  await untilReadable(store, head);
  const hash = createHash('sha256');
  for await (const event of store.readAll(START, { pageSize: PAGE_SIZE })) {
    const line = `${JSON.stringify(backupEvent(event))}\n`;
    hash.update(line);
    summary.events++;
    summary.lastPosition = event.globalPosition;
    yield line;
  }
  if (summary.lastPosition < head) {
    throw new Error(
      `backup incomplete: events up to position ${head} were committed but not readable yet ` +
        '(a long transaction on the database server holds them back); nothing was written, try again',
    );
  }
  summary.sha256 = hash.digest('hex');
  const trailer: BackupTrailer = { end: true, events: summary.events, sha256: summary.sha256 };
  yield `${JSON.stringify(trailer)}\n`;
}
