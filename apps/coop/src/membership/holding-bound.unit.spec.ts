import { MAX_AMOUNT_HUNDREDTHS, MembershipEvent, money, ShareSubscription } from '@libs/contracts';
import { DeciderSpecification, RuleViolation } from '@libs/aggregates';
import { MemberCommand } from './member.commands';
import { evolve, memberDecider } from './member.decider';

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

const member = DeciderSpecification.for(memberDecider);

describe('a member’s holding stays within one amount, whatever the legal form', () => {
  it('admits a legal person holding exactly the bound', () => {
    member
      .given()
      .when(admit(THIRD_OF_BOUND))
      .then([admitted(THIRD_OF_BOUND)])
      .andState({ subscribed: 99_999_999_999n });
  });

  it('refuses an admission beyond the bound, naming the rule and the sum it would make', () => {
    const huge = { count: 1_000_000, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS) };
    member.given().when(admit(huge)).thenThrows(RuleViolation, {
      rule: 'member_holding_bound',
      message:
        'a member may hold at most 999999999.99 EUR of shares in all; this would make 999999999990000.00 EUR',
    });
  });

  it('counts the shares already held: one cent beyond the bound is refused', () => {
    member
      .given([admitted(ALMOST)])
      .when(subscribe(SHARE_OF_25))
      .thenThrows(RuleViolation, {
        rule: 'member_holding_bound',
        message:
          'a member may hold at most 999999999.99 EUR of shares in all; this would make 1000000000.00 EUR',
      });
    member
      .given([admitted(THIRD_OF_BOUND)])
      .when(subscribe(SHARE_OF_25))
      .thenThrows(RuleViolation, { rule: 'member_holding_bound' });
  });

  it('lets a member subscribe up to the bound, in several subscriptions', () => {
    const part = { count: 1, nominalValue: money('EUR', MAX_AMOUNT_HUNDREDTHS / 3) };
    member
      .given([
        admitted(part),
        {
          type: 'SharesSubscribed',
          data: { memberId: MEMBER, subscribedOn: '2027-02-01', shares: part },
        },
      ])
      .when(subscribe(part))
      .then([
        {
          type: 'SharesSubscribed',
          data: { memberId: MEMBER, subscribedOn: '2027-03-01', shares: part },
        },
      ]);
  });

  it('still reads exactly a history from before the bound, and refuses to add to it', () => {
    const before = { count: 1_000_000, nominalValue: money('EUR', 99_999_999_999_999) };
    expect(evolve(null, admitted(before))?.subscribed).toBe(99_999_999_999_999_000_000n);
    member
      .given([admitted(before)])
      .when(subscribe(SHARE_OF_25))
      .thenThrows(RuleViolation, { rule: 'member_holding_bound' });
  });
});
