import { randomUUID } from 'node:crypto';
import { ApiClient } from '../coop/coop-app';
import { eur } from '../coop/sample-requests';
import {
  ConsortiumUnderTest,
  daysAgo,
  expectStatus,
  startConsortium,
} from '../consortium/consortium-app';
import { METRICS_TOKEN, sampleOf, scrape } from '../observability/scrape';
import { eventually, TestSchemas } from '../support/apps';
import { TestReceiver } from './test-receiver';

// Webhooks of the consortium app, with a real receiver on loopback (allowed explicitly, as
// outside development loopback is refused), retries a few hundred ms apart, and a 1 s timeout
// (so a delivery left in flight by a killed app is leased for 2 s).
jest.setTimeout(120_000);

const PERIOD = '2027';
const SETTINGS = {
  WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1',
  WEBHOOK_RETRY_DELAYS_MS: '300,300,300,300',
  WEBHOOK_TIMEOUT_MS: '1000',
  METRICS_TOKEN,
};

const schemas = new TestSchemas();
const receiver = new TestReceiver();
let consortium: ConsortiumUnderTest;
let board: ApiClient;

interface Delivery {
  deliveryId: string;
  event: string;
  status: string;
  nextAttemptAt: string | null;
  attempts: { attempt: number; statusCode: number | null; error: string | null }[];
}

beforeAll(async () => {
  await receiver.start();
  consortium = await startConsortium(schemas, undefined, SETTINGS);
  board = consortium.board();
  await expectStatus(board('POST', '/budgets', { periodId: PERIOD }));
});

afterAll(async () => {
  await consortium?.app.stop();
  await receiver.stop();
  await schemas.drop();
});

/** Subscribes the receiver's `path` to `events`; the webhook's id (its secret goes to the receiver). */
async function subscribe(path: string, events: string[], answer?: (n: number) => number | 'hang') {
  const { body } = await expectStatus<{ webhookId: string; secret: string }>(
    board('POST', '/webhooks', { url: receiver.endpoint(path, answer), events }),
  );
  receiver.secret(path, body.secret);
  return body.webhookId;
}

async function propose(title: string): Promise<string> {
  const allocationId = randomUUID();
  await expectStatus(
    board('POST', `/budgets/${PERIOD}/allocations`, {
      allocationId,
      title,
      purpose: 'webhook test',
      amount: eur('100.00'),
    }),
  );
  return allocationId;
}

async function deliveries(webhookId: string): Promise<Delivery[]> {
  const { body } = await expectStatus<{ items: Delivery[] }>(
    board('GET', `/webhooks/${webhookId}/deliveries?limit=500`),
    200,
  );
  return body.items;
}

describe('subscribing', () => {
  it('shows the secret once: never in the list, null in a replay of the same Idempotency-Key', async () => {
    const request = { url: receiver.endpoint('/once'), events: ['coop.admitted'] };
    const key = { 'idempotency-key': `webhook-${randomUUID()}` };
    const created = await expectStatus<{ webhookId: string; secret: string }>(
      board('POST', '/webhooks', request, key),
    );
    expect(created.body.secret).toMatch(/^whsec_[A-Za-z0-9+/=]{40,}$/);
    const replayed = await expectStatus(board('POST', '/webhooks', request, key));
    expect(replayed.body).toEqual({ webhookId: created.body.webhookId, secret: null });

    const list = await expectStatus<{ items: unknown[] }>(board('GET', '/webhooks'), 200);
    expect(list.body.items).toContainEqual({
      webhookId: created.body.webhookId,
      url: request.url,
      events: ['coop.admitted'],
      createdAt: expect.any(String),
    });
    expect(JSON.stringify(list.body)).not.toContain(created.body.secret.slice(6));
  });

  it.each<[string, unknown, string, RegExp]>([
    [
      'unknown event names, named',
      { url: 'https://hooks.example.org/', events: ['coop.admitted', 'coop.exploded', 'x'] },
      'events',
      /"coop\.exploded", "x"/,
    ],
    ['no event', { url: 'https://hooks.example.org/', events: [] }, 'events', /empty/],
    [
      'a URL that is not http(s)',
      { url: 'ftp://hooks.example.org/', events: ['coop.admitted'] },
      'url',
      /http\(s\)/,
    ],
    [
      'a private address (loopback alone is allowed here)',
      { url: 'http://10.0.0.8/hook', events: ['coop.admitted'] },
      'url',
      /loopback or private/,
    ],
    ['no URL', { events: ['coop.admitted'] }, 'url', /string/],
  ])('refuses %s: 400 naming the field', async (_, body, field, message) => {
    const response = await board('POST', '/webhooks', body);
    expect(response.status).toBe(400);
    expect(response.headers.get('content-type')).toMatch(/application\/problem\+json/);
    expect(
      (response.body as { errors: { field: string; message: string }[] }).errors,
    ).toContainEqual({
      field,
      message: expect.stringMatching(message),
    });
  });

  it('is the board’s: 403 for an auditor, a coop’s admin, a board-member token not on the board', async () => {
    const request = { url: 'https://hooks.example.org/', events: ['coop.admitted'] };
    for (const caller of [
      consortium.auditor,
      consortium.coopAdmin('velo-solidaire'),
      consortium.notOnTheBoard,
    ]) {
      expect((await caller('POST', '/webhooks', request)).status).toBe(403);
      expect((await caller('GET', '/webhooks')).status).toBe(403);
      expect((await caller('GET', `/webhooks/${randomUUID()}/deliveries`)).status).toBe(403);
      expect((await caller('DELETE', `/webhooks/${randomUUID()}`)).status).toBe(403);
    }
    expect((await consortium.anonymous('GET', '/webhooks')).status).toBe(401);
    expect((await board('GET', `/webhooks/${randomUUID()}/deliveries`)).status).toBe(404);
  });
});

