import { MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { ratioIndicator } from '@libs/rules';
import { CoopFacts, complianceReport } from './compliance';

function coop(
  coopId: string,
  legalForm: CoopFacts['legalForm'],
  counts: Partial<Record<MemberCategory, number>>,
  disadvantagedWorkers = 0,
): CoopFacts {
  const byCategory = Object.fromEntries(
    MEMBER_CATEGORIES.map((c) => [c, counts[c] ?? 0]),
  ) as Record<MemberCategory, number>;
  return { coopId, legalForm, membership: { byCategory, disadvantagedWorkers } };
}

const solOk = ratioIndicator('sol_share_at_most_20pct', 1, 10);
const rules = (indicators: { rule: string; value: string | null; status: string }[]) =>
  indicators.map((i) => [i.rule, i.value, i.status]);

describe('the compliance report', () => {
  it('checks each member coop against its own law only', () => {
    const report = complianceReport(
      [
        coop('atelier-bois', 'scop', { worker: 2, volunteer: 3 }),
        coop('velo-solidaire', 'social_coop_b', { worker: 10 }, 3),
        coop('habitat-partage', 'scic', { worker: 1, volunteer: 5 }),
      ],
      solOk,
    );
    const byCoop = Object.fromEntries(report.coops.map((c) => [c.coopId, rules(c.indicators)]));
    // A French SCOP gets none of the Italian rules.
    expect(byCoop['atelier-bois']).toEqual([]);
    expect(byCoop['velo-solidaire']).toEqual([
      ['volunteers_at_most_half', '0.0000', 'ok'],
      ['disadvantaged_workers_at_least_30pct', '0.3000', 'ok'],
    ]);
    // A SCIC: its own rules, never the volunteers rule of L. 381/1991.
    expect(byCoop['habitat-partage']).toEqual([
      ['scic_at_least_three_categories', '2', 'alert'],
      ['public_bodies_at_most_half_capital', null, 'ok'],
    ]);
  });

  it('puts alerts first: coops in alert before the others, and alerts first within each list', () => {
    const report = complianceReport(
      [
        coop('atelier-bois', 'scop', { worker: 2 }),
        coop('coop-a', 'social_coop_a', { worker: 1, volunteer: 1 }),
        coop('velo-solidaire', 'social_coop_b', { worker: 10 }, 2),
      ],
      ratioIndicator('sol_share_at_most_20pct', 3, 10),
    );
    expect(report.coops.map((c) => c.coopId)).toEqual(['velo-solidaire', 'atelier-bois', 'coop-a']);
    expect(report.coops[0].indicators.map((i) => [i.rule, i.status])).toEqual([
      ['disadvantaged_workers_at_least_30pct', 'alert'],
      ['volunteers_at_most_half', 'ok'],
    ]);
    // 2 social coops of 3 and 30% SOL are in alert; three coops are enough.
    expect(rules(report.consortium)).toEqual([
      ['social_coops_at_least_70pct', '0.6667', 'alert'],
      ['sol_share_at_most_20pct', '0.3000', 'alert'],
      ['at_least_three_member_coops', '3', 'ok'],
    ]);
  });

  it('an Italian consorzio needs three member coops; two raise the alert', () => {
    const two = complianceReport(
      [coop('a', 'social_coop_a', {}), coop('b', 'social_coop_b', {})],
      solOk,
      'consorzio',
    );
    expect(rules(two.consortium)).toEqual([
      ['at_least_three_member_coops', '2', 'alert'],
      ['social_coops_at_least_70pct', '1.0000', 'ok'],
      ['sol_share_at_most_20pct', '0.1000', 'ok'],
    ]);
  });

  it('a SCIC consortium is held to none of the Italian consortium rules', () => {
    const report = complianceReport([coop('a', 'scop', {}), coop('b', 'scop', {})], solOk, 'scic');
    expect(rules(report.consortium)).toEqual([['sol_share_at_most_20pct', '0.1000', 'ok']]);
  });

  it('watches the public bodies’ share of a SCIC member’s capital', () => {
    const scic = (publicBodies: bigint) =>
      complianceReport(
        [
          {
            coopId: 's',
            legalForm: 'scic',
            membership: {
              ...coop('s', 'scic', { worker: 1, beneficiary: 1, public_body: 1 }).membership,
              capital: { subscribed: 1_000_00n, publicBodies },
            },
          },
        ],
        solOk,
        'scic',
      ).coops[0].indicators;
    expect(rules(scic(500_00n))).toEqual([
      ['scic_at_least_three_categories', '3', 'ok'],
      ['public_bodies_at_most_half_capital', '0.5000', 'ok'],
    ]);
    expect(rules(scic(500_01n))[0]).toEqual([
      'public_bodies_at_most_half_capital',
      '0.5000',
      'alert',
    ]);
  });
});
