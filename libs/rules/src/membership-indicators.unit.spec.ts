import { LEGAL_FORMS } from '@libs/contracts';
import { membershipIndicators, votingSeniorityDays } from './membership-indicators';

const counts = (
  byCategory: Partial<Record<string, number>>,
  disadvantagedWorkers = 0,
  capital?: { subscribed: bigint; publicBodies: bigint },
) => ({
  byCategory: {
    worker: 0,
    beneficiary: 0,
    volunteer: 0,
    supporter: 0,
    public_body: 0,
    legal_person: 0,
    ...byCategory,
  },
  disadvantagedWorkers,
  capital,
});
const rulesOf = (form: (typeof LEGAL_FORMS)[number]) =>
  membershipIndicators(counts({ worker: 1 }), form).map((i) => i.rule);

describe('membership indicators', () => {
  it('gives each form its own law’s indicators only', () => {
    expect(rulesOf('social_coop_a')).toEqual(['volunteers_at_most_half']);
    expect(rulesOf('social_coop_b')).toEqual([
      'volunteers_at_most_half',
      'disadvantaged_workers_at_least_30pct',
    ]);
    expect(rulesOf('scic')).toEqual([
      'scic_at_least_three_categories',
      'public_bodies_at_most_half_capital',
    ]);
    for (const form of ['coop', 'scop', 'association'] as const) expect(rulesOf(form)).toEqual([]);
    expect(membershipIndicators(counts({ volunteer: 9 }), null)).toEqual([]);
  });

  it('alerts an Italian social coop whose volunteers are more than half, not at exactly half', () => {
    const [half] = membershipIndicators(counts({ worker: 3, volunteer: 3 }), 'social_coop_a');
    expect(half).toMatchObject({ value: '0.5000', status: 'ok' });
    const [over] = membershipIndicators(counts({ worker: 2, volunteer: 3 }), 'social_coop_a');
    expect(over).toMatchObject({
      rule: 'volunteers_at_most_half',
      value: '0.6000',
      status: 'alert',
    });
  });

  it('counts the type-B quota on the recorded workforce when there is one', () => {
    const [, onMembers] = membershipIndicators(counts({ worker: 10 }, 2), 'social_coop_b');
    expect(onMembers).toMatchObject({ value: '0.2000', status: 'alert' });
    const [, onWorkforce] = membershipIndicators(counts({ worker: 10 }, 2), 'social_coop_b', {
      disadvantaged: 36,
      base: 120,
      months: 12,
    });
    expect(onWorkforce).toMatchObject({ value: '0.3000', status: 'ok' });
    const [, below] = membershipIndicators(counts({}), 'social_coop_b', {
      disadvantaged: 35,
      base: 120,
      months: 12,
    });
    expect(below.status).toBe('alert');
  });

  it('a SCIC needs three categories, workers and beneficiaries among them', () => {
    const categories = (byCategory: Partial<Record<string, number>>) =>
      membershipIndicators(counts(byCategory), 'scic')[0];
    expect(categories({ worker: 1, beneficiary: 1, supporter: 1 })).toMatchObject({
      rule: 'scic_at_least_three_categories',
      value: '3',
      status: 'ok',
    });
    expect(categories({ worker: 1, beneficiary: 1 })).toMatchObject({
      value: '2',
      status: 'alert',
    });
    // Three categories, but no beneficiaries.
    expect(categories({ worker: 1, supporter: 1, public_body: 1 })).toMatchObject({
      value: '3',
      status: 'alert',
    });
  });

  it('a SCIC’s public bodies hold at most half its capital', () => {
    const share = (publicBodies: bigint) =>
      membershipIndicators(counts({}, 0, { subscribed: 10_000_00n, publicBodies }), 'scic')[1];
    expect(share(5_000_00n)).toMatchObject({ value: '0.5000', status: 'ok' });
    expect(share(6_000_00n)).toMatchObject({
      rule: 'public_bodies_at_most_half_capital',
      value: '0.6000',
      status: 'alert',
    });
  });

  it('only c.c. 2538 asks 90 days of membership before voting', () => {
    expect(votingSeniorityDays('social_coop_b')).toBe(90);
    expect(votingSeniorityDays('coop')).toBe(90);
    expect(votingSeniorityDays('scic')).toBe(0);
    expect(votingSeniorityDays('scop')).toBe(0);
  });
});
