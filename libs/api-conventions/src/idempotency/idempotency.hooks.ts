import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, Logger, Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { InjectDataSource } from '@nestjs/typeorm';
import type {
  FastifyInstance,
  FastifyReply,
  FastifyRequest,
  HookHandlerDoneFunction,
} from 'fastify';
import { DataSource } from 'typeorm';
import { RuleViolation, StateConflict } from '@libs/aggregates';
import { Actor, AuthGuard } from '@libs/auth';
import { qualifiedTable } from '@libs/database';
import { answerRetention, purgeDue } from './answer-retention';
import { REDACTED_IN_STORED_ANSWER } from './redacted-in-stored-answer';
import { redacted } from './stored-answers';

/** Longer than any request takes: a claim this old belongs to a process that died mid-request. */
const STALE_CLAIM_SECONDS = 60;

/** Headers worth replaying: what a client reads off a recording answer besides its body. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on recording POSTs (the public API): the first answer is kept; a retry with the same key
 * and the same request gets it again and records nothing; the same key on another request is a
 * 422; a retry while the first is still running is a 409. A request that fails releases its key,
 * so the client can retry after a fix. Kept answers expire (`answerRetention`): past that age the
 * key is free again, and a write now and then purges them.
 *
 * Fastify hooks rather than a Nest interceptor: an interceptor wraps every request in rxjs, with
 * or without the header, and that was a fair share of a recording's CPU. A request without the
 * header, or not a POST, pays one check. The hooks run before Nest's AuthGuard, so they ask it
 * whom it will admit: a request it will refuse never touches a key (it gets its 401 or 403 as
 * before). A key belongs to its caller (sub, role, coop): keys are unique per caller, so one
 * caller's answer is never replayed to another, and the same key from another caller is simply
 * that caller's own key.
 * Problems (a bad key, a reuse, a 409) are thrown into Nest's error handling, so the
 * ProblemDetailsFilter writes them as it writes every other.
 */
