import { Webhook } from 'standardwebhooks';
import { messageId, WebhookSecrets } from './webhook-secrets';

describe('webhook secrets and ids', () => {
  const secrets = new WebhookSecrets(Buffer.alloc(32, 1));

  it('makes the same secret from a stored salt, another under another key: the salt alone signs nothing', () => {
    const salt = secrets.newSalt();
    expect(secrets.secretOf(salt)).toBe(secrets.secretOf(Buffer.from(salt)));
    expect(new WebhookSecrets(Buffer.alloc(32, 2)).secretOf(salt)).not.toBe(secrets.secretOf(salt));
    expect(secrets.secretOf(secrets.newSalt())).not.toBe(secrets.secretOf(salt));
  });

  it('gives secrets the Standard Webhooks library signs and verifies with', () => {
    const webhook = new Webhook(secrets.secretOf(secrets.newSalt()));
    const at = new Date();
    const body = '{"type":"coop.admitted"}';
    const signature = webhook.sign('msg_1', at, body);
    expect(signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
    expect(() =>
      webhook.verify(body, {
        'webhook-id': 'msg_1',
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': signature,
      }),
    ).not.toThrow();
  });

  it('refuses a weak WEBHOOK_SECRETS_KEY', () => {
    expect(() => WebhookSecrets.fromEnv({ WEBHOOK_SECRETS_KEY: 'changeme' })).toThrow(
      /WEBHOOK_SECRETS_KEY/,
    );
  });

  it('names a delivery by its event, event name and webhook: the same at every retry, apart otherwise', () => {
    const id = messageId('e1', 'coop.admitted', 'w1');
    expect(id).toMatch(/^msg_[A-Za-z0-9_-]{32}$/);
    expect(messageId('e1', 'coop.admitted', 'w1')).toBe(id);
    expect(
      new Set([
        id,
        messageId('e2', 'coop.admitted', 'w1'),
        messageId('e1', 'compliance.alert', 'w1'),
        messageId('e1', 'coop.admitted', 'w2'),
      ]).size,
    ).toBe(4);
  });
});
