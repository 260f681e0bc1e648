import { ShareCapitalContext } from '@libs/rules';
import { MemberCategory, Money, SealedPersonalData, ShareSubscription } from '@libs/contracts';

/** What a coop admin asks of one member. Dates are ISO days; money in cents. */
export type MemberCommand =
  | {
      type: 'AdmitMember';
      memberId: string;
      /** The coop's form and capital, as the share rules of c.c. 2525 read them. */
      shareRules: ShareCapitalContext;
      category: MemberCategory;
      disadvantaged: boolean;
      admittedOn: string;
      shares: ShareSubscription;
      personalData: SealedPersonalData | null;
    }
  | {
      type: 'SubscribeShares';
      shareRules: ShareCapitalContext;
      subscribedOn: string;
      shares: ShareSubscription;
    }
  | { type: 'PayCapital'; paidOn: string; amount: Money }
  | { type: 'ChangeCategory'; changedOn: string; category: MemberCategory; disadvantaged: boolean }
  | {
      type: 'Withdraw';
      requestedOn: string;
      reason: SealedPersonalData | null;
      accountsApprovedOn?: string;
    }
  | {
      type: 'Exclude';
      decidedOn: string;
      reason: SealedPersonalData;
      accountsApprovedOn?: string;
    }
  | { type: 'ErasePersonalData'; erasedOn: string };
