import { MetricsAccess } from './metrics-access';

describe('who may read /metrics', () => {
  const token = 'scrape-7Hq2vLx9Pz4Kc1Wm8Rt5Yb3Nd6Gf0Js';

  it('is nobody without METRICS_TOKEN', () => {
    const access = MetricsAccess.fromEnv({});
    expect(access.enabled).toBe(false);
    expect(access.allows(`Bearer ${token}`)).toBe(false);
  });

  it('is whoever presents METRICS_TOKEN as a bearer token, and no one else', () => {
    const access = MetricsAccess.fromEnv({ METRICS_TOKEN: token });
    expect(access.allows(`Bearer ${token}`)).toBe(true);
    expect(access.allows(`bearer ${token}`)).toBe(true);
    expect(access.allows(undefined)).toBe(false);
    expect(access.allows(token)).toBe(false);
    expect(access.allows(`Bearer ${token.slice(0, -1)}`)).toBe(false);
    expect(access.allows(`Basic ${Buffer.from(`x:${token}`).toString('base64')}`)).toBe(false);
  });

  it('refuses to start with a token that could be guessed', () => {
    expect(() => MetricsAccess.fromEnv({ METRICS_TOKEN: 'metrics' })).toThrow(
      /METRICS_TOKEN is too weak: it has 7 bytes/,
    );
    expect(() => MetricsAccess.fromEnv({ METRICS_TOKEN: 'changeme'.repeat(5) })).toThrow(
      /METRICS_TOKEN is too weak/,
    );
  });
});
