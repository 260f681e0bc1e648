import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { NotFound } from '@libs/aggregates';
import { PageCursor, pageOf, PageQuery, DEFAULT_PAGE_SIZE } from '@libs/api-conventions';
import { Actor } from '@libs/auth';
import { EVENT_STORE, EventStore } from '@libs/event-store';
import { InvalidInput } from '@libs/http';
import { UrlPolicy, urlRefusal } from './url-policy';
import {
  CreateWebhookDto,
  DeliveryPage,
  DeliveryResponse,
  WebhookCreatedResponse,
  WebhookPage,
} from './webhooks.dto';
import { WebhookSecrets } from './webhook-secrets';
import { webhookTables, WebhookTables } from './webhook-tables';

export const WEBHOOK_URL_POLICY = Symbol('WEBHOOK_URL_POLICY');

type Key = [createdAt: string, id: string];

interface SubscriptionRow {
  webhook_id: string;
  url: string;
  events: string[];
  created_at: Date;
}

interface DeliveryRow {
  delivery_id: string;
  event_name: string;
  event_id: string;
  status: string;
  created_at: Date;
  next_attempt_at: Date | null;
}

interface AttemptRow {
  delivery_id: string;
  attempt: number;
  attempted_at: Date;
  duration_ms: number;
  status_code: number | null;
  error: string | null;
}

/** The app's webhooks: made, listed, deleted, and the log of what was delivered to each. */
@Injectable()
export class WebhookSubscriptions {
  private readonly tables: WebhookTables;
  private readonly webhookCursor = new PageCursor<Key>('webhooks');
  private readonly deliveryCursor = new PageCursor<Key>('webhook deliveries');

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly secrets: WebhookSecrets,
    @Inject(WEBHOOK_URL_POLICY) private readonly policy: UrlPolicy,
  ) {
    this.tables = webhookTables(db);
  }

  async create(dto: CreateWebhookDto, actor: Actor): Promise<WebhookCreatedResponse> {
    const refusal = urlRefusal(dto.url, this.policy);
    if (refusal) throw new InvalidInput([{ field: 'url', message: refusal }]);
    const webhookId = randomUUID();
    const salt = this.secrets.newSalt();
    // Events already in the log when the webhook is made are not sent to it.
    const head = await this.store.headPosition();
    await this.db.query(
      `INSERT INTO ${this.tables.subscriptions}
         (webhook_id, url, events, secret_salt, created_by, after_position)
       VALUES ($1, $2, $3, $4, $5, $6)`,
      [webhookId, dto.url, [...new Set(dto.events)], salt, actor.sub, head],
    );
    return { webhookId, secret: this.secrets.secretOf(salt) };
  }

  async list(query: PageQuery): Promise<WebhookPage> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = this.webhookCursor.read(query.cursor);
    const rows: SubscriptionRow[] = await this.db.query(
      `SELECT webhook_id, url, events, created_at FROM ${this.tables.subscriptions}
        WHERE $1::timestamptz IS NULL OR (created_at, webhook_id) > ($1::timestamptz, $2::uuid)
        ORDER BY created_at, webhook_id LIMIT $3`,
      [after?.[0] ?? null, after?.[1] ?? null, limit + 1],
    );
    return pageOf(
      rows,
      limit,
      (row) => ({
        webhookId: row.webhook_id,
        url: row.url,
        events: row.events,
        createdAt: row.created_at.toISOString(),
      }),
      (row) => [row.created_at.toISOString(), row.webhook_id],
      this.webhookCursor,
    );
  }

  /** Deletes the webhook, its pending deliveries and its log. */
  async remove(webhookId: string): Promise<void> {
    const t = this.tables;
    const deleted = await this.db.transaction(async (manager) => {
      const [rows] = (await manager.query(
        `DELETE FROM ${t.subscriptions} WHERE webhook_id = $1 RETURNING webhook_id`,
        [webhookId],
      )) as [unknown[], number];
      await manager.query(`DELETE FROM ${t.deliveries} WHERE webhook_id = $1`, [webhookId]);
      return rows.length > 0;
    });
    if (!deleted) throw new NotFound(`no webhook ${webhookId}`);
  }

  async deliveries(webhookId: string, query: PageQuery): Promise<DeliveryPage> {
    const t = this.tables;
    const known: unknown[] = await this.db.query(
      `SELECT 1 FROM ${t.subscriptions} WHERE webhook_id = $1`,
      [webhookId],
    );
    if (known.length === 0) throw new NotFound(`no webhook ${webhookId}`);
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = this.deliveryCursor.read(query.cursor);
    // One snapshot: a delivery's status and its attempts as of the same moment.
    const { rows, attempts } = await this.db.transaction('REPEATABLE READ', async (manager) => {
      const rows: DeliveryRow[] = await manager.query(
        `SELECT delivery_id, event_name, event_id, status, created_at, next_attempt_at
           FROM ${t.deliveries}
          WHERE webhook_id = $1
            AND ($2::timestamptz IS NULL OR (created_at, delivery_id) > ($2::timestamptz, $3::text))
          ORDER BY created_at, delivery_id LIMIT $4`,
        [webhookId, after?.[0] ?? null, after?.[1] ?? null, limit + 1],
      );
      const attempts: AttemptRow[] = rows.length
        ? await manager.query(
            `SELECT delivery_id, attempt, attempted_at, duration_ms, status_code, error
               FROM ${t.attempts} WHERE delivery_id = ANY($1) ORDER BY delivery_id, attempt`,
            [rows.map((row) => row.delivery_id)],
          )
        : [];
      return { rows, attempts };
    });
    return pageOf(
      rows,
      limit,
      (row): DeliveryResponse => ({
        deliveryId: row.delivery_id,
        event: row.event_name,
        eventId: row.event_id,
        status: row.status,
        createdAt: row.created_at.toISOString(),
        nextAttemptAt: row.next_attempt_at?.toISOString() ?? null,
        attempts: attempts
          .filter((attempt) => attempt.delivery_id === row.delivery_id)
          .map((attempt) => ({
            attempt: attempt.attempt,
            at: attempt.attempted_at.toISOString(),
            statusCode: attempt.status_code,
            error: attempt.error,
            durationMs: attempt.duration_ms,
          })),
      }),
      (row) => [row.created_at.toISOString(), row.delivery_id],
      this.deliveryCursor,
    );
  }
}
