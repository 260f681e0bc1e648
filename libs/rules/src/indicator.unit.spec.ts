import { ratioIndicator, ratioString } from './indicator';

describe('ratio indicators', () => {
  it('alerts when volunteers are more than half of the members, not at exactly half', () => {
    expect(ratioIndicator('volunteers_at_most_half', 5, 10)).toMatchObject({
      value: '0.5000',
      status: 'ok',
    });
    expect(ratioIndicator('volunteers_at_most_half', 6, 11)).toMatchObject({
      value: '0.5455',
      status: 'alert',
    });
  });

  it('alerts when disadvantaged workers fall below 30%', () => {
    expect(ratioIndicator('disadvantaged_workers_at_least_30pct', 3, 10).status).toBe('ok');
    expect(ratioIndicator('disadvantaged_workers_at_least_30pct', 2, 7)).toMatchObject({
      value: '0.2857',
      threshold: '0.3000',
      status: 'alert',
      source: 'L. 381/1991 art. 4',
    });
  });

  it('an empty population breaks no rule', () => {
    expect(ratioIndicator('disadvantaged_workers_at_least_30pct', 0, 0)).toMatchObject({
      value: null,
      status: 'ok',
    });
  });

  it('rounds half up at four decimals', () => {
    expect(ratioString(1, 3)).toBe('0.3333');
    expect(ratioString(2, 3)).toBe('0.6667');
    expect(ratioString(1, 8)).toBe('0.1250');
    expect(ratioString(3, 3)).toBe('1.0000');
  });

  it('computes ratios of sums past 2^53 exactly', () => {
    const whole = 99_999_999_999n * 100_000n;
    expect(ratioString(whole / 5n, whole)).toBe('0.2000');
    expect(ratioIndicator('sol_share_at_most_20pct', whole / 5n, whole).status).toBe('ok');
    expect(ratioIndicator('sol_share_at_most_20pct', whole / 5n + 1n, whole)).toMatchObject({
      value: '0.2000',
      status: 'alert',
    });
  });
});
