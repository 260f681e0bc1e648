/**
 * How long to wait after each failed attempt before the next one; after the last, the delivery
 * is failed. The default follows the Standard Webhooks guidance (5 s, 5 min, 30 min, 2 h, 5 h,
 * 10 h, 10 h): eight attempts over 27 h 35 min, so a receiver down for a whole day still gets it.
 */
export const DEFAULT_RETRY_DELAYS_MS: readonly number[] = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
];

/** `WEBHOOK_RETRY_DELAYS_MS`: comma-separated milliseconds, one per retry; unset, the default. */
export function readRetryDelays(env: NodeJS.ProcessEnv = process.env): readonly number[] {
  const text = env.WEBHOOK_RETRY_DELAYS_MS?.trim();
  if (!text) return DEFAULT_RETRY_DELAYS_MS;
  const delays = text.split(',').map((part) => Number(part.trim()));
  if (delays.some((delay) => !Number.isSafeInteger(delay) || delay < 0)) {
    throw new Error(
      `WEBHOOK_RETRY_DELAYS_MS must be comma-separated whole milliseconds (e.g. 5000,300000): ${text}`,
    );
  }
  return delays;
}

/**
 * The wait before the next attempt once `failedAttempts` attempts have failed (1 after the first),
 * or null when none is left: the delivery is failed.
 */
export function retryDelayAfter(failedAttempts: number, delays: readonly number[]): number | null {
  return failedAttempts >= 1 && failedAttempts <= delays.length ? delays[failedAttempts - 1] : null;
}

/** From the first attempt to the last: how long a receiver may be down and still get the event. */
export function retryWindowMs(delays: readonly number[]): number {
  return delays.reduce((sum, delay) => sum + delay, 0);
}

/** `WEBHOOK_TIMEOUT_MS`: the most one attempt may take, answer included (default 15 s). */
export function readDeliveryTimeout(env: NodeJS.ProcessEnv = process.env): number {
  const timeout = Number(env.WEBHOOK_TIMEOUT_MS ?? 15_000);
  if (!Number.isSafeInteger(timeout) || timeout < 1)
    throw new Error(
      `WEBHOOK_TIMEOUT_MS must be a positive whole number of ms: ${env.WEBHOOK_TIMEOUT_MS}`,
    );
  return timeout;
}
