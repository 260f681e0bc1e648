import {
  DEFAULT_RETRY_DELAYS_MS,
  readDeliveryTimeout,
  readRetryDelays,
  retryDelayAfter,
  retryWindowMs,
} from './retry-schedule';

describe('the retry schedule of webhook deliveries', () => {
  it('by default keeps trying for at least 24 hours, each wait longer than the one before or equal', () => {
    expect(retryWindowMs(DEFAULT_RETRY_DELAYS_MS)).toBeGreaterThanOrEqual(24 * 3_600_000);
    DEFAULT_RETRY_DELAYS_MS.forEach((delay, i) =>
      expect(delay).toBeGreaterThanOrEqual(DEFAULT_RETRY_DELAYS_MS[i - 1] ?? 0),
    );
  });

  it('waits the n-th delay after the n-th failure, and gives up after the last', () => {
    const delays = [100, 200, 400];
    expect([1, 2, 3, 4].map((failed) => retryDelayAfter(failed, delays))).toEqual([
      100,
      200,
      400,
      null,
    ]);
  });

  it('reads WEBHOOK_RETRY_DELAYS_MS, and refuses what is not whole milliseconds', () => {
    expect(readRetryDelays({ WEBHOOK_RETRY_DELAYS_MS: '200, 200,1000' })).toEqual([200, 200, 1000]);
    expect(readRetryDelays({})).toBe(DEFAULT_RETRY_DELAYS_MS);
    expect(() => readRetryDelays({ WEBHOOK_RETRY_DELAYS_MS: '200,soon' })).toThrow(
      /WEBHOOK_RETRY_DELAYS_MS/,
    );
    expect(() => readRetryDelays({ WEBHOOK_RETRY_DELAYS_MS: '-5' })).toThrow(
      /WEBHOOK_RETRY_DELAYS_MS/,
    );
  });

  it('reads WEBHOOK_TIMEOUT_MS, 15 s by default, and refuses what is not a positive number of ms', () => {
    expect(readDeliveryTimeout({})).toBe(15_000);
    expect(readDeliveryTimeout({ WEBHOOK_TIMEOUT_MS: '1000' })).toBe(1000);
    for (const bad of ['0', '1.5', 'soon'])
      expect(() => readDeliveryTimeout({ WEBHOOK_TIMEOUT_MS: bad })).toThrow(/WEBHOOK_TIMEOUT_MS/);
  });
});
