import { CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { expectProblem } from '../coop/problem-assertions';
import { eur, PROFILE } from '../coop/sample-requests';
import {
  ConsortiumUnderTest,
  CURRENT_YEAR,
  daysAgo,
  expectStatus,
  startConsortium,
} from '../consortium/consortium-app';
import { applyToConsortium, startCoops, VELO } from '../consortium/member-coops';
import { eventually, TestSchemas } from '../support/apps';

// Issue 17: the federation flows both ways. A member coop's own app follows what the board
// decides about it (admission, allocations and their payments, settlement); its admin reads the
// consortium's figures while the coop is a member, and proposes uses of the pooled money.
jest.setTimeout(120_000);

const schemas = new TestSchemas();
const APPLICANT = { coopId: 'casa-comune', profile: { ...PROFILE, name: 'Casa Comune' } };
const PERIOD = CURRENT_YEAR;
const QUARTER = `${CURRENT_YEAR}-Q${Math.ceil(Number(daysAgo(0).slice(5, 7)) / 3)}`;
let consortium: ConsortiumUnderTest;
let velo: CoopUnderTest;
let applicant: CoopUnderTest;
let allocationId: string;

interface ConsortiumView {
  status: string;
  admittedOn: string | null;
  allocations: Record<string, unknown>[];
  settlement: Record<string, unknown> | null;
}

beforeAll(async () => {
  [consortium, [velo], applicant] = await Promise.all([
    startConsortium(schemas),
    startCoops(schemas, VELO),
    startCoop(schemas, APPLICANT.coopId),
  ]);
  await applyToConsortium(velo, VELO);
  expect((await applicant.admin('PUT', '/coop', APPLICANT.profile)).status).toBe(200);
  expect((await applicant.admin('POST', '/consortium/application')).status).toBe(201);
});

afterAll(async () => {
  await Promise.all([consortium?.app.stop(), velo?.app.stop(), applicant?.app.stop()]);
  await schemas.drop();
});

const board = () => consortium.board();
const coopStatus = async (coop: CoopUnderTest) =>
  (await coop.admin<{ consortiumStatus: string }>('GET', '/coop')).body.consortiumStatus;
const decisions = async (coop: CoopUnderTest) =>
  (await coop.admin<ConsortiumView>('GET', '/consortium')).body;

describe('a member coop’s app follows the board’s decisions about it', () => {
  it('shows the admission within 5 s of the board’s decision', async () => {
    expect(await coopStatus(velo)).toBe('applicant');
    expect(await decisions(velo)).toEqual({
      status: 'applicant',
      admittedOn: null,
      allocations: [],
      settlement: null,
    });
    await expectStatus(
      board()('POST', `/coops/${VELO.coopId}/admission`, { admittedOn: daysAgo(1) }),
    );
    await eventually(async () => expect(await coopStatus(velo)).toBe('admitted'), 5_000);
    expect(await decisions(velo)).toMatchObject({ status: 'admitted', admittedOn: daysAgo(1) });
    // The applicant's app heard nothing about another coop.
    expect(await coopStatus(applicant)).toBe('applicant');
  });

  it('shows an allocation to it, approved and partly paid', async () => {
    await expectStatus(board()('POST', '/budgets', { periodId: PERIOD }));
    await expectStatus(
      board()('POST', '/income', {
        kind: 'donation',
        amount: eur('2000.00'),
        receivedOn: daysAgo(0),
        funder: 'A neighbour',
      }),
    );
    allocationId = createdId(
      await board()('POST', `/budgets/${PERIOD}/allocations`, {
        title: 'Cargo bike workshop',
        purpose: 'tools for the repair workshop',
        beneficiaryCoopId: VELO.coopId,
        amount: eur('1200.00'),
      }),
      'allocationId',
    );
    // Approved once the read models have the donation: the cash to approve against.
    await eventually(async () => {
      await expectStatus(
        consortium.board('board-1')('POST', `/allocations/${allocationId}/votes`, { vote: 'for' }),
      );
    });
    const decided = await consortium.board('board-2')(
      'POST',
      `/allocations/${allocationId}/votes`,
      { vote: 'for' },
    );
    expect(decided.body).toMatchObject({ status: 'approved' });
    await expectStatus(
      board()('POST', `/allocations/${allocationId}/disbursements`, {
        amount: eur('450.25'),
        paidOn: daysAgo(0),
        payee: { name: 'Officina Utensili srl' },
        reference: 'INV-1',
      }),
    );

    await eventually(async () =>
      expect((await decisions(velo)).allocations).toEqual([
        {
          allocationId,
          periodId: PERIOD,
          title: 'Cargo bike workshop',
          amount: eur('1200.00'),
          status: 'approved',
          disbursed: eur('450.25'),
        },
      ]),
    );
    expect((await decisions(applicant)).allocations).toEqual([]);
  });
});

describe('what a coop admin reads of the consortium', () => {
  const reads = [
    '/pooled-means',
    '/budgets',
    `/budgets/${PERIOD}`,
    '/compliance',
    `/reports/${QUARTER}`,
  ];

  it('gives the admin of an admitted coop the consortium’s figures and its own entry', async () => {
    const admin = consortium.coopAdmin(VELO.coopId);
    for (const path of [...reads, `/coops/${VELO.coopId}`]) {
      expect({ path, status: (await admin('GET', path)).status }).toEqual({ path, status: 200 });
    }
    expectProblem(await admin('GET', `/coops/${APPLICANT.coopId}`), 403, {
      rule: 'own_coop_only',
    });
  });

  it('refuses them to the admin of an applicant', async () => {
    const admin = consortium.coopAdmin(APPLICANT.coopId);
    for (const path of [...reads, `/coops/${APPLICANT.coopId}`]) {
      expectProblem(await admin('GET', path), 403, {
        rule: 'member_coop_admin',
        detail: expect.stringContaining('applicant'),
      });
    }
  });
});

describe('a member coop proposes a use of the pooled money', () => {
  it('records the proposal as the coop’s; only the board votes on it', async () => {
    const proposal = {
      title: 'Shared van',
      purpose: 'deliveries for the member coops',
      amount: eur('300.00'),
    };
    const proposed = createdId(
      await consortium.coopAdmin(VELO.coopId)('POST', `/budgets/${PERIOD}/allocations`, proposal),
      'allocationId',
    );
    const budget = await board()<{ allocations: Record<string, unknown>[] }>(
      'GET',
      `/budgets/${PERIOD}`,
    );
    expect(budget.body.allocations).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ allocationId, proposedBy: null }),
        expect.objectContaining({
          allocationId: proposed,
          status: 'proposed',
          proposedBy: { coopId: VELO.coopId },
        }),
      ]),
    );
    expectProblem(
      await consortium.coopAdmin(VELO.coopId)('POST', `/allocations/${proposed}/votes`, {
        vote: 'for',
      }),
      403,
    );
    expectProblem(
      await consortium.coopAdmin(APPLICANT.coopId)(
        'POST',
        `/budgets/${PERIOD}/allocations`,
        proposal,
      ),
      403,
      { rule: 'member_coop_admin' },
    );
  });
});

describe('a member coop leaving', () => {
  it('shows withdrawing from its notice, then withdrawn with its settlement', async () => {
    await expectStatus(velo.admin('POST', '/consortium/withdrawal', { reason: 'merging' }));
    expect(await coopStatus(velo)).toBe('withdrawing');
    const settled = await expectStatus(
      board()('POST', `/coops/${VELO.coopId}/withdrawal/settlement`, {
        capitalOwed: eur('250.00'),
        settledOn: daysAgo(0),
      }),
    );
    await eventually(async () => expect(await coopStatus(velo)).toBe('withdrawn'), 5_000);
    const { settlement, status } = await decisions(velo);
    expect(status).toBe('withdrawn');
    expect(settlement).toEqual({
      settledOn: daysAgo(0),
      capitalOwed: eur('250.00'),
      lossDeducted: eur('0.00'),
      dueOn: (settled.body as { dueOn: string }).dueOn,
      leavesOn: (settled.body as { leavesOn: string }).leavesOn,
    });
    // Gone: the consortium's figures are for members' admins.
    expectProblem(await consortium.coopAdmin(VELO.coopId)('GET', '/pooled-means'), 403, {
      rule: 'member_coop_admin',
      detail: expect.stringContaining('left'),
    });
  });
});