describe('deliveries', () => {
  it('are signed (Standard Webhooks), of events after the subscription only, and stop when it is deleted', async () => {
    const before = await propose('before the webhook');
    const webhookId = await subscribe('/signed', ['allocation.proposed']);
    const after = await propose('after the webhook');
    await eventually(() => {
      expect(receiver.at('/signed').map((r) => r.body.data.allocationId)).toContain(after);
      return Promise.resolve();
    });
    const [delivery] = receiver.at('/signed');
    expect(delivery).toMatchObject({
      verified: true,
      webhookId: expect.stringMatching(/^msg_/),
      body: {
        type: 'allocation.proposed',
        data: {
          periodId: PERIOD,
          allocationId: after,
          amount: { amount: '100.00', currency: 'EUR' },
        },
      },
    });
    expect(receiver.at('/signed').map((r) => r.body.data.allocationId)).not.toContain(before);

    expect((await board('DELETE', `/webhooks/${webhookId}`)).status).toBe(204);
    expect((await board('GET', `/webhooks/${webhookId}/deliveries`)).status).toBe(404);
    const later = await propose('after the deletion');
    const probe = await subscribe('/probe', ['allocation.proposed']);
    const last = await propose('the probe’s');
    // The probe's one delivery is in its log and has reached the receiver (sent after its row).
    await eventually(async () => {
      expect(await deliveries(probe)).toHaveLength(1);
      expect(receiver.at('/probe').map((r) => r.body.data.allocationId)).toEqual([last]);
    });
    expect(receiver.at('/signed').map((r) => r.body.data.allocationId)).not.toContain(later);
  });

  it('are retried: a receiver answering 500 three times then 200 gets the event, the log shows each attempt', async () => {
    const webhookId = await subscribe('/flaky', ['allocation.proposed'], (n) =>
      n <= 3 ? 500 : 200,
    );
    const allocationId = await propose('retried');
    await eventually(async () => {
      expect(await deliveries(webhookId)).toMatchObject([{ status: 'delivered' }]);
    }, 15_000);
    const [delivery] = await deliveries(webhookId);
    expect(delivery).toMatchObject({ event: 'allocation.proposed', nextAttemptAt: null });
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([500, 500, 500, 200]);
    const received = receiver.at('/flaky');
    expect(received.map((r) => r.webhookId)).toEqual(Array(4).fill(delivery.deliveryId));
    expect(received.every((r) => r.verified && r.body.data.allocationId === allocationId)).toBe(
      true,
    );
  });

  it('fail after the last retry, when the receiver never takes them', async () => {
    const webhookId = await subscribe('/down', ['allocation.proposed'], () => 503);
    await propose('never taken');
    await eventually(async () => {
      expect(await deliveries(webhookId)).toMatchObject([
        { status: 'failed', nextAttemptAt: null },
      ]);
    }, 15_000);
    const [delivery] = await deliveries(webhookId);
    // The first attempt and one per configured delay.
    expect(delivery.attempts.map((a) => a.statusCode)).toEqual([503, 503, 503, 503, 503]);
  });
});

