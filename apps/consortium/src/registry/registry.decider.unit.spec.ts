import { DeciderSpecification, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { CoopWithdrawalSettled, LegalForm, RegistryEvent } from '@libs/contracts';
import { RegistryCommand, registryDecider } from './registry.decider';

type AdmitCoop = Extract<RegistryCommand, { type: 'AdmitCoop' }>;
type CoopAdmitted = Extract<RegistryEvent, { type: 'CoopAdmitted' }>;

const admit = (
  coopId: string,
  legalForm: LegalForm,
  extra: Partial<AdmitCoop> = {},
): RegistryCommand => ({
  type: 'AdmitCoop',
  coopId,
  legalForm,
  applied: true,
  bundleKey: null,
  admittedOn: '2027-01-15',
  by: 'board-chair',
  override: null,
  ...extra,
});
const admitted = (
  coopId: string,
  legalForm: LegalForm,
  extra: Partial<CoopAdmitted['data']> = {},
): RegistryEvent => ({
  type: 'CoopAdmitted',
  data: { coopId, legalForm, admittedOn: '2027-01-15', override: null, bundleKey: null, ...extra },
});

const registry = DeciderSpecification.for(registryDecider);

describe('admitting member coops', () => {
  const socialBase = [
    admitted('a', 'social_coop_a'),
    admitted('b', 'social_coop_b'),
    admitted('c', 'social_coop_a'),
  ];

  it('keeps social coops at 70% or more of the member coops', () => {
    // 3 social of 4 = 75%: fine; 3 of 5 = 60%: refused
    registry
      .given(socialBase)
      .when(admit('d', 'scic'))
      .then([admitted('d', 'scic')])
      .andState({ coops: { d: { legalForm: 'scic', status: 'admitted' } } });
    registry
      .given([...socialBase, admitted('d', 'scic')])
      .when(admit('e', 'scop'))
      .thenThrows(RuleViolation, { rule: 'social_coops_at_least_70pct' });
  });

  it('holds only an Italian consorzio to the 70% rule, not a SCIC consortium', () => {
    const scic = { consortiumForm: 'scic' as const };
    registry
      .given()
      .when(admit('d', 'scop', scic))
      .then([admitted('d', 'scop')]);
    registry
      .given([admitted('d', 'scop')])
      .when(admit('e', 'association', scic))
      .then([admitted('e', 'association')]);
    registry
      .given()
      .when(admit('d', 'scop', { consortiumForm: 'consorzio' }))
      .thenThrows(RuleViolation, { rule: 'social_coops_at_least_70pct' });
  });

  it('admits against the rule only with an explicit override, recorded with who and why', () => {
    registry
      .given([...socialBase, admitted('d', 'scic')])
      .when(admit('e', 'scop', { override: { reason: 'pilot' } }))
      .then([
        admitted('e', 'scop', {
          override: { rule: 'social_coops_at_least_70pct', reason: 'pilot', by: 'board-chair' },
        }),
      ]);
  });

  it('never refuses a social coop, which only raises the share', () => {
    const pilot = { rule: 'social_coops_at_least_70pct', reason: 'founder', by: 'board-chair' };
    registry
      .given([admitted('x', 'scic', { override: pilot })])
      .when(admit('a', 'social_coop_a'))
      .then([admitted('a', 'social_coop_a')])
      .andState({ coops: { a: { status: 'admitted' } } });
  });

  it('admits only coops that applied, once', () => {
    registry
      .given()
      .when(admit('a', 'social_coop_a', { applied: false }))
      .thenThrows(StateConflict);
    registry
      .given([admitted('a', 'social_coop_a')])
      .when(admit('a', 'social_coop_a'))
      .thenThrows(StateConflict);
  });
});

describe('settling a leaving coop', () => {
  const settle = (
    coopId: string,
    extra: Partial<Extract<RegistryCommand, { type: 'SettleWithdrawal' }>> = {},
  ): RegistryCommand => ({
    type: 'SettleWithdrawal',
    coopId,
    withdrawalRequested: true,
    settledOn: '2027-06-30',
    capitalOwed: 500_00,
    openPledges: ['p1'],
    resources: ['r1'],
    openAllocations: [],
    ...extra,
  });
  /** The settlement of `settle('a')`: all 500.00 EUR owed back, nothing lost. */
  const settled = (extra: Partial<CoopWithdrawalSettled['data']> = {}): RegistryEvent => ({
    type: 'CoopWithdrawalSettled',
    data: {
      coopId: 'a',
      settledOn: '2027-06-30',
      capitalOwed: { unit: 'EUR', hundredths: 500_00 },
      dueOn: '2028-10-27',
      exitYear: 2027,
      lossDeducted: { unit: 'EUR', hundredths: 0 },
      cancelledPledges: ['p1'],
      withdrawnResources: ['r1'],
      openAllocations: [],
      ...extra,
    },
  });
  const member = [admitted('a', 'social_coop_a')];

  it('records what is owed back, due 180 days after the next accounts, and what it takes off the books', () => {
    registry
      .given(member)
      .when(settle('a'))
      .then([settled()])
      .andState({ coops: { a: { status: 'withdrawn' } } });
  });

  it('takes the exit year from the notice (c.c. 2532): 30 September leaves that year, 1 October the next', () => {
    registry
      .given(member)
      .when(settle('a', { noticeGivenOn: '2026-09-30' }))
      .then([settled({ exitYear: 2026, dueOn: '2027-10-27' })]);
    registry
      .given(member)
      .when(settle('a', { noticeGivenOn: '2026-10-01' }))
      .then([settled({ exitYear: 2027, dueOn: '2028-10-27' })]);
    // Notice on 15 Oct 2026: leaves at the close of 2027, due 180 days after those accounts.
    registry
      .given(member)
      .when(settle('a', { noticeGivenOn: '2026-10-15', accountsApprovedOn: '2028-04-20' }))
      .then([settled({ exitYear: 2027, dueOn: '2028-10-17' })]);
    // Asked on 5 Dec 2026: not October 2027, but October 2028.
    registry
      .given(member)
      .when(settle('a', { noticeGivenOn: '2026-12-05' }))
      .then([settled({ exitYear: 2027, dueOn: '2028-10-27' })]);
  });

  it('reimburses on the accounts of the exit year only, approved after it closes', () => {
    registry
      .given(member)
      .when(settle('a', { noticeGivenOn: '2026-10-15', accountsApprovedOn: '2027-04-30' }))
      .thenThrows(RuleViolation, { rule: 'accounts_of_exit_year' });
  });

  it('deducts the leaver’s share of a loss, never owing less than nothing', () => {
    registry
      .given(member)
      .when(settle('a', { lossShare: 120_00 }))
      .then([
        settled({
          capitalOwed: { unit: 'EUR', hundredths: 380_00 },
          lossDeducted: { unit: 'EUR', hundredths: 120_00 },
        }),
      ]);
    registry
      .given(member)
      .when(settle('a', { lossShare: 900_00 }))
      .then([
        settled({
          capitalOwed: { unit: 'EUR', hundredths: 0 },
          lossDeducted: { unit: 'EUR', hundredths: 500_00 },
        }),
      ]);
  });

  it('settles only a member coop that asked to leave, once', () => {
    registry.given().when(settle('x')).thenThrows(NotFound);
    registry
      .given(member)
      .when(settle('a', { withdrawalRequested: false }))
      .thenThrows(StateConflict);
    registry
      .given([...member, settled()])
      .when(settle('a'))
      .thenThrows(StateConflict);
  });
});

describe('the coop’s bundle-signing key', () => {
  it('given an application that carries the coop’s key, when the board admits it, then the admission records that key', () => {
    registry
      .given()
      .when(admit('a', 'social_coop_a', { bundleKey: 'MCowBQYDK2VwAyEAkey=' }))
      .then([admitted('a', 'social_coop_a', { bundleKey: 'MCowBQYDK2VwAyEAkey=' })]);
  });
});
