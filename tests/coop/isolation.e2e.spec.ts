import { randomUUID } from 'node:crypto';
import { apiClient, eventually, TestSchemas } from '../support/apps';
import {
  CoopUnderTest,
  coopAdminToken,
  coopAuditorToken,
  createdId,
  queryEvents,
  startCoop,
  streamLength,
} from './coop-app';
import { expectProblem } from './problem-assertions';
import { admission, contribution, eur, PROFILE, resource } from './sample-requests';

// Two coops' apps as separate processes on ONE event store (as deployed), each with its own read
// models: neither reads nor writes the other's data (the architecture, invariant 2).
const schemas = new TestSchemas();
let a: CoopUnderTest;
let b: CoopUnderTest;

interface Holdings {
  memberId: string;
  contributionId: string;
  resourceId: string;
}
let ofA: Holdings;
let ofB: Holdings;

async function furnish(coop: CoopUnderTest, name: string): Promise<Holdings> {
  expect((await coop.admin('PUT', '/coop', { ...PROFILE, name })).status).toBe(200);
  const member = await coop.admin('POST', '/members', admission({ displayName: name }));
  const given = await coop.admin('POST', '/contributions', contribution({ status: 'pledged' }));
  const shared = await coop.admin('POST', '/resources', resource({ title: `${name}'s bike` }));
  return {
    memberId: createdId(member, 'memberId'),
    contributionId: createdId(given, 'contributionId'),
    resourceId: createdId(shared, 'resourceId'),
  };
}

beforeAll(async () => {
  [a, b] = await Promise.all([
    startCoop(schemas, 'velo-solidaire'),
    startCoop(schemas, 'orto-comune'),
  ]);
  ofA = await furnish(a, 'Velo Solidaire');
  ofB = await furnish(b, 'Orto Comune');
});

afterAll(async () => {
  await Promise.all([a?.app.stop(), b?.app.stop()]);
  await schemas.drop();
});

/** Every route of the coop app, aimed at coop B's own data. */
function everyRoute(): [string, string, unknown?][] {
  const member = `/members/${ofB.memberId}`;
  return [
    ['GET', '/coop'],
    ['PUT', '/coop', PROFILE],
    ['POST', '/consortium/application'],
    ['POST', '/consortium/withdrawal', {}],
    ['POST', '/members', admission()],
    ['GET', '/members'],
    ['GET', member],
    [
      'POST',
      `${member}/shares`,
      { subscribedOn: '2025-04-01', shares: { count: 1, nominalValue: eur('50.00') } },
    ],
    ['POST', `${member}/payments`, { paidOn: '2025-04-01', amount: eur('10.00') }],
    ['PUT', `${member}/category`, { category: 'supporter', changedOn: '2025-04-01' }],
    ['POST', `${member}/withdrawal`, { requestedOn: '2025-04-01' }],
    ['POST', `${member}/exclusion`, { decidedOn: '2025-04-01', reason: 'taken over' }],
    ['DELETE', `${member}/personal-data`],
    ['GET', '/membership/summary'],
    ['POST', '/resources', resource()],
    ['GET', '/resources'],
    ['DELETE', `/resources/${ofB.resourceId}`],
    ['POST', '/contributions', contribution()],
    ['GET', '/contributions?period=2025-03'],
    ['POST', `/contributions/${ofB.contributionId}/payment`, {}],
  ];
}

async function eventsOfCoop(coopId: string): Promise<number> {
  const [row] = await queryEvents<{ n: number }>(
    schemas,
    (events) => `SELECT count(*)::int AS n FROM ${events} WHERE coop_id = $1`,
    [coopId],
  );
  return row.n;
}

describe('one coop’s tokens on another coop’s app', () => {
  it.each([
    ['admin', () => coopAdminToken(a.coopId)],
    ['auditor', () => coopAuditorToken(a.coopId)],
  ])('coop A’s %s is refused 403 on every route of coop B’s app', async (_role, token) => {
    const intruder = apiClient(b.app.url, token());
    const before = await eventsOfCoop(b.coopId);

    for (const [method, path, body] of everyRoute()) {
      const res = await intruder(method, path, body);
      expectProblem(res, 403);
      expect(JSON.stringify(res.body)).not.toMatch(/Orto Comune/);
    }

    expect(await eventsOfCoop(b.coopId)).toBe(before);
  });
});

