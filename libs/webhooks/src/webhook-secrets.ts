import { createHash, createHmac, hkdfSync, randomBytes } from 'node:crypto';
import { resolveAuthSecret, secretWeakness } from '@libs/auth';

const SECRET_PREFIX = 'whsec_';

/**
 * A webhook's signing secret is never stored: the database keeps a random salt per webhook, and the
 * secret is an HMAC of that salt under a key the app holds in memory only (`WEBHOOK_SECRETS_KEY`,
 * else derived from `AUTH_SECRET`). A leaked database, a read replica or a backup gives salts,
 * which sign nothing; the secret is shown once, when the webhook is made, and made again from its
 * salt at each delivery. Changing that key changes every secret: subscribers subscribe again.
 */
export class WebhookSecrets {
  constructor(private readonly key: Buffer) {}

  static fromEnv(env: NodeJS.ProcessEnv = process.env): WebhookSecrets {
    const own = env.WEBHOOK_SECRETS_KEY;
    if (own) {
      const weakness = secretWeakness(own);
      if (weakness) throw new Error(`WEBHOOK_SECRETS_KEY is too weak: ${weakness}`);
    }
    const material = own || resolveAuthSecret(env);
    const deployment = `deployment ${env.COOP_ID ?? 'consortium'}`;
    return new WebhookSecrets(
      Buffer.from(hkdfSync('sha256', material, 'webhook signing secrets', deployment, 32)),
    );
  }

  newSalt(): Buffer {
    return randomBytes(24);
  }

  /** The Standard Webhooks secret (`whsec_` and 32 bytes in base64) of the webhook with this salt. */
  secretOf(salt: Buffer): string {
    return SECRET_PREFIX + createHmac('sha256', this.key).update(salt).digest('base64');
  }
}

/**
 * The `webhook-id` of one event for one webhook: the same at every retry, and when the outbox is
 * rebuilt, so a receiver drops what it already had by this id alone.
 */
export function messageId(eventId: string, eventName: string, webhookId: string): string {
  return `msg_${createHash('sha256').update(`${eventId}/${eventName}/${webhookId}`).digest('base64url').slice(0, 32)}`;
}
