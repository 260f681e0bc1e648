import { MembershipEvent, money } from '@libs/contracts';
import { DeciderSpecification, NotFound, RuleViolation, StateConflict } from '@libs/aggregates';
import { MemberCommand } from './member.commands';
import { evolve, memberDecider } from './member.decider';

type Admit = Extract<MemberCommand, { type: 'AdmitMember' }>;
type Admitted = Extract<MembershipEvent, { type: 'MemberAdmitted' }>;

const italianB = {
  legalForm: 'social_coop_b',
  shareForm: 'azioni',
  raisedHoldingCap: null,
} as const;

/** An admission as the command asks it and as the event records it (the share rules are only checked). */
const admission: Admitted['data'] = {
  memberId: 'm-1',
  category: 'worker',
  disadvantaged: false,
  admittedOn: '2027-01-10',
  shares: { count: 4, nominalValue: money('EUR', 50_00) },
  personalData: null,
};
const admit = (overrides: Partial<Admit> = {}): MemberCommand => ({
  type: 'AdmitMember',
  shareRules: italianB,
  ...admission,
  ...overrides,
});
const admitted = (overrides: Partial<Admitted['data']> = {}): MembershipEvent => ({
  type: 'MemberAdmitted',
  data: { ...admission, ...overrides },
});

const pay = (hundredths: number, paidOn = '2027-02-01'): MemberCommand => ({
  type: 'PayCapital',
  paidOn,
  amount: money('EUR', hundredths),
});
const capitalPaid = (hundredths: number, paidOn = '2027-02-01'): MembershipEvent => ({
  type: 'CapitalPaid',
  data: { memberId: 'm-1', paidOn, amount: money('EUR', hundredths) },
});

/** What the service seals a reason into: the decider only carries it. */
const sealed = (ciphertext: string) => ({ keyId: 'k', iv: 'i', ciphertext, tag: 't' });

/** A leaving on these dates: its reimbursement falls due after the exit year's accounts. */
const exitOn = (
  requestedOn: string,
  effectiveOn: string,
  reason: ReturnType<typeof sealed> | null,
) => ({
  memberId: 'm-1',
  requestedOn,
  effectiveOn,
  reason,
  reimbursement: { amount: money('EUR', 0), dueOn: '2028-10-27' },
});
const withdrew = (reason: ReturnType<typeof sealed> | null = null): MembershipEvent => ({
  type: 'MemberWithdrew',
  data: exitOn('2027-05-02', '2027-12-31', reason),
});
const excluded = (reason: ReturnType<typeof sealed> | null): MembershipEvent => ({
  type: 'MemberExcluded',
  data: exitOn('2027-06-15', '2027-06-15', reason),
});

const erase: MemberCommand = { type: 'ErasePersonalData', erasedOn: '2027-07-01' };
const erased: MembershipEvent = {
  type: 'PersonalDataErased',
  data: { memberId: 'm-1', erasedOn: '2027-07-01' },
};

const member = DeciderSpecification.for(memberDecider);

