import { createHash } from 'node:crypto';
import { BadRequestException, Injectable, Module, OnModuleInit } from '@nestjs/common';
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

/** Longer than any request takes: a claim this old belongs to a process that died mid-request. */
const STALE_CLAIM_SECONDS = 60;

/** Headers worth replaying: what a client reads off a recording answer besides its body. */
const REPLAYED_HEADERS = ['etag', 'location'];

/**
 * `Idempotency-Key` on recording POSTs (API.md): the first answer is kept; a retry with the same key
 * and the same request gets it again and records nothing; the same key on another request is a
 * 422; a retry while the first is still running is a 409. A request that fails releases its key,
 * so the client can retry after a fix.
 *
 * Fastify hooks rather than a Nest interceptor: an interceptor wraps every request in rxjs, with
 * or without the header, and that was a fair share of a recording's CPU. A request without the
 * header, or not a POST, pays one check. The hooks run before Nest's AuthGuard, so they ask it
 * whom it will admit: a request it will refuse never touches a key (it gets its 401 or 403 as
 * before), and the caller (sub, role, coop) is part of the request, so that one caller's answer is
 * never replayed to another: the same key from another caller is a 422, as for another body.
 * Problems (a bad key, a reuse, a 409) are thrown into Nest's error handling, so the
 * ProblemDetailsFilter writes them as it writes every other.
 */
@Injectable()
export class IdempotencyHooks implements OnModuleInit {
  private readonly table: string;
  /** The keys claimed by requests still running, for onSend to settle. */
  private readonly claims = new WeakMap<FastifyRequest, string>();

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
        actor === undefined ? false : this.claim(keyOf(header), request, actor, reply),
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
    key: string,
    request: FastifyRequest,
    actor: Actor | null,
    reply: FastifyReply,
  ): Promise<boolean> {
    const hash = requestHash(request, actor);
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
    if (claimed.length > 0) {
      this.claims.set(request, key);
      return false;
    }
    await this.replay(key, hash, reply);
    return true;
  }

  private async replay(key: string, hash: string, reply: FastifyReply): Promise<void> {
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
    void reply
      .code(first.status)
      .headers(first.headers ?? {})
      .send(first.body);
  }

  /** Keeps a claimed request's answer before it goes out, or releases the key if it failed. */
  private settle(
    request: FastifyRequest,
    reply: FastifyReply,
    payload: unknown,
    done: (error?: Error | null) => void,
  ) {
    const key = this.claims.get(request);
    if (key === undefined) return done();
    // Settled once: a failure to store is answered (a 500) through these hooks again.
    this.claims.delete(request);
    if (reply.statusCode >= 400) {
      this.release(key).then(() => done(), done);
      return;
    }
    this.keep(key, reply, payload).then(
      () => done(),
      (error: Error) => this.release(key).then(() => done(error), done),
    );
  }

  private async keep(key: string, reply: FastifyReply, payload: unknown): Promise<void> {
    const headers = Object.fromEntries(
      REPLAYED_HEADERS.map((name) => [name, reply.getHeader(name)]).filter(
        ([, v]) => typeof v === 'string',
      ),
    );
    await this.db.query(
      `UPDATE ${this.table} SET status = $2, body = $3, headers = $4 WHERE key = $1`,
      [key, reply.statusCode, storedBody(reply, payload), JSON.stringify(headers)],
    );
  }

  private async release(key: string): Promise<void> {
    await this.db.query(`DELETE FROM ${this.table} WHERE key = $1`, [key]);
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

/** The answer as JSON, as the handler gave it (Fastify has serialized it by now). */
function storedBody(reply: FastifyReply, payload: unknown): string {
  if (typeof payload !== 'string') return 'null';
  return /json/i.test(String(reply.getHeader('content-type'))) ? payload : JSON.stringify(payload);
}

/** Same caller, same method, same path, same body (keys in any order) = the same request. */
function requestHash(request: FastifyRequest, actor: Actor | null): string {
  return createHash('sha256')
    .update(
      JSON.stringify([
        actor?.sub ?? null,
        actor?.role ?? null,
        actor?.coopId ?? null,
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