describe('funding.deadline_soon', () => {
  async function apply(deadline: string): Promise<string> {
    const { body } = await expectStatus<{ applicationId: string }>(
      board('POST', '/funding-applications', {
        funder: 'Fondazione del Monte',
        call: `Bando ${deadline}`,
        kind: 'grant',
        requested: eur('10000.00'),
        deadline,
      }),
    );
    return body.applicationId;
  }

  it('goes 14 days before the deadline (at once when closer), and not once the funder decided', async () => {
    const webhookId = await subscribe('/funding', ['funding.deadline_soon']);
    const soon = await apply(daysAgo(-5));
    const later = await apply(daysAgo(-60));
    const decided = await apply(daysAgo(-60));
    await expectStatus(
      board('POST', `/funding-applications/${decided}/decision`, {
        outcome: 'refused',
        decidedOn: daysAgo(0),
      }),
    );
    await eventually(async () => {
      expect(receiver.at('/funding').map((r) => r.body.data.applicationId)).toEqual([soon]);
      expect((await deliveries(webhookId)).map((d) => d.status).sort()).toEqual([
        'cancelled',
        'delivered',
        'pending',
      ]);
    });
    const log = await deliveries(webhookId);
    const pending = log.find((d) => d.status === 'pending')!;
    expect(pending.nextAttemptAt).toBe(`${daysAgo(-46)}T00:00:00.000Z`);
    expect(pending.attempts).toEqual([]);
    expect(receiver.at('/funding').map((r) => r.body.data.applicationId)).not.toContain(later);
    // Deleted, its reminder is no longer pending.
    const pendingBefore = sampleOf(await scrape(consortium.app.url), 'webhook_deliveries_pending');
    expect((await board('DELETE', `/webhooks/${webhookId}`)).status).toBe(204);
    expect(sampleOf(await scrape(consortium.app.url), 'webhook_deliveries_pending')).toBe(
      pendingBefore! - 1,
    );
  });
});

describe('a consortium killed while deliveries are pending', () => {
  it('delivers every event at least once after a restart, each webhook-id standing for one event', async () => {
    const webhookId = await subscribe('/kill', ['allocation.proposed'], () => 'hang');
    const proposed: string[] = [];
    for (let i = 0; i < 20; i++) proposed.push(await propose(`kill ${i}`));
    // The receiver holds the first requests without answering: deliveries in flight and pending.
    await eventually(async () => {
      expect(receiver.at('/kill').length).toBeGreaterThan(0);
      expect(
        sampleOf(await scrape(consortium.app.url), 'webhook_deliveries_pending'),
      ).toBeGreaterThan(0);
    });
    await consortium.app.stop('SIGKILL');
    receiver.releaseHeld();
    receiver.answer('/kill', () => 200);

    consortium = await startConsortium(schemas, consortium.readModels, SETTINGS);
    board = consortium.board();
    // Taken: answered 200 (the requests held before the kill were never answered).
    const taken = () => receiver.at('/kill').filter((r) => r.answered === 200);
    await eventually(async () => {
      expect(new Set(taken().map((r) => r.body.data.allocationId))).toEqual(new Set(proposed));
      expect((await deliveries(webhookId)).map((d) => d.status)).toEqual(
        Array(proposed.length).fill('delivered'),
      );
    }, 30_000);

    expect(receiver.at('/kill').every((r) => r.verified)).toBe(true);
    // Deduplicated by webhook-id, one request per event: each id always carries the same event.
    const eventOf = new Map<string, unknown>();
    for (const r of receiver.at('/kill')) {
      expect(eventOf.get(r.webhookId) ?? r.body.data.allocationId).toBe(r.body.data.allocationId);
      eventOf.set(r.webhookId, r.body.data.allocationId);
    }
    expect(eventOf.size).toBe(proposed.length);
    await eventually(async () =>
      expect(sampleOf(await scrape(consortium.app.url), 'webhook_deliveries_pending')).toBe(0),
    );
  });
});