describe('a member of a coop', () => {
  it('is admitted with shares subscribed, then pays them up', () => {
    member.given().when(admit()).then([admitted()]).andState({
      status: 'active',
      subscribed: 200_00n,
      paid: 0n,
      shareCount: 4,
    });
    member
      .given([admitted()])
      .when(pay(150_00))
      .then([capitalPaid(150_00)])
      .andState({
        status: 'active',
        subscribed: 200_00n,
        paid: 150_00n,
        reimbursed: 0n,
        shareCount: 4,
      });
  });

  it('may not pay up more than subscribed', () => {
    member
      .given([admitted()])
      .when(pay(200_01))
      .thenThrows(RuleViolation, { rule: 'paid_at_most_subscribed' });
  });

  it('refuses shares under 25 EUR in an Italian coop, but not in a French SCIC', () => {
    const cheap = { count: 1, nominalValue: money('EUR', 24_99) };
    member
      .given()
      .when(admit({ shares: cheap }))
      .thenThrows(RuleViolation, { rule: 'share_value_minimum' });
    member
      .given()
      .when(admit({ shares: cheap, shareRules: { ...italianB, legalForm: 'scic' } }))
      .then([admitted({ shares: cheap })])
      .andState({ subscribed: 24_99n });
  });

  it('caps a natural person’s share at 500 EUR before 2024-10-18 and 719 EUR after', () => {
    const share = { count: 1, nominalValue: money('EUR', 600_00) };
    member
      .given()
      .when(admit({ shares: share, admittedOn: '2024-10-17' }))
      .thenThrows(RuleViolation, { rule: 'share_value_maximum' });
    member
      .given()
      .when(admit({ shares: share, admittedOn: '2024-10-18' }))
      .then([admitted({ shares: share, admittedOn: '2024-10-18' })])
      .andState({ subscribed: 600_00n });
    const tooMuch = { count: 1, nominalValue: money('EUR', 719_01) };
    member
      .given()
      .when(admit({ shares: tooMuch }))
      .thenThrows(RuleViolation, { rule: 'share_value_maximum' });
  });

  it('caps what a natural person holds in all, counting earlier subscriptions', () => {
    const many = { count: 200, nominalValue: money('EUR', 719_00) }; // 143,800.00
    member
      .given()
      .when(admit({ shares: many }))
      .then([admitted({ shares: many })])
      .andState({ subscribed: 143_800_00n });
    member
      .given([admitted({ shares: many })])
      .when({
        type: 'SubscribeShares',
        shareRules: italianB,
        subscribedOn: '2027-03-01',
        shares: { count: 1, nominalValue: money('EUR', 25_00) },
      })
      .thenThrows(RuleViolation, { rule: 'member_holding_maximum' });
  });

  it('does not cap legal persons', () => {
    const big = { count: 1000, nominalValue: money('EUR', 1000_00) };
    member
      .given()
      .when(admit({ category: 'legal_person', shares: big }))
      .then([admitted({ category: 'legal_person', shares: big })])
      .andState({ subscribed: 1_000_000_00n });
  });

  it('flags only workers as disadvantaged', () => {
    member
      .given()
      .when(admit({ category: 'volunteer', disadvantaged: true }))
      .thenThrows(RuleViolation, { rule: 'disadvantaged_only_for_workers' });
  });

  it('withdraws whole: all paid-up capital is owed back, due after the exit year’s accounts', () => {
    member
      .given([admitted(), capitalPaid(120_00)])
      .when({ type: 'Withdraw', requestedOn: '2027-05-02', reason: sealed('moving away') })
      .then([
        {
          type: 'MemberWithdrew',
          data: {
            memberId: 'm-1',
            requestedOn: '2027-05-02',
            effectiveOn: '2027-12-31',
            reason: sealed('moving away'),
            reimbursement: { amount: money('EUR', 120_00), dueOn: '2028-10-27' },
          },
        },
      ])
      .andState({ status: 'withdrawn', paid: 120_00n, reimbursed: 120_00n });
  });

  it('records nothing more on a member who has left', () => {
    for (const command of [
      pay(1_00, '2027-06-01'),
      { type: 'Withdraw', requestedOn: '2027-06-01', reason: null },
      {
        type: 'ChangeCategory',
        changedOn: '2027-06-01',
        category: 'volunteer',
        disadvantaged: false,
      },
    ] as MemberCommand[]) {
      member.given([admitted(), withdrew()]).when(command).thenThrows(StateConflict);
    }
  });

  it('can still have its personal data erased after leaving, keeping its figures', () => {
    member
      .given([admitted({ personalData: sealed('name') }), excluded(sealed('statute breach'))])
      .when(erase)
      .then([erased])
      .andState({
        status: 'excluded',
        personalData: null,
        subscribed: 200_00n,
        exit: { effectiveOn: '2027-06-15', reimbursementDueOn: '2028-10-27', reason: null },
      });
  });

  it('is excluded from the day decided, its capital due after that year’s accounts', () => {
    member
      .given([admitted({ personalData: sealed('name') })])
      .when({ type: 'Exclude', decidedOn: '2027-06-15', reason: sealed('statute breach') })
      .then([excluded(sealed('statute breach'))]);
  });

  it('erases an exit reason even when the member was admitted without a name', () => {
    member
      .given([admitted(), excluded(sealed('names someone'))])
      .when(erase)
      .then([erased])
      .andState({ exit: { reason: null } });
  });

  it('forgets a reason recorded in clear before reasons were sealed, once erased', () => {
    // given a withdrawal as an old event reads after its upcast: the reason in clear
    const inClear: MembershipEvent = {
      type: 'MemberWithdrew',
      data: {
        ...exitOn('2027-05-02', '2027-12-31', null),
        reasonInClear: 'Mario Rossi moved away',
      },
    };
    expect(evolve(evolve(null, admitted()), inClear)?.exit?.reasonInClear).toBe(
      'Mario Rossi moved away',
    );
    // when the member's data is erased, then the state (and so the members view) keeps no trace of it
    member
      .given([admitted(), inClear])
      .when(erase)
      .then([erased])
      .andState({
        personalData: null,
        exit: { effectiveOn: '2027-12-31', reimbursementDueOn: '2028-10-27', reason: null },
      });
    const after = [admitted(), inClear, erased].reduce(evolve, null);
    expect(
      JSON.stringify(after, (_, v: unknown) => (typeof v === 'bigint' ? `${v}` : v)),
    ).not.toContain('Mario');
  });

  it('records no erasure for a member with nothing personal to erase', () => {
    member.given([admitted(), withdrew()]).when(erase).thenNothingHappened();
  });

  it('knows no commands for a member never admitted, and no second admission', () => {
    member.given().when(pay(1_00, '2027-06-01')).thenThrows(NotFound);
    member.given([admitted()]).when(admit()).thenThrows(StateConflict);
  });
});
