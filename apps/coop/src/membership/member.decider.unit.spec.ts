import { MembershipEvent, money } from '@libs/contracts';
import { NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { MemberCommand } from './member.commands';
import { decide, evolve, MemberState } from './member.decider';

const admit = (
  overrides: Partial<Extract<MemberCommand, { type: 'AdmitMember' }>> = {},
): MemberCommand => ({
  type: 'AdmitMember',
  memberId: 'm-1',
  shareRules: { legalForm: 'social_coop_b', shareForm: 'azioni', raisedHoldingCap: null },
  category: 'worker',
  disadvantaged: false,
  admittedOn: '2027-01-10',
  shares: { count: 4, nominalValue: money('EUR', 50_00) },
  personalData: null,
  ...overrides,
});

/** Runs commands one after the other, as the repository would. */
function run(...commands: MemberCommand[]): { state: MemberState; events: MembershipEvent[] } {
  let state: MemberState = null;
  const events: MembershipEvent[] = [];
  for (const command of commands) {
    for (const event of decide(command, state)) {
      events.push(event);
      state = evolve(state, event);
    }
  }
  return { state, events };
}

/** What the service seals a reason into: the decider only carries it. */
const sealed = (ciphertext: string) => ({ keyId: 'k', iv: 'i', ciphertext, tag: 't' });

function refusal(fn: () => unknown): unknown {
  try {
    fn();
  } catch (error) {
    return error;
  }
  throw new Error('expected a refusal');
}

describe('a member of a coop', () => {
  it('is admitted with shares subscribed, then pays them up', () => {
    const { state } = run(admit(), {
      type: 'PayCapital',
      paidOn: '2027-02-01',
      amount: money('EUR', 150_00),
    });
    expect(state).toMatchObject({
      status: 'active',
      subscribed: 200_00n,
      paid: 150_00n,
      reimbursed: 0n,
      shareCount: 4,
    });
  });

  it('may not pay up more than subscribed', () => {
    const error = refusal(() =>
      run(admit(), { type: 'PayCapital', paidOn: '2027-02-01', amount: money('EUR', 200_01) }),
    );
    expect(error).toBeInstanceOf(RuleViolation);
    expect((error as RuleViolation).rule).toBe('paid_at_most_subscribed');
  });

  it('refuses shares under 25 EUR in an Italian coop, but not in a French SCIC', () => {
    const cheap = { count: 1, nominalValue: money('EUR', 24_99) };
    expect((refusal(() => run(admit({ shares: cheap }))) as RuleViolation).rule).toBe(
      'share_value_minimum',
    );
    expect(
      run(
        admit({
          shares: cheap,
          shareRules: { legalForm: 'scic', shareForm: 'azioni', raisedHoldingCap: null },
        }),
      ).state?.subscribed,
    ).toBe(24_99n);
  });

  it('caps a natural person’s share at 500 EUR before 2024-10-18 and 719 EUR after', () => {
    const share = { count: 1, nominalValue: money('EUR', 600_00) };
    const before = refusal(() => run(admit({ shares: share, admittedOn: '2024-10-17' })));
    expect((before as RuleViolation).rule).toBe('share_value_maximum');
    expect(run(admit({ shares: share, admittedOn: '2024-10-18' })).state?.subscribed).toBe(600_00n);
    const tooMuch = { count: 1, nominalValue: money('EUR', 719_01) };
    expect((refusal(() => run(admit({ shares: tooMuch }))) as RuleViolation).rule).toBe(
      'share_value_maximum',
    );
  });

  it('caps what a natural person holds in all, counting earlier subscriptions', () => {
    const many = { count: 200, nominalValue: money('EUR', 719_00) }; // 143,800.00
    const { state } = run(admit({ shares: many }));
    expect(state?.subscribed).toBe(143_800_00n);
    const error = refusal(() =>
      run(admit({ shares: many }), {
        type: 'SubscribeShares',
        shareRules: { legalForm: 'social_coop_b', shareForm: 'azioni', raisedHoldingCap: null },
        subscribedOn: '2027-03-01',
        shares: { count: 1, nominalValue: money('EUR', 25_00) },
      }),
    );
    expect((error as RuleViolation).rule).toBe('member_holding_maximum');
  });

  it('does not cap legal persons', () => {
    const big = { count: 1000, nominalValue: money('EUR', 1000_00) };
    expect(run(admit({ category: 'legal_person', shares: big })).state?.subscribed).toBe(
      1_000_000_00n,
    );
  });

  it('flags only workers as disadvantaged', () => {
    const error = refusal(() => run(admit({ category: 'volunteer', disadvantaged: true })));
    expect((error as RuleViolation).rule).toBe('disadvantaged_only_for_workers');
  });

  it('withdraws whole: all paid-up capital is owed back, due after the exit year’s accounts', () => {
    const { state, events } = run(
      admit(),
      { type: 'PayCapital', paidOn: '2027-02-01', amount: money('EUR', 120_00) },
      { type: 'Withdraw', requestedOn: '2027-05-02', reason: sealed('moving away') },
    );
    expect(state).toMatchObject({ status: 'withdrawn', paid: 120_00n, reimbursed: 120_00n });
    expect(events.at(-1)).toEqual({
      type: 'MemberWithdrew',
      data: {
        memberId: 'm-1',
        requestedOn: '2027-05-02',
        effectiveOn: '2027-12-31',
        reason: sealed('moving away'),
        reimbursement: { amount: money('EUR', 120_00), dueOn: '2028-10-27' },
      },
    });
  });

  it('records nothing more on a member who has left', () => {
    const left = [
      admit(),
      { type: 'Withdraw', requestedOn: '2027-05-02', reason: null } as MemberCommand,
    ];
    for (const command of [
      { type: 'PayCapital', paidOn: '2027-06-01', amount: money('EUR', 1_00) },
      { type: 'Withdraw', requestedOn: '2027-06-01', reason: null },
      {
        type: 'ChangeCategory',
        changedOn: '2027-06-01',
        category: 'volunteer',
        disadvantaged: false,
      },
    ] as MemberCommand[]) {
      expect(refusal(() => run(...left, command))).toBeInstanceOf(StateConflict);
    }
  });

  it('can still have its personal data erased after leaving, keeping its figures', () => {
    const personalData = sealed('name');
    const { state, events } = run(
      admit({ personalData }),
      { type: 'Exclude', decidedOn: '2027-06-15', reason: sealed('statute breach') },
      { type: 'ErasePersonalData', erasedOn: '2027-07-01' },
    );
    expect(events.at(-1)?.type).toBe('PersonalDataErased');
    expect(state).toMatchObject({ status: 'excluded', personalData: null, subscribed: 200_00n });
    expect(state?.exit).toEqual({
      effectiveOn: '2027-06-15',
      reimbursementDueOn: '2028-10-27',
      reason: null,
    });
  });

  it('erases an exit reason even when the member was admitted without a name', () => {
    // given a member admitted without personal data, excluded with a (sealed) reason
    const given = [
      admit(),
      { type: 'Exclude', decidedOn: '2027-06-15', reason: sealed('names someone') },
    ] as MemberCommand[];
    // when its personal data is erased
    const { state, events } = run(...given, { type: 'ErasePersonalData', erasedOn: '2027-07-01' });
    // then the erasure is recorded, and the reason is gone from the member
    expect(events.at(-1)).toEqual({
      type: 'PersonalDataErased',
      data: { memberId: 'm-1', erasedOn: '2027-07-01' },
    });
    expect(state?.exit?.reason).toBeNull();
  });

  it('forgets a reason recorded in clear before reasons were sealed, once erased', () => {
    // given a withdrawal as an old event reads after its upcast: the reason in clear
    const admitted = evolve(null, decide(admit(), null)[0]);
    const withdrew = evolve(admitted, {
      type: 'MemberWithdrew',
      data: {
        memberId: 'm-1',
        requestedOn: '2027-05-02',
        effectiveOn: '2027-12-31',
        reason: null,
        reasonInClear: 'Mario Rossi moved away',
        reimbursement: { amount: money('EUR', 0), dueOn: '2028-10-27' },
      },
    });
    expect(withdrew?.exit?.reasonInClear).toBe('Mario Rossi moved away');
    // when the member's data is erased
    const events = decide({ type: 'ErasePersonalData', erasedOn: '2027-07-01' }, withdrew);
    const erased = events.reduce(evolve, withdrew);
    // then the state (and so the members view) keeps no trace of it
    expect(events.map((e) => e.type)).toEqual(['PersonalDataErased']);
    expect(
      JSON.stringify(erased, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
    ).not.toContain('Mario');
  });

  it('records no erasure for a member with nothing personal to erase', () => {
    const withdrawal = { type: 'Withdraw', requestedOn: '2027-05-02', reason: null };
    const { events } = run(admit(), withdrawal as MemberCommand, {
      type: 'ErasePersonalData',
      erasedOn: '2027-07-01',
    });
    expect(events.map((e) => e.type)).toEqual(['MemberAdmitted', 'MemberWithdrew']);
  });

  it('knows no commands for a member never admitted, and no second admission', () => {
    expect(
      refusal(() => run({ type: 'PayCapital', paidOn: '2027-06-01', amount: money('EUR', 1_00) })),
    ).toBeInstanceOf(NotFound);
    expect(refusal(() => run(admit(), admit()))).toBeInstanceOf(StateConflict);
  });
});
