import { MAX_AMOUNT_HUNDREDTHS, MembershipEvent, money, ShareSubscription } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { MemberCommand } from './member.commands';
import { decide, evolve, MemberState } from './member.decider';

const MEMBER = '00000000-0000-4000-8000-000000000001';

const admitted = (shares: ShareSubscription): MembershipEvent => ({
  type: 'MemberAdmitted',
  data: {
    memberId: MEMBER,
    category: 'legal_person',
    disadvantaged: false,
    admittedOn: '2027-01-10',
    shares,
    personalData: null,
  },
});

const admit = (shares: ShareSubscription): MemberCommand => ({
  type: 'AdmitMember',
  memberId: MEMBER,
  shareRules: { legalForm: 'social_coop_b', shareForm: 'azioni', raisedHoldingCap: null },
  category: 'legal_person',
  disadvantaged: false,
  admittedOn: '2027-01-10',
  shares,
  personalData: null,
});

const subscribe = (shares: ShareSubscription): MemberCommand => ({
  type: 'SubscribeShares',
  shareRules: { legalForm: 'social_coop_b', shareForm: 'azioni', raisedHoldingCap: null },
  subscribedOn: '2027-03-01',
  shares,
});

/** The largest single amount, in EUR shares: 99,999,999,999 cents = 3 × 33,333,333,333. */
const THIRD_OF_BOUND = { count: 3, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS / 3) };
const SHARE_OF_25 = { count: 1, nominalValue: money('EUR', 25_00) };
/** One cent short of the bound once a share of 25 EUR is added. */
const ALMOST = { count: 1, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS - 24_99) };

/** given: the member's past events; when: one command; then: its events, or the rule refusing it. */
function given(...history: MembershipEvent[]) {
  const state = history.reduce<MemberState>(evolve, null);
  return {
    when(command: MemberCommand) {
      try {
        return { events: decide(command, state), refusedBy: null };
      } catch (error) {
        if (!(error instanceof RuleViolation)) throw error;
        return { events: [], refusedBy: error.rule, detail: error.message };
      }
    },
  };
}

describe('a member’s holding stays within one amount, whatever the legal form', () => {
  it('admits a legal person holding exactly the bound', () => {
    const then = given().when(admit(THIRD_OF_BOUND));
    expect(then).toEqual({ events: [admitted(THIRD_OF_BOUND)], refusedBy: null });
    expect(then.events.reduce<MemberState>(evolve, null)?.subscribed).toBe(99_999_999_999n);
  });

  it('refuses an admission beyond the bound, naming the rule and the sum it would make', () => {
    const huge = { count: 1_000_000, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS) };
    expect(given().when(admit(huge))).toEqual({
      events: [],
      refusedBy: 'member_holding_bound',
      detail:
        'a member may hold at most 999999999.99 EUR of shares in all; this would make 999999999990000.00 EUR',
    });
  });

  it('counts the shares already held: one cent beyond the bound is refused', () => {
    expect(given(admitted(ALMOST)).when(subscribe(SHARE_OF_25))).toEqual({
      events: [],
      refusedBy: 'member_holding_bound',
      detail:
        'a member may hold at most 999999999.99 EUR of shares in all; this would make 1000000000.00 EUR',
    });
    expect(given(admitted(THIRD_OF_BOUND)).when(subscribe(SHARE_OF_25))).toMatchObject({
      refusedBy: 'member_holding_bound',
    });
  });

  it('lets a member subscribe up to the bound, in several subscriptions', () => {
    const part = { count: 1, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS / 3) };
    const then = given(admitted(part), {
      type: 'SharesSubscribed',
      data: { memberId: MEMBER, subscribedOn: '2027-02-01', shares: part },
    }).when(subscribe(part));
    expect(then).toEqual({
      events: [
        {
          type: 'SharesSubscribed',
          data: { memberId: MEMBER, subscribedOn: '2027-03-01', shares: part },
        },
      ],
      refusedBy: null,
    });
  });

  it('still reads exactly a history from before the bound, and refuses to add to it', () => {
    const before = { count: 1_000_000, nominalValue: money('EUR', 99_999_999_999_999) };
    const state = [admitted(before)].reduce<MemberState>(evolve, null);
    expect(state?.subscribed).toBe(99_999_999_999_999_000_000n);
    expect(given(admitted(before)).when(subscribe(SHARE_OF_25))).toMatchObject({
      refusedBy: 'member_holding_bound',
    });
  });
});
