import { DomainEvent } from '../domain-event';
import { LegalForm, ShareForm, Theme } from './vocabulary';

/** Stream: `coop/<coopId>/profile/<coopId>`: the coop as it describes itself to the federation. */
export const PROFILE_AGGREGATE = 'profile';

export type CoopProfileSet = DomainEvent<
  'CoopProfileSet',
  {
    coopId: string;
    name: string;
    legalForm: LegalForm;
    themes: Theme[];
    territory: string;
    /** Absent in profiles set before it was asked: read as `azioni`. */
    shareForm?: ShareForm;
    /** The statutes raise the holding cap to 2% of capital when members exceed 500 (c.c. 2525). */
    statutesRaiseHoldingCap?: boolean;
  }
>;

export type ConsortiumApplicationSubmitted = DomainEvent<
  'ConsortiumApplicationSubmitted',
  { coopId: string; submittedOn: string }
>;

export type ConsortiumWithdrawalRequested = DomainEvent<
  'ConsortiumWithdrawalRequested',
  { coopId: string; requestedOn: string; reason: string | null }
>;

export type CoopProfileEvent =
  CoopProfileSet | ConsortiumApplicationSubmitted | ConsortiumWithdrawalRequested;