describe('each coop’s app sees only its own coop', () => {
  const items = async (coop: CoopUnderTest, path: string, field: string, expected: string) =>
    eventually(async () => {
      const res = await coop.auditor('GET', path);
      const listed = (res.body as { items: Record<string, string>[] }).items.map((i) => i[field]);
      expect(listed).toContain(expected);
      return listed;
    });

  it('coop B’s lists never show coop A’s members, contributions or resources', async () => {
    expect(await items(b, '/members', 'memberId', ofB.memberId)).toEqual([ofB.memberId]);
    expect(await items(b, '/contributions', 'contributionId', ofB.contributionId)).toEqual([
      ofB.contributionId,
    ]);
    expect(await items(b, '/resources', 'resourceId', ofB.resourceId)).toEqual([ofB.resourceId]);
    expect(await items(a, '/members', 'memberId', ofA.memberId)).toEqual([ofA.memberId]);
    expect((await b.auditor('GET', '/membership/summary')).body).toMatchObject({
      members: { total: 1 },
    });
    expect((await b.auditor('GET', '/coop')).body).toMatchObject({
      id: 'orto-comune',
      name: 'Orto Comune',
    });
  });

  it('coop A’s ids lead nowhere through coop B’s app, and A’s data stays as it was', async () => {
    const lengthOfA = await streamLength(schemas, `coop/${a.coopId}/member/${ofA.memberId}`);

    expectProblem(await b.admin('GET', `/members/${ofA.memberId}`), 404);
    expectProblem(
      await b.admin('POST', `/members/${ofA.memberId}/payments`, {
        paidOn: '2025-04-01',
        amount: eur('10.00'),
      }),
      404,
    );
    expectProblem(await b.admin('DELETE', `/members/${ofA.memberId}/personal-data`), 404);
    expectProblem(await b.admin('POST', `/contributions/${ofA.contributionId}/payment`, {}), 404);
    expectProblem(await b.admin('DELETE', `/resources/${ofA.resourceId}`), 404);

    expect(await streamLength(schemas, `coop/${a.coopId}/member/${ofA.memberId}`)).toBe(lengthOfA);
    expect((await a.auditor('GET', `/members/${ofA.memberId}`)).body).toMatchObject({
      displayName: 'Velo Solidaire',
      version: lengthOfA,
    });
    expect((await a.auditor('GET', '/resources')).body).toMatchObject({
      items: [{ resourceId: ofA.resourceId }],
    });
  });

  it('the same member id chosen in coop B makes a member of B, not a change to A’s', async () => {
    const shared = randomUUID();
    createdId(await a.admin('POST', '/members', admission({ memberId: shared })), 'memberId');

    const inB = await b.admin(
      'POST',
      '/members',
      admission({
        memberId: shared,
        category: 'volunteer',
        shares: { count: 1, nominalValue: eur('25.00') },
      }),
    );

    expect(inB.status).toBe(201);
    expect((await a.auditor('GET', `/members/${shared}`)).body).toMatchObject({
      category: 'worker',
    });
    expect((await b.auditor('GET', `/members/${shared}`)).body).toMatchObject({
      category: 'volunteer',
    });
  });
});

describe('the shared events table', () => {
  it('holds each coop’s streams only under its own coop/<id>/ prefix', async () => {
    const rows = await queryEvents<{
      stream_id: string;
      coop_id: string;
      actor: string;
    }>(
      schemas,
      (events) =>
        `SELECT stream_id, coop_id, metadata->>'actor' AS actor
         FROM ${events} ORDER BY global_position`,
    );

    expect(new Set(rows.map((row) => row.coop_id))).toEqual(new Set([a.coopId, b.coopId]));
    for (const row of rows) {
      expect(row.stream_id.startsWith(`coop/${row.coop_id}/`)).toBe(true);
      // Each app wrote with its own admin's token, only under its own coop.
      expect(row.actor).toBe(`admin-of-${row.coop_id}`);
    }
    for (const [coop, held] of [
      [a, ofA],
      [b, ofB],
    ] as const) {
      for (const [aggregate, id] of [
        ['member', held.memberId],
        ['contribution', held.contributionId],
        ['resource', held.resourceId],
      ]) {
        const streams = rows.filter((row) => row.stream_id.endsWith(`/${aggregate}/${id}`));
        expect(streams.map((row) => row.coop_id)).toEqual([coop.coopId]);
      }
    }
  });
});
