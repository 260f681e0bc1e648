import { createHash } from 'node:crypto';

export interface Answer<T = unknown> {
  status: number;
  body: T;
}

/** An answer the seed did not expect: the request and the problem document, for the console. */
export class SeedRefused extends Error {
  constructor(method: string, url: string, answer: Answer) {
    super(`${method} ${url} answered ${answer.status}: ${JSON.stringify(answer.body)}`);
  }
}

/**
 * One app's API as one role sees it: what a coop admin's or a board member's script does with
 * fetch. Recording POSTs carry an Idempotency-Key, so a seed that runs again replays them.
 */
export class DemoApi {
  /** `stop` ends the seed between two requests, never in the middle of one. */
  constructor(
    readonly baseUrl: string,
    private readonly token: string,
    private readonly stop?: AbortSignal,
  ) {}

  async get<T>(path: string): Promise<Answer<T>> {
    return this.call<T>('GET', path);
  }

  /** The request must succeed (2xx), or be one of `alreadyDone` (e.g. 409: done before). */
  async record<T>(
    method: 'POST' | 'PUT',
    path: string,
    body: unknown,
    idempotencyKey?: string,
    alreadyDone: number[] = [],
  ): Promise<Answer<T>> {
    const answer = await this.call<T>(method, path, body, idempotencyKey);
    if ((answer.status >= 200 && answer.status < 300) || alreadyDone.includes(answer.status)) {
      return answer;
    }
    // The key was used for this step with another body (the seed's dates moved on): done already.
    if (answer.status === 422 && ruleOf(answer) === 'idempotency_key_reused') return answer;
    throw new SeedRefused(method, `${this.baseUrl}${path}`, answer);
  }

  private async call<T>(
    method: string,
    path: string,
    body?: unknown,
    idempotencyKey?: string,
  ): Promise<Answer<T>> {
    this.stop?.throwIfAborted();
    const response = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${this.token}`,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        ...(idempotencyKey ? { 'idempotency-key': idempotencyKey } : {}),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { status: response.status, body: (text ? JSON.parse(text) : undefined) as T };
  }
}

/** The rule a 422 problem document names (the public API: "the body names the rule"). */
export function ruleOf(answer: Answer): string | undefined {
  return (answer.body as { rule?: string } | undefined)?.rule;
}

/** A stable uuid for a demo record, derived from its key: the same record, the same id. */
export function demoId(...key: string[]): string {
  const hex = createHash('sha256')
    .update(`demo:${key.join(':')}`)
    .digest('hex');
  // Laid out as a version-4 uuid (version nibble 4, variant bits 10).
  const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** Polls `check` until it returns true (read models trail the writes by a poll or two). */
export async function until(
  what: string,
  check: () => Promise<boolean>,
  timeoutMs = 30_000,
): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
