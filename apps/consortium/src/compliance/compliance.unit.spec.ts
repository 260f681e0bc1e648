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

describe('the compliance report', () => {
  it('checks each member coop’s members, type-B coops also their disadvantaged workers', () => {
    const report = complianceReport(
      [
        coop('atelier-bois', 'scop', { worker: 2, volunteer: 2 }),
        coop('velo-solidaire', 'social_coop_b', { worker: 10 }, 3),
      ],
      solOk,
    );
    expect(report.coops).toEqual([
      {
        coopId: 'atelier-bois',
        indicators: [
          expect.objectContaining({
            rule: 'volunteers_at_most_half',
            value: '0.5000',
            status: 'ok',
          }),
        ],
      },
      {
        coopId: 'velo-solidaire',
        indicators: [
          expect.objectContaining({ rule: 'volunteers_at_most_half', status: 'ok' }),
          expect.objectContaining({
            rule: 'disadvantaged_workers_at_least_30pct',
            value: '0.3000',
            threshold: '0.3000',
            status: 'ok',
            source: 'L. 381/1991 art. 4',
          }),
        ],
      },
    ]);
  });

  it('puts alerts first: coops in alert before the others, and alerts first within each list', () => {
    const report = complianceReport(
      [
        coop('atelier-bois', 'scop', { worker: 2 }),
        coop('habitat-partage', 'scic', { worker: 1, volunteer: 1 }),
        coop('velo-solidaire', 'social_coop_b', { worker: 10 }, 2),
      ],
      ratioIndicator('sol_share_at_most_20pct', 3, 10),
    );
    expect(report.coops.map((c) => c.coopId)).toEqual([
      'velo-solidaire',
      'atelier-bois',
      'habitat-partage',
    ]);
    expect(report.coops[0].indicators.map((i) => [i.rule, i.status])).toEqual([
      ['disadvantaged_workers_at_least_30pct', 'alert'],
      ['volunteers_at_most_half', 'ok'],
    ]);
    // 1 social coop of 3, and 30% SOL: both in alert, the composition rule first.
    expect(report.consortium.map((i) => [i.rule, i.value, i.status])).toEqual([
      ['social_coops_at_least_70pct', '0.3333', 'alert'],
      ['sol_share_at_most_20pct', '0.3000', 'alert'],
    ]);
  });

  it('counts social coops of both types among the member coops', () => {
    const report = complianceReport(
      [
        coop('a', 'social_coop_a', {}),
        coop('b', 'social_coop_b', {}),
        coop('c', 'scop', { volunteer: 1 }),
      ],
      solOk,
    );
    expect(report.consortium).toEqual([
      expect.objectContaining({
        rule: 'social_coops_at_least_70pct',
        value: '0.6667',
        status: 'alert',
      }),
      expect.objectContaining({ rule: 'sol_share_at_most_20pct', status: 'ok' }),
    ]);
    expect(report.coops[0]).toMatchObject({
      coopId: 'c',
      indicators: [{ rule: 'volunteers_at_most_half', value: '1.0000', status: 'alert' }],
    });
  });
});
