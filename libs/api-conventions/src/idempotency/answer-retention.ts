/**
 * How long answers kept for Idempotency-Key retries are kept: a retry comes within minutes, a
 * day covers a client that retries the next morning, and an answer can show a member's name, so
 * none is kept for good. `IDEMPOTENCY_TTL_HOURS` (a positive number, fractions allowed) sets it.
 */
export const DEFAULT_ANSWER_TTL_HOURS = 24;

/** Expired answers are purged on a write, at most this often: no timer runs while the app idles. */
const LONGEST_PURGE_INTERVAL_MS = 10 * 60_000;

export interface AnswerRetention {
  /** An answer older than this is expired: its key may be used afresh, and it is purged. */
  ttlMs: number;
  /** A write purges expired answers when the last purge is at least this old. */
  purgeEveryMs: number;
}

export function answerRetention(env: NodeJS.ProcessEnv = process.env): AnswerRetention {
  const raw = env.IDEMPOTENCY_TTL_HOURS?.trim();
  const hours = raw ? Number(raw) : DEFAULT_ANSWER_TTL_HOURS;
  if (!Number.isFinite(hours) || hours <= 0) {
    throw new Error(
      `IDEMPOTENCY_TTL_HOURS must be a positive number of hours (such as 24 or 0.5), not "${raw}"`,
    );
  }
  const ttlMs = Math.round(hours * 3_600_000);
  return { ttlMs, purgeEveryMs: Math.min(ttlMs, LONGEST_PURGE_INTERVAL_MS) };
}

/** Whether a write at `now` should purge: never purged yet by this process, or long enough ago. */
export function purgeDue(
  lastPurgeAt: number | undefined,
  now: number,
  retention: AnswerRetention,
): boolean {
  return lastPurgeAt === undefined || now - lastPurgeAt >= retention.purgeEveryMs;
}
