import { Client, ClientConfig } from 'pg';
import { ReadAllFilter } from '../event-store.port';
import { listenStatement, mayMatch, parseAppended } from './append-notification';

/** What a subscription needs from the listener: to be woken, and whether wake-ups can be trusted. */
export interface WakeSource {
  /**
   * Calls `wake` on every notification of events that may match `filter`, and whenever the
   * connection was lost or (re)opened. Returns the call that unregisters.
   */
  register(wake: () => void, filter?: ReadAllFilter): () => void;
  /** True while a LISTEN connection is open: a caught-up subscription may then sleep long. */
  readonly listening: boolean;
}

const RECONNECT_MIN_MS = 100;
const RECONNECT_MAX_MS = 5_000;

/**
 * One LISTEN connection per store, shared by all its subscriptions, opened with the first of them.
 * When it is lost, every subscription is woken (it polls at its short interval until the listener
 * is back) and the connection is opened again, backing off; once it listens again, every
 * subscription is woken once more, since a notification sent while nobody listened is lost.
 */
export class AppendListener implements WakeSource {
  private readonly wakes = new Map<() => void, ReadAllFilter | undefined>();
  private client: Client | undefined;
  private connecting: Promise<void> | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private retryMs = RECONNECT_MIN_MS;
  private closed = false;
  listening = false;

  constructor(
    private readonly config: ClientConfig,
    private readonly schema: string,
  ) {}

  register(wake: () => void, filter?: ReadAllFilter): () => void {
    this.wakes.set(wake, filter);
    if (!this.client && !this.connecting && !this.retryTimer) this.connect();
    return () => this.wakes.delete(wake);
  }

  async close(): Promise<void> {
    this.closed = true;
    clearTimeout(this.retryTimer);
    await this.connecting;
    const client = this.client;
    this.client = undefined;
    this.listening = false;
    await client?.end().catch(() => undefined);
  }

  private wakeAll(payload?: string): void {
    const appended = parseAppended(payload);
    for (const [wake, filter] of this.wakes) if (mayMatch(filter, appended)) wake();
  }

  private connect(): void {
    // Keep-alive: a connection that died without a word (a dropped network) must come to an
    // error, or its subscriptions would wait for the safety net's long polls.
    const client = new Client({ ...this.config, keepAlive: true });
    const lost = (): void => {
      if (this.client !== client) return;
      this.client = undefined;
      this.listening = false;
      void client.end().catch(() => undefined);
      this.wakeAll();
      this.scheduleReconnect();
    };
    client.on('notification', ({ payload }) => this.wakeAll(payload));
    client.on('error', lost);
    client.on('end', lost);
    this.connecting = (async () => {
      try {
        await client.connect();
        await client.query(listenStatement(this.schema));
        if (this.closed) {
          await client.end();
          return;
        }
        this.client = client;
        this.listening = true;
        this.retryMs = RECONNECT_MIN_MS;
        this.wakeAll();
      } catch {
        void client.end().catch(() => undefined);
        this.scheduleReconnect();
      } finally {
        this.connecting = undefined;
      }
    })();
  }

  private scheduleReconnect(): void {
    if (this.closed || this.retryTimer) return;
    this.retryTimer = setTimeout(() => {
      this.retryTimer = undefined;
      if (!this.closed) this.connect();
    }, this.retryMs);
    this.retryTimer.unref();
    this.retryMs = Math.min(this.retryMs * 2, RECONNECT_MAX_MS);
  }
}
