import { LegalForm, RegistryEvent } from '@libs/contracts';
import { NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import {
  decide,
  evolve,
  RegistryCommand,
  registryDecider,
  RegistryState,
} from './registry.decider';

const admit = (
  coopId: string,
  legalForm: LegalForm,
  extra: Partial<Extract<RegistryCommand, { type: 'AdmitCoop' }>> = {},
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

function run(...commands: RegistryCommand[]): { state: RegistryState; events: RegistryEvent[] } {
  let state = registryDecider.initialState();
  const events: RegistryEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return { state, events };
}

describe('admitting member coops', () => {
  const socialBase = [
    admit('a', 'social_coop_a'),
    admit('b', 'social_coop_b'),
    admit('c', 'social_coop_a'),
  ];

  it('keeps social coops at 70% or more of the member coops', () => {
    // 3 social of 4 = 75%: fine; 3 of 5 = 60%: refused
    const { state } = run(...socialBase, admit('d', 'scic'));
    expect(Object.keys(state.coops)).toHaveLength(4);
    let error: unknown;
    try {
      run(...socialBase, admit('d', 'scic'), admit('e', 'scop'));
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe('social_coops_at_least_70pct');
  });

  it('holds only an Italian consorzio to the 70% rule, not a SCIC consortium', () => {
    const scic = { consortiumForm: 'scic' as const };
    const { events } = run(admit('d', 'scop', scic), admit('e', 'association', scic));
    expect(events.map((event) => event.data)).toEqual([
      expect.objectContaining({ coopId: 'd', override: null }),
      expect.objectContaining({ coopId: 'e', override: null }),
    ]);
    expect(() => run(admit('d', 'scop', { consortiumForm: 'consorzio' }))).toThrow(RuleViolation);
  });

  it('admits against the rule only with an explicit override, recorded with who and why', () => {
    const { events } = run(
      ...socialBase,
      admit('d', 'scic'),
      admit('e', 'scop', { override: { reason: 'pilot' } }),
    );
    expect(events.at(-1)?.data).toMatchObject({
      coopId: 'e',
      override: { rule: 'social_coops_at_least_70pct', reason: 'pilot', by: 'board-chair' },
    });
  });

  it('never refuses a social coop, which only raises the share', () => {
    const { state } = run(
      admit('x', 'scic', { override: { reason: 'founder' } }),
      admit('a', 'social_coop_a'),
    );
    expect(state.coops.a.status).toBe('admitted');
  });

  it('admits only coops that applied, once', () => {
    expect(() => run(admit('a', 'social_coop_a', { applied: false }))).toThrow(StateConflict);
    expect(() => run(admit('a', 'social_coop_a'), admit('a', 'social_coop_a'))).toThrow(
      StateConflict,
    );
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

  it('records what is owed back, due 180 days after the next accounts, and what it takes off the books', () => {
    const { state, events } = run(admit('a', 'social_coop_a'), settle('a'));
    expect(state.coops.a.status).toBe('withdrawn');
    expect(events.at(-1)?.data).toEqual({
      coopId: 'a',
      settledOn: '2027-06-30',
      capitalOwed: { unit: 'EUR', hundredths: 500_00 },
      dueOn: '2028-10-27',
      exitYear: 2027,
      lossDeducted: { unit: 'EUR', hundredths: 0 },
      cancelledPledges: ['p1'],
      withdrawnResources: ['r1'],
      openAllocations: [],
    });
  });

  it('takes the exit year from the notice (c.c. 2532): 30 September leaves that year, 1 October the next', () => {
    const dueFor = (noticeGivenOn: string, accountsApprovedOn?: string) =>
      run(
        admit('a', 'social_coop_a'),
        settle('a', { noticeGivenOn, accountsApprovedOn }),
      ).events.at(-1)!.data as { exitYear: number; dueOn: string };
    expect(dueFor('2026-09-30')).toMatchObject({ exitYear: 2026, dueOn: '2027-10-27' });
    expect(dueFor('2026-10-01')).toMatchObject({ exitYear: 2027, dueOn: '2028-10-27' });
    // Notice on 15 Oct 2026: leaves at the close of 2027, due 180 days after those accounts.
    expect(dueFor('2026-10-15', '2028-04-20')).toMatchObject({
      exitYear: 2027,
      dueOn: '2028-10-17',
    });
    // Asked on 5 Dec 2026: not October 2027, but October 2028.
    expect(dueFor('2026-12-05').dueOn).toBe('2028-10-27');
  });

  it('reimburses on the accounts of the exit year only, approved after it closes', () => {
    expect(() =>
      run(
        admit('a', 'social_coop_a'),
        settle('a', { noticeGivenOn: '2026-10-15', accountsApprovedOn: '2027-04-30' }),
      ),
    ).toThrow(expect.objectContaining({ rule: 'accounts_of_exit_year' }));
  });

  it('deducts the leaver’s share of a loss, never owing less than nothing', () => {
    const owed = (lossShare: number) =>
      run(admit('a', 'social_coop_a'), settle('a', { lossShare })).events.at(-1)!.data as {
        capitalOwed: { hundredths: number };
        lossDeducted: { hundredths: number };
      };
    expect(owed(120_00)).toMatchObject({
      capitalOwed: { hundredths: 380_00 },
      lossDeducted: { hundredths: 120_00 },
    });
    expect(owed(900_00)).toMatchObject({
      capitalOwed: { hundredths: 0 },
      lossDeducted: { hundredths: 500_00 },
    });
  });

  it('settles only a member coop that asked to leave, once', () => {
    expect(() => run(settle('x'))).toThrow(NotFound);
    expect(() =>
      run(admit('a', 'social_coop_a'), settle('a', { withdrawalRequested: false })),
    ).toThrow(StateConflict);
    expect(() => run(admit('a', 'social_coop_a'), settle('a'), settle('a'))).toThrow(StateConflict);
  });
});

describe('the coop’s bundle-signing key', () => {
  it('given an application that carries the coop’s key, when the board admits it, then the admission records that key', () => {
    const { events } = run(admit('a', 'social_coop_a', { bundleKey: 'MCowBQYDK2VwAyEAkey=' }));
    expect(events.at(-1)).toMatchObject({
      type: 'CoopAdmitted',
      data: { coopId: 'a', bundleKey: 'MCowBQYDK2VwAyEAkey=' },
    });
  });
});
