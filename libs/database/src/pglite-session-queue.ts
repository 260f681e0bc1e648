import { NotificationRelay } from './notification-relay';
import { PasswordDoor } from './password-door';

/**
 * Replaces pglite-socket 0.2.17's
 * query queue, which interleaves connections message by message: a connection's extended-protocol
 * query (Parse, Bind, Describe, Execute, Sync: what `pg` sends for any query with parameters) can
 * have another connection's Parse or whole transaction run between its Parse and its Bind, so its
 * Bind binds the other's statement (errors "bind message supplies N parameters, but prepared
 * statement "" requires M", "portal "" does not exist", and silently WRONG results when the counts
 * match). Its queue also stays blocked forever after one failed message (`return` in the catch
 * without resetting `processing`).
 *
 * Rule here: a connection owns the session from its first extended-protocol message to its Sync,
 * and for as long as it holds a transaction open; other connections' messages wait.
 */
/** The part of PGlite the queue drives (typed structurally: PGlite ships CJS and ESM typings). */
interface PGliteSession {
  runExclusive<T>(fn: () => Promise<T>): Promise<T>;
  execProtocolRaw(message: Uint8Array): Promise<Uint8Array>;
  execProtocolRawStream(
    message: Uint8Array,
    options: { onRawData: (data: Uint8Array) => void },
  ): Promise<void>;
  isInTransaction(): boolean;
  exec(query: string): Promise<unknown>;
}

const SYNC = 0x53; // 'S'
const QUERY = 0x51; // 'Q'
const EXTENDED = new Set([0x50, 0x42, 0x44, 0x45, 0x43, 0x48]); // P B D E C H

interface Pending {
  handlerId: number;
  message: Uint8Array;
  onData: (data: Uint8Array) => void;
  resolve: (bytes: number) => void;
  reject: (error: unknown) => void;
}

export class SessionQueue {
  private readonly queue: Pending[] = [];
  private processing = false;
  /** The connection that owns the session (mid extended query or in a transaction), if any. */
  private owner: number | null = null;
  private midExtended = false;
  /** Connections that went away while one of their messages was running. */
  private readonly gone = new Set<number>();
  private readonly notifications = new NotificationRelay();

  constructor(private readonly db: PGliteSession) {}

  enqueue(
    handlerId: number,
    message: Uint8Array,
    onData: (data: Uint8Array) => void,
  ): Promise<number> {
    this.notifications.sent(handlerId, message, onData);
    return new Promise((resolve, reject) => {
      this.queue.push({ handlerId, message, onData, resolve, reject });
      void this.process();
    });
  }

  getQueueLength(): number {
    return this.queue.length;
  }

  clearQueueForHandler(handlerId: number): void {
    this.notifications.gone(handlerId);
    for (let i = this.queue.length - 1; i >= 0; i--) {
      if (this.queue[i].handlerId === handlerId) {
        this.queue.splice(i, 1)[0].reject(new Error('Handler disconnected'));
      }
    }
  }

  /** A connection went away: give the session back clean (end its extended query, roll back). */
  async clearTransactionIfNeeded(handlerId: number): Promise<void> {
    // Marked rather than released here: one of its messages may be running and make it the owner.
    this.gone.add(handlerId);
    await this.process();
  }

  private async release(): Promise<void> {
    if (this.midExtended) {
      await this.db.runExclusive(() => this.db.execProtocolRaw(new Uint8Array([SYNC, 0, 0, 0, 4])));
    }
    // exec takes the query lock itself (inside runExclusive it would wait for itself).
    if (this.db.isInTransaction()) await this.db.exec('ROLLBACK');
    this.owner = null;
    this.midExtended = false;
  }

  private async process(): Promise<void> {
    if (this.processing) return;
    this.processing = true;
    try {
      for (;;) {
        if (this.owner !== null && this.gone.has(this.owner)) await this.release();
        const index =
          this.owner === null ? 0 : this.queue.findIndex((p) => p.handlerId === this.owner);
        if (index < 0 || this.queue.length === 0) return;
        const [next] = this.queue.splice(index, 1);
        let bytes = 0;
        const response: Uint8Array[] | undefined = this.notifications.wants(next.handlerId)
          ? []
          : undefined;
        try {
          await this.db.runExclusive(() =>
            this.db.execProtocolRawStream(next.message, {
              onRawData: (data) => {
                bytes += data.length;
                response?.push(Buffer.from(data));
                next.onData(data);
              },
            }),
          );
          if (response) this.notifications.relay(next.handlerId, Buffer.concat(response));
          next.resolve(bytes);
        } catch (error) {
          next.reject(error);
        }
        const type = next.message[0];
        if (EXTENDED.has(type)) this.midExtended = true;
        else if (type === SYNC || type === QUERY) this.midExtended = false;
        this.owner = this.midExtended || this.db.isInTransaction() ? next.handlerId : null;
      }
    } finally {
      this.processing = false;
      // No message of theirs is running any more, and the owner, if it was one, is released.
      this.gone.clear();
    }
  }
}

/**
 * Call right after constructing the server, before `start()`: handlers take the queue at connect.
 * With a password, connections go through the `PasswordDoor` first.
 */
export function serializeSessions(server: object, db: PGliteSession, password?: string): void {
  const sessions = new SessionQueue(db);
  (server as unknown as { queryQueue: object }).queryQueue =
    password === undefined ? sessions : new PasswordDoor(sessions, password);
}
