import { NewEvent, RecordedEvent } from '../envelope';

/**
 * An event-store backup: gzip'd NDJSON, one header line, one line per event in global order,
 * one trailer line. The trailer's `sha256` covers every event line as written (each with its
 * newline), so that a truncated or altered file is refused before anything is restored. It is a
 * checksum, not a signature: anyone who can rewrite the file can rewrite it too.
 */
export const BACKUP_FORMAT = 'coop-federation/event-store-backup';
export const BACKUP_VERSION = 1;

export interface BackupHeader {
  format: typeof BACKUP_FORMAT;
  version: number;
  createdAt: string;
}

/** An event as the store recorded it: not upcast, so restored it is the very same event. */
export interface BackupEvent {
  /** Its place in the original log: restored events keep this order, not these numbers. */
  position: number;
  streamId: string;
  streamVersion: number;
  eventId: string;
  type: string;
  schemaVersion: number;
  data: unknown;
  metadata: NewEvent['metadata'];
  occurredAt: string;
}

export interface BackupTrailer {
  end: true;
  events: number;
  sha256: string;
}

export function backupEvent(event: RecordedEvent): BackupEvent {
  return {
    position: event.globalPosition,
    streamId: event.streamId,
    streamVersion: event.streamVersion,
    eventId: event.eventId,
    type: event.type,
    schemaVersion: event.schemaVersion,
    data: event.data,
    metadata: event.metadata,
    occurredAt: event.occurredAt.toISOString(),
  };
}

export function newEvent(event: BackupEvent): NewEvent {
  // Where it stood in the log is for the store to assign again; the rest is the event itself.
  const { position: _position, streamId: _stream, streamVersion: _version, ...recorded } = event;
  return { ...recorded, occurredAt: new Date(event.occurredAt) };
}

/** Why a backup file cannot be restored, naming the line. */
export class BrokenBackupError extends Error {
  constructor(
    readonly line: number,
    reason: string,
  ) {
    super(`backup line ${line}: ${reason}`);
    this.name = 'BrokenBackupError';
  }
}
