import { randomUUID } from 'node:crypto';
import { mintToken } from '@libs/auth';
import { apiClient, AUTH_SECRET, TestSchemas, tokenFor } from '../support/apps';
import { ApiClient, CoopUnderTest, createdId, startDescribedCoop } from './coop-app';
import { expectInvalidFields, expectProblem, expectRuleViolation } from './problem-assertions';
import { admission, contribution, eur, PROFILE, resource } from './sample-requests';

// Every class of error of the public API's conventions, answered as a problem document by the coop app.
const COOP_ID = 'orto-comune';
const schemas = new TestSchemas();
let coop: CoopUnderTest;
let memberId: string;

beforeAll(async () => {
  coop = await startDescribedCoop(schemas, COOP_ID);
  memberId = createdId(await coop.admin('POST', '/members', admission()), 'memberId');
});

afterAll(async () => {
  await coop?.app.stop();
  await schemas.drop();
});

describe('400: malformed or invalid input, naming every field at fault', () => {
  const member = () => `/members/${memberId}`;
  it.each<[string, string, () => string, unknown, string[]]>([
    ['an empty admission', 'POST', () => '/members', {}, ['category', 'admittedOn', 'shares']],
    [
      'bad nested shares',
      'POST',
      () => '/members',
      admission({ shares: { count: 0, nominalValue: { amount: '12.345', currency: 'EUR' } } }),
      ['shares.count', 'shares.nominalValue.amount'],
    ],
    [
      'a bad id, e-mail and flag',
      'POST',
      () => '/members',
      admission({ memberId: 'member-1', email: 'not-an-email', disadvantaged: 'yes' }),
      ['memberId', 'email', 'disadvantaged'],
    ],
    [
      'a date that does not exist and an unknown field',
      'POST',
      () => '/members',
      admission({ admittedOn: '2025-02-30', shareCount: 3 }),
      ['admittedOn', 'shareCount'],
    ],
    [
      'more shares of no count and no value',
      'POST',
      () => `${member()}/shares`,
      { subscribedOn: '1 April', shares: { count: 1.5, nominalValue: 'EUR 25' } },
      ['subscribedOn', 'shares.count', 'shares.nominalValue'],
    ],
    [
      'a payment as a float in an unknown currency',
      'POST',
      () => `${member()}/payments`,
      { amount: { amount: 10.5, currency: 'USD' } },
      ['paidOn', 'amount.amount', 'amount.currency'],
    ],
    [
      'an unknown category',
      'PUT',
      () => `${member()}/category`,
      { category: 'boss' },
      ['category', 'changedOn'],
    ],
    [
      'an exclusion without a reason',
      'POST',
      () => `${member()}/exclusion`,
      { decidedOn: '2025-06-10', accountsApprovedOn: '2026-13-01' },
      ['reason', 'accountsApprovedOn'],
    ],
    [
      'a contribution of nothing, out of the vocabulary',
      'POST',
      () => '/contributions',
      { kind: 'gift', period: '2025-13', theme: 'space', status: 'promised' },
      ['kind', 'amount', 'period', 'theme', 'status'],
    ],
    [
      'a contribution of both money and time',
      'POST',
      () => '/contributions',
      contribution({ kind: 'volunteering', amount: eur('10.00'), time: { hours: '2' } }),
      ['time'],
    ],
    [
      'hours that are not a decimal string',
      'POST',
      () => '/contributions',
      contribution({ kind: 'volunteering', amount: undefined, time: { hours: '-3' } }),
      ['time.hours'],
    ],
    [
      'a resource of no known kind, no title and no price',
      'POST',
      () => '/resources',
      resource({ kind: 'boat', title: '', terms: { type: 'at_cost' } }),
      ['kind', 'title', 'terms.price'],
    ],
    [
      'a resource on unknown themes, given for hours without saying how many',
      'POST',
      () => '/resources',
      resource({ themes: ['sea'], terms: { type: 'hours' } }),
      ['themes', 'terms.hours'],
    ],
    [
      'a profile of an unknown legal form, no theme, a numeric territory',
      'PUT',
      () => '/coop',
      { ...PROFILE, legalForm: 'ltd', themes: [], territory: 5 },
      ['legalForm', 'themes', 'territory'],
    ],
  ])('%s', async (_case, method, path, body, fields) => {
    expectInvalidFields(await coop.admin(method, path(), body), fields);
  });

  it.each([
    ['/contributions?period=2025-1', ['period']],
    ['/members?limit=0&status=gone', ['limit', 'status']],
    ['/resources?limit=501', ['limit']],
  ])('query %s', async (path, fields) => {
    expectInvalidFields(await coop.auditor('GET', path), fields);
  });

  it('a body that is not JSON', async () => {
    const res = await coop.admin('POST', '/members', '{"category": "worker", ');
    expectProblem(res, 400, { detail: expect.stringMatching(/JSON/) });
  });

  it('an id in the path that is not a uuid', async () => {
    expectProblem(await coop.auditor('GET', '/members/42'), 400);
  });

  it('an If-Match that is no ETag of this API', async () => {
    const res = await coop.admin(
      'PUT',
      `/members/${memberId}/category`,
      { category: 'worker', changedOn: '2025-06-01' },
      { 'if-match': 'yesterday' },
    );
    expectProblem(res, 400, { detail: expect.stringMatching(/If-Match/) });
  });

  it('records nothing when the input is refused', async () => {
    const chosen = randomUUID();
    await coop.admin('POST', '/members', admission({ memberId: chosen, shares: { count: 0 } }));
    expectProblem(await coop.auditor('GET', `/members/${chosen}`), 404);
  });
});

