import { retryDelay } from './retry-delay';

describe('retryDelay', () => {
  it('doubles after each failure in a row, up to the max', () => {
    const policy = { initialDelayMs: 100, maxDelayMs: 1_000 };
    expect([1, 2, 3, 4, 5, 6].map((n) => retryDelay(policy, n))).toEqual([
      100, 200, 400, 800, 1_000, 1_000,
    ]);
  });
});
