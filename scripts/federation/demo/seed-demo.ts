import { CURRENCIES, Currency, parseHundredths, pillarOf } from '@libs/contracts';
import { CoopSpec } from '../federation-config';
import { DemoApi, demoId, ruleOf, SeedRefused, until } from './demo-api';
import { DemoCoop, DemoHistory, demoHistory, DemoMember } from './demo-history';

/** The running federation as the seed drives it: each coop's API with its admin's token, the board's. */
export interface SeedTarget {
  coops: { spec: CoopSpec; api: DemoApi }[];
  /** One client per board member, in `BOARD_MEMBERS` order. */
  board: DemoApi[];
}

interface CoopProfile {
  name: string | null;
  legalForm: string | null;
  themes: string[];
  territory: string | null;
  consortiumStatus: 'none' | 'applicant' | 'admitted' | 'withdrawing' | 'withdrawn';
}

interface BudgetView {
  income: { unit: string; paid: string }[];
}

/**
 * Seeds the demo history through the apps' HTTP APIs, as the coops' admins and the board would:
 * profiles, applications, admissions (with the board's override where the 70% rule asks for one),
 * members and their capital, resources, contributions, then this year's budget with proposals and
 * votes. Every record has a stable id and Idempotency-Key, so a seed interrupted halfway simply
 * runs again on the next start. The last member of the last demo coop is recorded last: once it
 * is there, the seed is complete and later starts skip it. Returns whether it seeded now.
 */
export async function seedDemoHistory(
  target: SeedTarget,
  today = new Date().toISOString().slice(0, 10),
): Promise<boolean> {
  const history = demoHistory(today);
  const planned = target.coops.filter(({ spec }) => history.coops[spec.id]);
  const last = planned.at(-1);
  const mark = last && { ...last, member: history.coops[last.spec.id].members.at(-1)! };
  if (mark && (await memberRecorded(mark.api, mark.spec.id, mark.member))) return false;

  for (const coop of target.coops) await describeAndApply(coop.api, coop.spec);
  for (const coop of target.coops) {
    await admit(target.board[0], coop.spec, history.coops[coop.spec.id]?.admissionOverride);
  }
  await Promise.all(
    planned.map(({ spec, api }) =>
      recordCoopHistory(api, spec.id, history.coops[spec.id], mark?.member),
    ),
  );
  await budget(target, history, planned);
  if (mark) {
    await admitMember(mark.api, mark.spec.id, mark.member);
    await until(`${mark.member.key} in ${mark.spec.id}'s members`, () =>
      memberRecorded(mark.api, mark.spec.id, mark.member),
    );
  }
  return true;
}

async function describeAndApply(api: DemoApi, spec: CoopSpec): Promise<void> {
  const { body: profile } = await api.get<CoopProfile>('/coop');
  const wanted = {
    name: spec.name,
    legalForm: spec.legalForm,
    themes: spec.themes,
    territory: spec.territory,
  };
  const same =
    profile.name === wanted.name &&
    profile.legalForm === wanted.legalForm &&
    profile.territory === wanted.territory &&
    profile.themes.join() === wanted.themes.join();
  if (!same) await api.record('PUT', '/coop', wanted);
  if (profile.consortiumStatus === 'none') {
    await api.record('POST', '/consortium/application', {}, `demo:${spec.id}:application`, [409]);
  }
}

/** The board admits the coop; a non-social coop that breaks the 70% rule needs its override. */
async function admit(board: DemoApi, spec: CoopSpec, overrideReason?: string): Promise<void> {
  const path = `/coops/${spec.id}/admission`;
  // 409: admitted already.
  const answer = await board.record('POST', path, {}, `demo:${spec.id}:admission`, [409, 422]);
  if (answer.status !== 422 || ruleOf(answer) === 'idempotency_key_reused') return;
  if (ruleOf(answer) !== 'social_coops_at_least_70pct') {
    throw new SeedRefused('POST', `${board.baseUrl}${path}`, answer);
  }
  const reason =
    overrideReason ??
    `${spec.name} (${spec.description}) is admitted by decision of the board despite the composition rule.`;
  await board.record(
    'POST',
    path,
    { override: { reason } },
    `demo:${spec.id}:admission-override`,
    [409],
  );
}