@Injectable()
export class IdempotencyHooks implements OnModuleInit {
  private readonly table: string;
  /** The keys claimed by requests still running, for onSend to settle. */
  private readonly claims = new WeakMap<FastifyRequest, CallerKey>();
  private readonly retention = answerRetention();
  private readonly logger = new Logger('Idempotency');
  private lastPurgeAt: number | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly adapter: HttpAdapterHost,
    private readonly guard: AuthGuard,
  ) {
    this.table = qualifiedTable(db, 'idempotency_keys');
  }

  /** Before the routes are ready (Fastify gives each route its hooks then). */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('preHandler', (request, reply, done) => this.before(request, reply, done));
    fastify.addHook('onSend', (request, reply, payload, done) =>
      this.settle(request, reply, payload, done),
    );
  }

  private before(request: FastifyRequest, reply: FastifyReply, done: HookHandlerDoneFunction) {
    const header = request.headers['idempotency-key'];
    if (request.method !== 'POST' || header === undefined || request.is404) return done();
    this.guard
      .admittedTo(request.routeOptions.config, request.headers.authorization)
      .then((actor) =>
        actor === undefined
          ? false
          : this.claim({ caller: callerOf(actor), key: keyOf(header) }, request, reply),
      )
      .then(
        (replayed) => {
          if (!replayed) done();
        },
        (error: Error) => done(error),
      );
  }

  /** Claims the key for this request (false), or replays the first answer to it (true). */
  private async claim(
    claim: CallerKey,
    request: FastifyRequest,
    reply: FastifyReply,
  ): Promise<boolean> {
    await this.purgeIfDue();
    const hash = requestHash(request);
    // Taken over as if new: a claim left "in progress" by a process that died (no answer after
    // STALE_CLAIM_SECONDS) by the same request, so a crash never blocks a key for good; and an
    // answer older than its time, whatever the request.
    const claimed: unknown[] = await this.db.query(
      `INSERT INTO ${this.table} AS k (caller, key, request_hash) VALUES ($1, $2, $3)
       ON CONFLICT (caller, key) DO UPDATE
         SET created_at = now(), request_hash = EXCLUDED.request_hash,
             status = NULL, body = NULL, headers = NULL
         WHERE (k.status IS NULL AND k.request_hash = EXCLUDED.request_hash
                AND k.created_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS}))
            OR (k.status IS NOT NULL AND k.created_at < now() - make_interval(secs => $4))
       RETURNING key`,
      [claim.caller, claim.key, hash, this.retention.ttlMs / 1000],
    );
    if (claimed.length > 0) {
      this.claims.set(request, claim);
      return false;
    }
    await this.replay(claim, hash, reply);
    return true;
  }

  private async replay(claim: CallerKey, hash: string, reply: FastifyReply): Promise<void> {
    const [first] = (await this.db.query(
      `SELECT request_hash, status, body, headers FROM ${this.table} WHERE caller = $1 AND key = $2`,
      [claim.caller, claim.key],
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
    void reply
      .code(first.status)
      .headers(first.headers ?? {})
      .send(first.body);
  }

  /**
   * Deletes the answers past their time, on a write and at most every `purgeEveryMs`: no timer
   * wakes an idle app. A claim still in progress stays until it is stale. A purge that fails is
   * logged and tried again on a later write; the request goes on.
   */
  private async purgeIfDue(): Promise<void> {
    const now = Date.now();
    if (!purgeDue(this.lastPurgeAt, now, this.retention)) return;
    this.lastPurgeAt = now;
    try {
      await this.db.query(
        `DELETE FROM ${this.table}
         WHERE created_at < now() - make_interval(secs => $1)
           AND (status IS NOT NULL
                OR created_at < now() - make_interval(secs => ${STALE_CLAIM_SECONDS}))`,
        [this.retention.ttlMs / 1000],
      );
    } catch (error) {
      this.logger.warn(`purging expired Idempotency-Key answers failed: ${String(error)}`);
    }
  }

  /** Keeps a claimed request's answer before it goes out, or releases the key if it failed. */
  private settle(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error?: Error | null) => void,
  ) {
    const claim = this.claims.get(request);
    if (claim === undefined) return done();
    // Settled once: a failure to store is answered (a 500) through these hooks again.
    this.claims.delete(request);
    if (reply.statusCode >= 400) {
      this.release(claim).then(() => done(), done);
      return;
    }
    this.keep(claim, request, reply, payload).then(
      () => done(),
      (error: Error) => this.release(claim).then(() => done(error), done),
    );
  }

  private async keep(
    claim: CallerKey,
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
  ): Promise<void> {
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.map((name) => [name, reply.getHeader(name)]).filter(
        ([, v]) => typeof v === 'string',
      ),
    );
    await this.db.query(
      `UPDATE ${this.table} SET status = $3, body = $4, headers = $5 WHERE caller = $1 AND key = $2`,
      [
        claim.caller,
        claim.key,
        reply.statusCode,
        storedBody(reply, payload, redactedFields(request)),
        JSON.stringify(headers),
      ],
    );
  }

  private async release(claim: CallerKey): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE caller = $1 AND key = $2`, [
      claim.caller,
      claim.key,
    ]);
  }
}

/** Import in an app module (with the idempotency_keys migration) to honour Idempotency-Key. */
@Module({ providers: [IdempotencyHooks] })
export class IdempotencyModule {}

function keyOf(header: string | string[]): string {
  const key = Array.isArray(header) ? header[0] : header;
  if (!key || key.length > 255 || !/^[\x21-\x7e]+$/.test(key)) {
    throw new BadRequestException('Idempotency-Key must be 1 to 255 visible ASCII characters');
  }
  return key;
}

/**
 * The answer as JSON, as the handler gave it (Fastify has serialized it by now), less the fields
 * the route says are never kept (`RedactedInStoredAnswer`).
 */
function storedBody(reply: FastifyReply, payload: unknown, redactions: string[][]): string {
  if (typeof payload !== 'string') return 'null';
  if (!/json/i.test(String(reply.getHeader('content-type')))) return JSON.stringify(payload);
  return redactions.length ? JSON.stringify(redacted(JSON.parse(payload), redactions)) : payload;
}

function redactedFields(request: FastifyRequest): string[][] {
  const config = request.routeOptions.config as unknown as Record<string, unknown> | undefined;
  return (config?.[REDACTED_IN_STORED_ANSWER] as string[][] | undefined) ?? [];
}

/** A key as its caller sent it: keys are unique per caller. */
interface CallerKey {
  caller: string;
  key: string;
}

/** Who sent the key, as the token says: `sub`, role and coop (a public route's callers are one). */
function callerOf(actor: Actor | null): string {
  return actor ? JSON.stringify([actor.sub, actor.role, actor.coopId ?? null]) : '';
}

/** Same method, same path, same body (keys in any order) = the same request. */
function requestHash(request: FastifyRequest): string {
  return createHash('sha256')
    .update(JSON.stringify([request.method, request.url, canonical(request.body)]))
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
