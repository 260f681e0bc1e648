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

/**
 * Schema version 2 adds `bundleKey`: the public key (Ed25519, SubjectPublicKeyInfo DER, base64)
 * that signs the coop's export bundles, so that the consortium can record it at admission. Version
 * 1 applications read with `bundleKey: null` (CONTRACT_UPCASTERS).
 */
export type ConsortiumApplicationSubmitted = DomainEvent<
  'ConsortiumApplicationSubmitted',
  { coopId: string; submittedOn: string; bundleKey: string | null }
>;

export type ConsortiumWithdrawalRequested = DomainEvent<
  'ConsortiumWithdrawalRequested',
  { coopId: string; requestedOn: string; reason: string | null }
>;

export type CoopProfileEvent =
  CoopProfileSet | ConsortiumApplicationSubmitted | ConsortiumWithdrawalRequested;
