/**
 * How long a token may live and how much clock drift is forgiven, whoever issued it. A lifetime
 * cap keeps a leaked token from opening the API for ever: a token must end (`exp`), and end soon.
 */
export interface TokenPolicy {
  maxLifetimeSeconds: number;
  clockToleranceSeconds: number;
}

export const DEFAULT_MAX_TOKEN_DAYS = 30;
const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;
const DAY = 24 * 3600;

/** `AUTH_MAX_TOKEN_DAYS` (1 to 3650, default 30), `AUTH_CLOCK_TOLERANCE_SECONDS` (0 to 300, default 30). */
export function readTokenPolicy(env: NodeJS.ProcessEnv = process.env): TokenPolicy {
  return {
    maxLifetimeSeconds:
      wholeNumber(
        'AUTH_MAX_TOKEN_DAYS',
        env.AUTH_MAX_TOKEN_DAYS,
        [1, 3650],
        DEFAULT_MAX_TOKEN_DAYS,
      ) * DAY,
    clockToleranceSeconds: wholeNumber(
      'AUTH_CLOCK_TOLERANCE_SECONDS',
      env.AUTH_CLOCK_TOLERANCE_SECONDS,
      [0, 300],
      DEFAULT_CLOCK_TOLERANCE_SECONDS,
    ),
  };
}

/** The longest lifetime, in whole days, a minted token may ask for under `policy`. */
export function maxTokenDays(policy: TokenPolicy): number {
  return Math.floor(policy.maxLifetimeSeconds / DAY);
}

/** A whole number in `[min, max]` read from `text`, or `fallback` when it is unset. */
export function wholeNumber(
  name: string,
  text: string | undefined,
  [min, max]: [number, number],
  fallback: number,
): number {
  if (text === undefined || text === '') return fallback;
  const value = Number(text);
  if (!/^\d+$/.test(text.trim()) || value < min || value > max) {
    throw new Error(`${name} must be a whole number from ${min} to ${max}: ${text}`);
  }
  return value;
}
