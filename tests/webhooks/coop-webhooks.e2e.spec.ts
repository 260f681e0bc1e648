import { randomUUID } from 'node:crypto';
import { apiClient } from '../support/apps';
import { coopAdminToken, CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { contribution } from '../coop/sample-requests';
import { ConsortiumUnderTest, expectStatus, startConsortium } from '../consortium/consortium-app';
import { applyToConsortium, VELO } from '../consortium/member-coops';
import { eventually, TestSchemas } from '../support/apps';
import { TestReceiver } from './test-receiver';

// A coop app's webhooks: its admin is told of the board's decision about the coop (an event of
// the consortium's, in the shared store) and of its own cancelled pledges, signed.
jest.setTimeout(120_000);

const SETTINGS = { WEBHOOKS_ALLOWED_HOSTS: '127.0.0.1', WEBHOOK_RETRY_DELAYS_MS: '300,300' };

const schemas = new TestSchemas();
const receiver = new TestReceiver();
let coop: CoopUnderTest;
let consortium: ConsortiumUnderTest;

beforeAll(async () => {
  await receiver.start();
  [coop, consortium] = await Promise.all([
    startCoop(schemas, VELO.coopId, SETTINGS),
    startConsortium(schemas),
  ]);
});

afterAll(async () => {
  await Promise.all([coop?.app.stop(), consortium?.app.stop()]);
  await receiver.stop();
  await schemas.drop();
});

it('tells the coop’s admin, signed, that the board admitted the coop and that a pledge was cancelled', async () => {
  const { body } = await expectStatus<{ webhookId: string; secret: string }>(
    coop.admin('POST', '/webhooks', {
      url: receiver.endpoint('/velo'),
      events: ['coop.admitted', 'pledge.cancelled'],
    }),
  );
  receiver.secret('/velo', body.secret);

  await applyToConsortium(coop, VELO);
  await expectStatus(consortium.board()('POST', `/coops/${VELO.coopId}/admission`, {}));
  const pledge = createdId(
    await coop.admin('POST', '/contributions', contribution({ status: 'pledged' })),
    'contributionId',
  );
  await expectStatus(
    coop.admin('POST', `/contributions/${pledge}/cancellation`, { reason: 'grant refused' }),
  );

  await eventually(() => {
    expect(
      receiver
        .at('/velo')
        .map((r) => r.body.type)
        .sort(),
    ).toEqual(['coop.admitted', 'pledge.cancelled']);
    return Promise.resolve();
  }, 15_000);
  expect(receiver.at('/velo').every((r) => r.verified)).toBe(true);
  expect(receiver.at('/velo').map((r) => r.body.data)).toEqual(
    expect.arrayContaining([
      expect.objectContaining({ coopId: VELO.coopId, admittedOn: expect.any(String) }),
      { coopId: VELO.coopId, contributionId: pledge, cancelledOn: expect.any(String) },
    ]),
  );
  const log = async () =>
    (
      await expectStatus<{ items: { status: string; attempts: unknown[] }[] }>(
        coop.admin('GET', `/webhooks/${body.webhookId}/deliveries`),
        200,
      )
    ).body.items;
  // Recorded once the receiver's answer is in.
  await eventually(async () =>
    expect((await log()).map((d) => [d.status, d.attempts])).toEqual([
      ['delivered', [expect.objectContaining({ statusCode: 200, error: null })]],
      ['delivered', [expect.objectContaining({ statusCode: 200, error: null })]],
    ]),
  );
});

it('is the coop admin’s: 403 for its auditor and for another coop’s admin', async () => {
  const request = { url: 'https://hooks.example.org/', events: ['coop.admitted'] };
  const otherAdmin = apiClient(coop.app.url, coopAdminToken('habitat-partage'));
  for (const caller of [coop.auditor, otherAdmin]) {
    expect((await caller('POST', '/webhooks', request)).status).toBe(403);
    expect((await caller('GET', '/webhooks')).status).toBe(403);
    expect((await caller('GET', `/webhooks/${randomUUID()}/deliveries`)).status).toBe(403);
    expect((await caller('DELETE', `/webhooks/${randomUUID()}`)).status).toBe(403);
  }
  const unknown = await coop.admin('POST', '/webhooks', { ...request, events: ['coop.merged'] });
  expect(unknown.status).toBe(400);
  expect((unknown.body as { errors: unknown[] }).errors).toEqual([
    { field: 'events', message: expect.stringContaining('unknown names: "coop.merged"') },
  ]);
});
