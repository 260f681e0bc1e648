import { Logger } from '@nestjs/common';
import { Webhook } from 'standardwebhooks';
import { DataSource } from 'typeorm';
import { AttemptOutcome, postDelivery } from './http-delivery';
import { outboxSignal } from './outbox-signal';
import { retryDelayAfter } from './retry-schedule';
import { UrlPolicy } from './url-policy';
import { FIRST_LOOK_MS, nextWake } from './wake-schedule';
import { WebhookSecrets } from './webhook-secrets';
import { webhookTables, WebhookTables } from './webhook-tables';

export interface DispatcherSettings {
  dataSource: DataSource;
  secrets: WebhookSecrets;
  policy: UrlPolicy;
  retryDelaysMs: readonly number[];
  /** How long a receiver has to answer one attempt. */
  timeoutMs: number;
  /** Deliveries sent at once. */
  batchSize?: number;
  /** The longest sleep while nothing is due: the dispatcher backs off to it when idle. */
  idleMs?: number;
}

interface DueDelivery {
  delivery_id: string;
  body: string;
  url: string;
  secret_salt: Buffer;
}

/**
 * Sends the outbox's pending deliveries, each signed (Standard Webhooks, with the maintained
 * `standardwebhooks` library), and records every attempt. A delivery is claimed with a lease
 * (twice the timeout) rather than a lock, so no transaction stays open while a receiver answers;
 * a process killed mid-send leaves its lease to run out, and the delivery is sent again, by the
 * next process or by itself after a restart: at least once. A failed attempt is tried again after
 * the schedule's next delay; after the last, the delivery is failed.
 *
 * It sleeps until the next delivery is due, at most `idleMs` (backing off from a few ms after an
 * outbox write to that bound when nothing comes): an idle app makes one small query now and then.
 */
export class WebhookDispatcher {
  private readonly logger = new Logger('Webhooks');
  private readonly tables: WebhookTables;
  private readonly batchSize: number;
  private readonly idleMs: number;
  private timer: NodeJS.Timeout | undefined;
  private backoffMs: number;
  private cycle: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unlisten: (() => void) | undefined;
  private readonly aborter = new AbortController();

  constructor(private readonly settings: DispatcherSettings) {
    this.tables = webhookTables(settings.dataSource);
    this.batchSize = settings.batchSize ?? 16;
    // An outbox write wakes it in-process and a retry's time is known: the idle look only catches
    // what another process wrote, and a minute is soon enough for that.
    this.idleMs = settings.idleMs ?? 60_000;
    this.backoffMs = FIRST_LOOK_MS;
  }

  start(): void {
    this.stopped = false;
    this.unlisten = outboxSignal.listen(() => this.wake());
    this.wake();
  }

  /** Stops sending; what is in flight is abandoned (its lease runs out, it is sent again later). */
  async stop(): Promise<void> {
    this.stopped = true;
    this.unlisten?.();
    clearTimeout(this.timer);
    this.aborter.abort();
    await this.cycle;
  }

  /** Deliveries may be waiting: look soon, and keep looking often for a little while. */
  wake(): void {
    if (this.stopped) return;
    this.backoffMs = FIRST_LOOK_MS;
    if (this.cycle) this.again = true;
    else this.sleep(0);
  }

