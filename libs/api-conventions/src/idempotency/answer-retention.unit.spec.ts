import { answerRetention, purgeDue } from './answer-retention';

describe('how long Idempotency-Key answers are kept', () => {
  it('keeps them a day by default, purged at most every ten minutes', () => {
    expect(answerRetention({})).toEqual({ ttlMs: 24 * 3_600_000, purgeEveryMs: 600_000 });
  });

  it('takes IDEMPOTENCY_TTL_HOURS, fractions too; a short time purges as often as it expires', () => {
    expect(answerRetention({ IDEMPOTENCY_TTL_HOURS: '2' }).ttlMs).toBe(7_200_000);
    expect(answerRetention({ IDEMPOTENCY_TTL_HOURS: '0.001' })).toEqual({
      ttlMs: 3_600,
      purgeEveryMs: 3_600,
    });
  });

  it.each(['0', '-1', 'a day', 'Infinity'])('refuses IDEMPOTENCY_TTL_HOURS=%s, naming it', (v) => {
    expect(() => answerRetention({ IDEMPOTENCY_TTL_HOURS: v })).toThrow(/IDEMPOTENCY_TTL_HOURS/);
  });
});

describe('the purge rule: on a write, at most once per interval', () => {
  const retention = { ttlMs: 3_600_000, purgeEveryMs: 600_000 };

  it('purges on the first write of a process', () => {
    expect(purgeDue(undefined, 1_000, retention)).toBe(true);
  });

  it('does not purge again before the interval, and does once it has passed', () => {
    expect(purgeDue(1_000, 1_000 + 599_999, retention)).toBe(false);
    expect(purgeDue(1_000, 1_000 + 600_000, retention)).toBe(true);
  });
});
