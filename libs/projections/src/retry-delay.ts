export interface RetryPolicy {
  /** Wait before the first retry of a failed projection (ms). */
  initialDelayMs: number;
  /** The waits double up to this (ms). */
  maxDelayMs: number;
}

export const DEFAULT_RETRY: RetryPolicy = { initialDelayMs: 1_000, maxDelayMs: 30_000 };

/** Exponential backoff: a projection that keeps failing is retried ever less often, down to the max. */
export function retryDelay(policy: RetryPolicy, failuresInARow: number): number {
  return Math.min(policy.maxDelayMs, policy.initialDelayMs * 2 ** Math.max(0, failuresInARow - 1));
}
