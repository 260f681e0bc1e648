import { membershipIndicators } from './membership-indicators';

const counts = (byCategory: Partial<Record<string, number>>, disadvantagedWorkers = 0) => ({
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
});

describe('membership indicators', () => {
  it('alerts a coop whose volunteers are more than half of its members', () => {
    const [volunteers] = membershipIndicators(counts({ worker: 2, volunteer: 3 }), 'coop');
    expect(volunteers).toMatchObject({
      rule: 'volunteers_at_most_half',
      value: '0.6000',
      status: 'alert',
    });
  });

  it('watches disadvantaged workers only in type-B social coops', () => {
    expect(membershipIndicators(counts({ worker: 10 }, 2), 'social_coop_a')).toHaveLength(1);
    const [, quota] = membershipIndicators(counts({ worker: 10 }, 2), 'social_coop_b');
    expect(quota).toMatchObject({
      rule: 'disadvantaged_workers_at_least_30pct',
      value: '0.2000',
      status: 'alert',
    });
    const [, met] = membershipIndicators(counts({ worker: 10, volunteer: 1 }, 3), 'social_coop_b');
    expect(met.status).toBe('ok');
  });
});