describe('401: no token, or a bad one', () => {
  const expired = mintToken(
    AUTH_SECRET,
    { sub: 'anna', role: 'coop-admin', coopId: COOP_ID },
    60,
    Date.now() - 3600_000,
  );
  const forged = mintToken('another-secret-of-enough-length', {
    sub: 'anna',
    role: 'coop-admin',
    coopId: COOP_ID,
  });
  const cases: [string, () => ApiClient][] = [
    ['no token', () => coop.anonymous],
    ['a bad signature', () => apiClient(coop.app.url, forged)],
    ['an expired token', () => apiClient(coop.app.url, expired)],
    ['not a JWT', () => apiClient(coop.app.url, 'let-me-in')],
  ];

  it.each(cases)('%s', async (_case, client) => {
    expectProblem(await client()('GET', '/members'), 401);
    expectProblem(await client()('POST', '/members', admission()), 401);
  });
});

describe('403: a valid token that may not do this', () => {
  it('a token for another coop', async () => {
    const other = apiClient(
      coop.app.url,
      tokenFor({ sub: 'eve', role: 'coop-admin', coopId: 'velo-solidaire' }),
    );
    expectProblem(await other('GET', '/coop'), 403);
    expectProblem(await other('POST', '/members', admission()), 403);
  });

  it('an auditor trying to write', async () => {
    expectProblem(await coop.auditor('POST', '/members', admission()), 403);
    expectProblem(await coop.auditor('PUT', '/coop', PROFILE), 403);
    expectProblem(await coop.auditor('DELETE', `/members/${memberId}/personal-data`), 403);
    expectProblem(await coop.auditor('POST', '/contributions', contribution()), 403);
  });

  it('a board member (the board acts through the consortium app)', async () => {
    const board = apiClient(coop.app.url, tokenFor({ sub: 'bea', role: 'board-member' }));
    expectProblem(await board('GET', '/members'), 403);
    expectProblem(await board('POST', '/resources', resource()), 403);
  });
});

describe('404, 409, 412 and 422', () => {
  it('404: an unknown member id', async () => {
    const unknown = randomUUID();
    expectProblem(await coop.auditor('GET', `/members/${unknown}`), 404);
    expectProblem(
      await coop.admin('POST', `/members/${unknown}/payments`, {
        paidOn: '2025-02-01',
        amount: eur('10.00'),
      }),
      404,
    );
    expectProblem(await coop.admin('DELETE', `/members/${unknown}/personal-data`), 404);
    expectProblem(await coop.admin('POST', `/contributions/${unknown}/payment`, {}), 404);
    expectProblem(await coop.admin('DELETE', `/resources/${unknown}`), 404);
  });

  it('409: a member id already admitted; a member who has withdrawn', async () => {
    const id = randomUUID();
    createdId(await coop.admin('POST', '/members', admission({ memberId: id })), 'memberId');
    expectProblem(await coop.admin('POST', '/members', admission({ memberId: id })), 409);

    await coop.admin('POST', `/members/${id}/withdrawal`, { requestedOn: '2025-03-01' });
    expectProblem(
      await coop.admin('POST', `/members/${id}/payments`, {
        paidOn: '2025-04-01',
        amount: eur('1.00'),
      }),
      409,
    );
  });

  it('412: a change with the version of a stale read', async () => {
    const read = await coop.auditor('GET', `/members/${memberId}`);
    const seen = read.headers.get('etag')!;
    const first = await coop.admin(
      'POST',
      `/members/${memberId}/payments`,
      { paidOn: '2025-02-01', amount: eur('10.00') },
      { 'if-match': seen },
    );
    expect(first.status).toBe(201);

    const stale = await coop.admin(
      'PUT',
      `/members/${memberId}/category`,
      { category: 'supporter', changedOn: '2025-06-01' },
      { 'if-match': seen },
    );

    expectProblem(stale, 412);
    expect((await coop.auditor('GET', `/members/${memberId}`)).body).toMatchObject({
      category: 'worker',
    });
  });

  it('422: a domain rule refuses it, and the body names the rule', async () => {
    expectRuleViolation(
      await coop.admin(
        'POST',
        '/members',
        admission({ shares: { count: 1, nominalValue: eur('10.00') } }),
      ),
      'share_value_minimum',
    );
  });
});