async function recordCoopHistory(
  api: DemoApi,
  coopId: string,
  coop: DemoCoop,
  heldBack?: DemoMember,
): Promise<void> {
  for (const member of coop.members) {
    if (member !== heldBack) await admitMember(api, coopId, member);
  }
  for (const resource of coop.resources) {
    const { key, ...shared } = resource;
    await api.record(
      'POST',
      '/resources',
      { resourceId: demoId(coopId, 'resource', key), ...shared },
      `demo:${coopId}:resource:${key}`,
      [409],
    );
  }
  for (const contribution of coop.contributions) {
    const { key, hours, paidLater, ...recorded } = contribution;
    const contributionId = demoId(coopId, 'contribution', key);
    await api.record(
      'POST',
      '/contributions',
      { contributionId, ...recorded, ...(hours ? { time: { hours } } : {}) },
      `demo:${coopId}:contribution:${key}`,
      [409],
    );
    if (paidLater) {
      // 409: paid already.
      await api.record(
        'POST',
        `/contributions/${contributionId}/payment`,
        {},
        `demo:${coopId}:contribution:${key}:payment`,
        [409],
      );
    }
  }
}

async function admitMember(api: DemoApi, coopId: string, member: DemoMember): Promise<void> {
  const { key, shares, payments, ...admitted } = member;
  const memberId = demoId(coopId, 'member', key);
  await api.record(
    'POST',
    '/members',
    {
      memberId,
      ...admitted,
      shares: {
        count: shares.count,
        nominalValue: { amount: shares.nominalValue, currency: 'EUR' },
      },
    },
    `demo:${coopId}:member:${key}`,
    [409],
  );
  for (const [i, [paidOn, amount]] of payments.entries()) {
    await api.record(
      'POST',
      `/members/${memberId}/payments`,
      { paidOn, amount: { amount, currency: 'EUR' } },
      `demo:${coopId}:member:${key}:payment:${i}`,
    );
  }
}

async function memberRecorded(api: DemoApi, coopId: string, member: DemoMember): Promise<boolean> {
  return (await api.get(`/members/${demoId(coopId, 'member', member.key)}`)).status === 200;
}

/** This year's budget: opened, allocations proposed, the board's votes. */
async function budget(
  target: SeedTarget,
  history: DemoHistory,
  planned: SeedTarget['coops'],
): Promise<void> {
  const { periodId, allocations } = history.budget;
  const chair = target.board[0];
  // 409: open already.
  await chair.record('POST', '/budgets', { periodId }, `demo:budget:${periodId}`, [409]);
  // An approval draws on the money paid in: wait until the pooled means count the seeded payments.
  const expected = paidIncome(planned.map(({ spec }) => history.coops[spec.id]));
  await until('the pooled means to count the demo contributions', async () => {
    const { status, body } = await chair.get<BudgetView>(`/budgets/${periodId}`);
    if (status !== 200) return false;
    return CURRENCIES.every((unit) => {
      const line = body.income.find((l) => l.unit === unit);
      return (line ? parseHundredths(line.paid)! : 0) >= expected[unit];
    });
  });
  const coopIds = new Set(target.coops.map(({ spec }) => spec.id));
  for (const { key, votes, beneficiaryCoopId, ...proposal } of allocations) {
    const allocationId = demoId('allocation', periodId, key);
    await chair.record(
      'POST',
      `/budgets/${periodId}/allocations`,
      {
        allocationId,
        ...proposal,
        ...(beneficiaryCoopId && coopIds.has(beneficiaryCoopId) ? { beneficiaryCoopId } : {}),
      },
      `demo:allocation:${allocationId}`,
      [409],
    );
    for (const [i, vote] of votes.entries()) {
      const voter = target.board[i];
      // 409: voted already, or decided by the votes before.
      if (voter) {
        await voter.record(
          'POST',
          `/allocations/${allocationId}/votes`,
          { vote },
          `demo:vote:${allocationId}:${i}`,
          [409],
        );
      }
    }
  }
}

/**
 * Money the demo coops pay in over the year, per currency, in cents: as a budget's income counts
 * it, without the money valuation of non-monetary contributions (barter), which is no cash.
 */
function paidIncome(coops: DemoCoop[]): Record<Currency, number> {
  const paid: Record<Currency, number> = { EUR: 0, SOL: 0 };
  for (const coop of coops) {
    for (const c of coop.contributions) {
      const money = pillarOf(c.kind) !== 'non_monetary';
      if (c.amount && money && (c.status === 'paid' || c.paidLater)) {
        paid[c.amount.currency] += parseHundredths(c.amount.amount)!;
      }
    }
  }
  return paid;
}
