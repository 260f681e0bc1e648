import { createHash, timingSafeEqual } from 'node:crypto';
import { secretWeakness } from '@libs/auth';

/**
 * Who may read `/metrics`: whoever presents `Authorization: Bearer <METRICS_TOKEN>` (a Prometheus
 * scrape job's `authorization.credentials_file`). The figures name no person, but they tell how
 * busy each route and coop is and how far the views trail: not for anonymous callers on the
 * internet, and no user role fits a scraper. Without `METRICS_TOKEN` the route answers 404.
 */
export class MetricsAccess {
  private readonly digest: Buffer | undefined;

  constructor(token: string | undefined) {
    if (token) {
      const weakness = secretWeakness(token);
      if (weakness) throw new Error(`METRICS_TOKEN is too weak: ${weakness}`);
      this.digest = sha256(token);
    }
  }

  static fromEnv(env: NodeJS.ProcessEnv = process.env): MetricsAccess {
    return new MetricsAccess(env.METRICS_TOKEN || undefined);
  }

  get enabled(): boolean {
    return this.digest !== undefined;
  }

  /** In constant time: the digests have one length whatever was sent. */
  allows(authorization: string | undefined): boolean {
    if (!this.digest || !authorization) return false;
    const match = /^Bearer (.+)$/i.exec(authorization);
    return match !== null && timingSafeEqual(sha256(match[1].trim()), this.digest);
  }
}

function sha256(text: string): Buffer {
  return createHash('sha256').update(text, 'utf8').digest();
}