  private sleep(ms: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.cycle = this.run().finally(() => (this.cycle = undefined));
    }, ms);
    this.timer.unref();
  }

  private async run(): Promise<void> {
    let next = this.idleMs;
    try {
      let sent = 0;
      for (;;) {
        const due = await this.claim();
        await Promise.all(due.map((delivery) => this.send(delivery)));
        sent += due.length;
        if (due.length < this.batchSize || this.stopped) break;
      }
      const wake = nextWake(this.backoffMs, sent, this.idleMs, await this.untilNextDue());
      this.backoffMs = wake.backoffMs;
      next = wake.sleepMs;
    } catch (error) {
      if (!this.stopped) this.logger.warn(`webhook deliveries: ${String(error)}`);
    }
    if (this.stopped) return;
    if (this.again) {
      this.again = false;
      next = 0;
    }
    this.sleep(next);
  }

  private async claim(): Promise<DueDelivery[]> {
    const t = this.tables;
    // An UPDATE answers [rows, count] through TypeORM.
    const [rows] = (await this.settings.dataSource.query(
      `UPDATE ${t.deliveries} AS d
          SET leased_until = now() + make_interval(secs => $1)
         FROM ${t.subscriptions} AS s
        WHERE s.webhook_id = d.webhook_id
          AND d.delivery_id IN (
            SELECT due.delivery_id FROM ${t.deliveries} AS due
             WHERE due.status = 'pending' AND due.next_attempt_at <= now()
               AND (due.leased_until IS NULL OR due.leased_until < now())
             ORDER BY due.next_attempt_at LIMIT $2
             FOR UPDATE SKIP LOCKED)
       RETURNING d.delivery_id, d.body, s.url, s.secret_salt`,
      [(2 * this.settings.timeoutMs) / 1000, this.batchSize],
    )) as [DueDelivery[], number];
    return rows;
  }

  /** Milliseconds until a pending delivery (of a live webhook) is due or its lease runs out. */
  private async untilNextDue(): Promise<number> {
    const t = this.tables;
    const [row] = (await this.settings.dataSource.query(
      `SELECT extract(epoch FROM min(greatest(d.next_attempt_at, coalesce(d.leased_until, d.next_attempt_at))) - now()) * 1000 AS ms
         FROM ${t.deliveries} AS d
        WHERE d.status = 'pending'
          AND EXISTS (SELECT 1 FROM ${t.subscriptions} AS s WHERE s.webhook_id = d.webhook_id)`,
    )) as { ms: string | null }[];
    return row?.ms === null || row === undefined
      ? Number.POSITIVE_INFINITY
      : Math.max(0, Math.ceil(Number(row.ms)));
  }

  private async send(delivery: DueDelivery): Promise<void> {
    const signer = new Webhook(this.settings.secrets.secretOf(delivery.secret_salt));
    const now = new Date();
    const headers = {
      'webhook-id': delivery.delivery_id,
      'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
      'webhook-signature': signer.sign(delivery.delivery_id, now, delivery.body),
    };
    const outcome = await postDelivery(delivery.url, headers, delivery.body, {
      policy: this.settings.policy,
      timeoutMs: this.settings.timeoutMs,
      signal: this.aborter.signal,
    });
    // Abandoned by a shutdown: not an attempt the receiver refused; the lease runs out, it goes again.
    if (this.stopped) return;
    try {
      await this.record(delivery.delivery_id, now, outcome);
    } catch (error) {
      this.logger.warn(`recording delivery ${delivery.delivery_id}: ${String(error)}`);
    }
  }

  private async record(deliveryId: string, at: Date, outcome: AttemptOutcome): Promise<void> {
    const t = this.tables;
    const succeeded =
      outcome.statusCode !== null && outcome.statusCode >= 200 && outcome.statusCode < 300;
    await this.settings.dataSource.transaction(async (manager) => {
      const [[row]] = (await manager.query(
        `UPDATE ${t.deliveries} SET attempts = attempts + 1, leased_until = NULL
          WHERE delivery_id = $1 RETURNING attempts, status`,
        [deliveryId],
      )) as [{ attempts: number; status: string }[], number];
      if (!row) return;
      await manager.query(
        `INSERT INTO ${t.attempts} (delivery_id, attempt, attempted_at, duration_ms, status_code, error)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [deliveryId, row.attempts, at, outcome.durationMs, outcome.statusCode, outcome.error],
      );
      if (row.status !== 'pending') return;
      const retryIn = succeeded ? null : retryDelayAfter(row.attempts, this.settings.retryDelaysMs);
      await manager.query(
        retryIn === null
          ? `UPDATE ${t.deliveries} SET status = $2, next_attempt_at = NULL, settled_at = now()
              WHERE delivery_id = $1`
          : `UPDATE ${t.deliveries} SET next_attempt_at = now() + make_interval(secs => $2)
              WHERE delivery_id = $1`,
        [deliveryId, retryIn === null ? (succeeded ? 'delivered' : 'failed') : retryIn / 1000],
      );
    });
  }
}
