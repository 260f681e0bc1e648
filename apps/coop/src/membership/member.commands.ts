import {
  LegalForm,
  MemberCategory,
  Money,
  SealedPersonalData,
  ShareSubscription,
} from '@libs/contracts';

/** What a coop admin asks of one member. Dates are ISO days; money in cents. */
export type MemberCommand =
  | {
      type: 'AdmitMember';
      memberId: string;
      legalForm: LegalForm;
      category: MemberCategory;
      disadvantaged: boolean;
      admittedOn: string;
      shares: ShareSubscription;
      personalData: SealedPersonalData | null;
    }
  | {
      type: 'SubscribeShares';
      legalForm: LegalForm;
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
