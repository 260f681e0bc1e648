/** A metrics token strong enough for `MetricsAccess` (32 bytes, no pattern). */
export const METRICS_TOKEN = 'scrape-7Hq2vLx9Pz4Kc1Wm8Rt5Yb3Nd6Gf0Js';

/** `GET /metrics` as a Prometheus scrape job with the token does it: the exposition text. */
export async function scrape(baseUrl: string, token = METRICS_TOKEN): Promise<string> {
  const response = await fetch(`${baseUrl}/metrics`, {
    headers: { authorization: `Bearer ${token}` },
  });
  if (response.status !== 200) throw new Error(`/metrics answered ${response.status}`);
  return response.text();
}

/**
 * The value of the series `name{labels…}` in an exposition text (the labels given must all match;
 * others may be there too), or undefined when there is no such series.
 */
export function sampleOf(
  text: string,
  name: string,
  labels: Record<string, string> = {},
): number | undefined {
  for (const line of text.split('\n')) {
    const match = /^([a-zA-Z_:][\w:]*)(?:\{(.*)\})? (\S+)$/.exec(line);
    if (!match || match[1] !== name) continue;
    const found = Object.fromEntries(
      [...(match[2] ?? '').matchAll(/(\w+)="((?:[^"\\]|\\.)*)"/g)].map((m) => [m[1], m[2]]),
    );
    if (Object.entries(labels).every(([key, value]) => found[key] === value)) {
      return Number(match[3]);
    }
  }
  return undefined;
}
