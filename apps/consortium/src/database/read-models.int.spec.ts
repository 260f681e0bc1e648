import { LoggerService } from '@nestjs/common';
import { NotFound } from '@libs/aggregates';
import { ProjectionRunner } from '@libs/projections';
import { openTestbed, Testbed } from '@tests/projections/testbed';
import { appendAll, coopEvents, registryEvents } from '@tests/consortium/federation-events';
import { CatalogueQueries } from '../catalogue';
import { ComplianceQueries } from '../compliance';
import { CoopWorkforceQueries } from '../registry';
import { PooledMeansQueries } from '../pooled-means';
import { CoopsQueries } from '../registry';
import { CONSORTIUM_READ_MODELS } from './read-sides';

const quiet: LoggerService = { log() {}, warn() {}, error() {} };
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/**
 * The consortium's registry, catalogue and compliance read models, built by every projection of
 * the app from one federation's history, and read the way the API reads them.
 */
describe('the consortium’s read models', () => {
  let bed: Testbed;
  let coops: CoopsQueries;
  let catalogue: CatalogueQueries;
  let compliance: ComplianceQueries;

  const velo = coopEvents('velo-solidaire');
  const habitat = coopEvents('habitat-partage');
  const atelier = coopEvents('atelier-bois');
  const epicerie = coopEvents('epicerie-du-coin');
  const override = { rule: 'social_coops_at_least_70pct', reason: 'pilot year', by: 'board-1' };

  beforeAll(async () => {
    bed = await openTestbed(CONSORTIUM_READ_MODELS.entities, CONSORTIUM_READ_MODELS.migrations);
    await appendAll(bed.store, [
      // A type-B social coop, admitted: 2 workers (1 disadvantaged) and 1 volunteer stay.
      velo.profileSet('social_coop_b', ['mobility', 'work'], 'Velo Solidaire'),
      velo.applied('2027-01-10'),
      registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b'),
      velo.memberAdmitted(id(1), 'worker', { disadvantaged: true }),
      velo.memberAdmitted(id(2), 'worker'),
      velo.memberAdmitted(id(3), 'worker'),
      velo.memberAdmitted(id(4), 'supporter'),
      velo.categoryChanged(id(4), 'volunteer'),
      velo.memberWithdrew(id(3)),
      velo.capitalPaid(id(1), 5000),
      velo.contributionRecorded(id(10), { unit: 'EUR', hundredths: 9000 }),
      velo.contributionRecorded(id(11), { unit: 'SOL', hundredths: 1000 }),
      velo.contributionRecorded(id(12), { unit: 'hours', hundredths: 250 }, { status: 'pledged' }),
      velo.resourceShared(id(20), 'vehicle', ['mobility'], {
        type: 'sol',
        price: { unit: 'SOL', hundredths: 1500 },
      }),
      velo.resourceShared(id(21), 'skill', ['work']),
      velo.resourceWithdrawn(id(21)),
      // Its workforce, members and employees: 2 of 10 in 2026-12 corrected to 4 of 10, and a
      // month of 2025 out of the year's window.
      velo.workforceRecorded('2025-12', 50, 0),
      velo.workforceRecorded('2026-11', 10, 3),
      velo.workforceRecorded('2026-12', 10, 2),
      velo.workforceRecorded('2026-12', 10, 4),
      // A scop, admitted despite the composition rule: 2 volunteers of 3 members.
      habitat.profileSet('scop', ['housing'], 'Habitat Partage'),
      habitat.applied('2027-01-12'),
      registryEvents.coopAdmitted('habitat-partage', 'scop', override),
      habitat.memberAdmitted(id(5), 'volunteer'),
      habitat.memberAdmitted(id(6), 'volunteer'),
      habitat.memberAdmitted(id(7), 'worker'),
      habitat.resourceShared(id(22), 'space', ['housing', 'civic'], { type: 'hours', hours: 200 }),
      // An applicant: listed, but neither in the catalogue nor in compliance.
      atelier.profileSet('coop', ['work'], 'Atelier Bois'),
      atelier.applied('2027-02-01'),
      atelier.resourceShared(id(23), 'equipment', ['work']),
      // Described itself, never applied: none of the consortium's business.
      epicerie.profileSet('association', ['consumption']),
      epicerie.memberAdmitted(id(8), 'worker'),
    ]);
    const runner = new ProjectionRunner({
      store: bed.store,
      dataSource: bed.dataSource,
      projections: CONSORTIUM_READ_MODELS.projections,
      logger: quiet,
    });
    await runner.start();
    await runner.waitUntilCaughtUp();
    await runner.stop();

    const pooled = new PooledMeansQueries(bed.dataSource);
    coops = new CoopsQueries(bed.dataSource, pooled);
    catalogue = new CatalogueQueries(bed.dataSource, coops);
    compliance = new ComplianceQueries(
      coops,
      pooled,
      'consorzio',
      new CoopWorkforceQueries(bed.dataSource),
    );
  });

  afterAll(async () => {
    await bed.dispose();
  });

  it('describes a member coop: status, profile, active members, capital, contributions', async () => {
    expect(await coops.one('velo-solidaire')).toEqual({
      coopId: 'velo-solidaire',
      status: 'admitted',
      name: 'Velo Solidaire',
      legalForm: 'social_coop_b',
      themes: ['mobility', 'work'],
      territory: 'Bologna',
      appliedOn: '2027-01-10',
      admittedOn: '2027-02-01',
      withdrawalRequestedOn: null,
      withdrawnOn: null,
      admissionOverride: null,
      members: {
        total: 3,
        byCategory: {
          worker: 2,
          beneficiary: 0,
          volunteer: 1,
          supporter: 0,
          public_body: 0,
          legal_person: 0,
        },
        disadvantagedWorkers: 1,
      },
      capital: {
        subscribed: { amount: '150.00', currency: 'EUR' },
        paid: { amount: '50.00', currency: 'EUR' },
      },
      contributions: [
        { unit: 'EUR', pledged: '0.00', paid: '90.00' },
        { unit: 'SOL', pledged: '0.00', paid: '10.00' },
        { unit: 'hours', pledged: '2.50', paid: '0.00' },
      ],
    });
    expect(await coops.one('habitat-partage')).toMatchObject({ admissionOverride: override });
  });

  it('lists the coops that applied, by id, page by page, and by status', async () => {
    const first = await coops.list({ limit: 2 });
    expect(first.items.map((c) => [c.coopId, c.status])).toEqual([
      ['atelier-bois', 'applicant'],
      ['habitat-partage', 'admitted'],
    ]);
    const second = await coops.list({ limit: 2, cursor: first.nextCursor! });
    expect(second).toMatchObject({
      items: [{ coopId: 'velo-solidaire' }],
      nextCursor: null,
    });
    const applicants = await coops.list({ status: 'applicant' });
    expect(applicants.items.map((c) => c.coopId)).toEqual(['atelier-bois']);
  });

  it('knows no coop that never applied', async () => {
    await expect(coops.one('epicerie-du-coin')).rejects.toThrow(NotFound);
    await expect(coops.one('nobody')).rejects.toThrow(NotFound);
    await expect(coops.one('Not A Slug')).rejects.toThrow(NotFound);
  });

  it('offers the resources of admitted coops only, not withdrawn, by kind and theme', async () => {
    const all = await catalogue.list({});
    expect(all).toEqual({
      items: [
        {
          coopId: 'habitat-partage',
          coopName: 'Habitat Partage',
          resourceId: id(22),
          kind: 'space',
          title: 'space of habitat-partage',
          description: null,
          themes: ['housing', 'civic'],
          terms: { type: 'hours', hours: '2.00' },
          sharedOn: '2027-02-01',
        },
        {
          coopId: 'velo-solidaire',
          coopName: 'Velo Solidaire',
          resourceId: id(20),
          kind: 'vehicle',
          title: 'vehicle of velo-solidaire',
          description: null,
          themes: ['mobility'],
          terms: { type: 'sol', price: { amount: '15.00', currency: 'SOL' } },
          sharedOn: '2027-02-01',
        },
      ],
      nextCursor: null,
    });
    const ids = async (query: Parameters<CatalogueQueries['list']>[0]) =>
      (await catalogue.list(query)).items.map((r) => r.resourceId);
    expect(await ids({ kind: 'vehicle' })).toEqual([id(20)]);
    expect(await ids({ theme: 'civic' })).toEqual([id(22)]);
    expect(await ids({ kind: 'skill' })).toEqual([]);
    expect(await ids({ theme: 'work' })).toEqual([]);
    const page = await catalogue.list({ limit: 1 });
    expect(page.items.map((r) => r.resourceId)).toEqual([id(22)]);
    expect(await ids({ limit: 1, cursor: page.nextCursor! })).toEqual([id(20)]);
  });

  it('checks the member coops and the consortium against the model’s rules', async () => {
    const report = await compliance.report();
    expect(report.consortium.map((i) => [i.rule, i.value, i.status])).toEqual([
      ['at_least_three_member_coops', '2', 'alert'],
      ['social_coops_at_least_70pct', '0.5000', 'alert'],
      ['sol_share_at_most_20pct', '0.1000', 'ok'],
    ]);
    expect(
      report.coops.map((c) => [c.coopId, c.indicators.map((i) => [i.rule, i.value, i.status])]),
    ).toEqual([
      // A SCOP is held to none of L. 381/1991's rules.
      ['habitat-partage', []],
      [
        'velo-solidaire',
        [
          ['volunteers_at_most_half', '0.3333', 'ok'],
          // On the recorded workforce, not the members: 7 of 20 over the months of the year.
          ['disadvantaged_workers_at_least_30pct', '0.3500', 'ok'],
        ],
      ],
    ]);
  });
});
