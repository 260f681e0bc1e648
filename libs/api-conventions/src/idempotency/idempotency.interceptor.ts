import { createHash } from 'node:crypto';
import {
  BadRequestException,
  CallHandler,
  ExecutionContext,
  Injectable,
  NestInterceptor,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { from, lastValueFrom, Observable } from 'rxjs';
import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import { RuleViolation, StateConflict } from '@libs/aggregates';

interface HttpRequest {
  method: string;
  url: string;
  body?: unknown;
  headers: Record<string, string | string[] | undefined>;
  actor?: { sub: string };
}

interface HttpReply {
  getHeader(name: string): unknown;
  header(name: string, value: string): unknown;
  statusCode: number;
}

/** Longer than any request takes: a claim this old belongs to a process that died mid-request. */
const STALE_CLAIM_SECONDS = 60;

/** Headers worth replaying: what a client reads off a recording answer besides its body. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on recording POSTs (API.md): the first answer is kept; a retry with the same key
 * and the same request gets it again and records nothing; the same key on another request is a
 * 422; a retry while the first is still running is a 409. A request that fails releases its key,
 * so the client can retry after a fix.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  private readonly table: string;

  constructor(@InjectDataSource() private readonly db: DataSource) {
    this.table = qualifiedTable(db, 'idempotency_keys');
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequest>();
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined) return next.handle();
    return from(this.once(keyOf(header), request, http.getResponse<HttpReply>(), next));
  }

  private async once(
    key: string,
    request: HttpRequest,
    reply: HttpReply,
    next: CallHandler,
  ): Promise<unknown> {
    const hash = requestHash(request);
    // A claim left "in progress" by a process that died (no answer after STALE_CLAIM_SECONDS)
    // is taken over by the same request, so a crash never blocks a key for good.
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO ${this.table} AS k (key, request_hash) VALUES ($1, $2)
       ON CONFLICT (key) DO UPDATE SET created_at = now()
         WHERE k.status IS NULL AND k.request_hash = EXCLUDED.request_hash
           AND k.created_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS})
       RETURNING key`,
      [key, hash],
    );
    if (claimed.length === 0) return this.replay(key, hash, reply);

    try {
      const body = await lastValueFrom(next.handle(), { defaultValue: undefined });
      const headers = Object.fromEntries(
        REPLAYED_HEADERS.map((name) => [name, reply.getHeader(name)]).filter(
          ([, v]) => typeof v === 'string',
        ),
      );
      await this.db.query(
        `UPDATE ${this.table} SET status = $2, body = $3, headers = $4 WHERE key = $1`,
        [key, reply.statusCode, JSON.stringify(body ?? null), JSON.stringify(headers)],
      );
      return body;
    } catch (error) {
      await this.db.query(`DELETE FROM ${this.table} WHERE key = $1`, [key]);
      throw error;
    }
  }

  private async replay(key: string, hash: string, reply: HttpReply): Promise<unknown> {
    const [first] = (await this.db.query(
      `SELECT request_hash, status, body, headers FROM ${this.table} WHERE key = $1`,
      [key],
    )) as {
      request_hash: string;
      status: number | null;
      body: unknown;
      headers: Record<string, string> | null;
    }[];
    if (!first)
      throw new StateConflict('the first request with this Idempotency-Key has just failed; retry');
    if (first.request_hash !== hash) {
      throw new RuleViolation(
        'idempotency_key_reused',
        'this Idempotency-Key was used for a different request',
      );
    }
    if (first.status === null) {
      throw new StateConflict('the first request with this Idempotency-Key is still in progress');
    }
    for (const [name, value] of Object.entries(first.headers ?? {})) reply.header(name, value);
    return first.body;
  }
}

function keyOf(header: string | string[]): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  return key;
}

/** Same caller, same method, same path, same body (keys in any order) = the same request. */
function requestHash(request: HttpRequest): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        request.actor?.sub ?? null,
        request.method,
        request.url,
        canonical(request.body),
      ]),
    )
    .digest('hex');
}

function canonical(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(canonical);
  if (value && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value as object)
        .sort()
        .map((k) => [k, canonical((value as Record<string, unknown>)[k])]),
    );
  }
  return value;
}
