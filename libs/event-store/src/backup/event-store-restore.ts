import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import { createGunzip } from 'node:zlib';
import { EventStore } from '../event-store.port';
import { NO_STREAM } from '../expected-version';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupEvent,
  BackupHeader,
  BackupTrailer,
  BrokenBackupError,
  newEvent,
} from './backup-format';

export interface RestoreSummary {
  events: number;
  streams: number;
}

/** Consecutive events of one stream go in one append, up to this many. */
const MAX_APPEND = 500;

/**
 * Reads the whole backup and checks it (format, order, count, checksum), without writing:
 * throws `BrokenBackupError` naming the first bad line.
 */
export async function verifyBackup(file: string): Promise<RestoreSummary> {
  const streams = new Set<string>();
  let events = 0;
  for await (const event of backupEvents(file)) {
    streams.add(event.streamId);
    events++;
  }
  return { events, streams: streams.size };
}

/**
 * Restores a backup into an empty store: checks the whole file first (nothing is written from a
 * broken one), then appends its events in their original global order, each stream's at its
 * original versions. The events get the store's new global positions: the order is the same,
 * the numbers may differ (a log with gaps comes back without them), which is all readers rely on,
 * since checkpoints are rebuilt with the views. Works through the port, so on either adapter.
 */
export async function restoreEventStore(store: EventStore, file: string): Promise<RestoreSummary> {
  const summary = await verifyBackup(file);
  if ((await store.headPosition()) > 0) {
    throw new Error('the event store is not empty: restore only into an empty one');
  }
  let run: BackupEvent[] = [];
  const flush = async () => {
    if (run.length === 0) return;
    const [first] = run;
    const expected = first.streamVersion === 1 ? NO_STREAM : first.streamVersion - 1;
    await store.appendToStream(first.streamId, run.map(newEvent), expected);
    run = [];
  };
  for await (const event of backupEvents(file)) {
    if (run.length > 0 && (run[0].streamId !== event.streamId || run.length >= MAX_APPEND)) {
      await flush();
    }
    run.push(event);
  }
  await flush();
  return summary;
}

/** The backup's events in order, checked line by line; the trailer is checked at the end. */
async function* backupEvents(file: string): AsyncGenerator<BackupEvent> {
  const lines = createInterface({
    input: createReadStream(file).pipe(createGunzip()),
    crlfDelay: Infinity,
  });
  const hash = createHash('sha256');
  let number = 0;
  let events = 0;
  let lastPosition = 0;
  let trailer: BackupTrailer | undefined;
  try {
    for await (const line of lines) {
      number++;
      const value = parse(line, number);
      if (number === 1) {
        checkHeader(value as BackupHeader, number);
        continue;
      }
      if (trailer) throw new BrokenBackupError(number, 'a line after the trailer');
      if ((value as BackupTrailer).end === true) {
        trailer = value as BackupTrailer;
        continue;
      }
      const event = value as BackupEvent;
      if (!(event.position > lastPosition)) {
        throw new BrokenBackupError(number, `position ${event.position} out of order`);
      }
      lastPosition = event.position;
      hash.update(`${line}\n`);
      events++;
      yield event;
    }
  } catch (error) {
    // A gzip stream cut short fails the read: say so as a broken backup.
    if (error instanceof BrokenBackupError) throw error;
    throw new BrokenBackupError(number + 1, `unreadable (${(error as Error).message})`);
  }
  if (number === 0) throw new BrokenBackupError(1, 'empty file');
  if (!trailer) throw new BrokenBackupError(number, 'no trailer: the file is cut short');
  if (trailer.events !== events) {
    throw new BrokenBackupError(
      number,
      `the trailer counts ${trailer.events} events, the file holds ${events}`,
    );
  }
  if (trailer.sha256 !== hash.digest('hex')) {
    throw new BrokenBackupError(number, 'checksum mismatch: the events were altered');
  }
}

function parse(line: string, number: number): unknown {
  try {
    return JSON.parse(line);
  } catch {
    throw new BrokenBackupError(number, 'not JSON');
  }
}

function checkHeader(header: BackupHeader, number: number): void {
  if (header?.format !== BACKUP_FORMAT) {
    throw new BrokenBackupError(
      number,
      `not an event-store backup (format ${String(header?.format)})`,
    );
  }
  if (header.version !== BACKUP_VERSION) {
    throw new BrokenBackupError(
      number,
      `backup version ${header.version}, this release reads ${BACKUP_VERSION}`,
    );
  }
}
