import { DomainEvent } from '../domain-event';
import { Money } from '../quantity';
import { LegalForm } from '../coop/vocabulary';

/**
 * Stream: `consortium/registry/member-coops`. One aggregate holds every admission and exit, since
 * the consortium's composition rule (≥ 70% social coops) is a rule over the whole set. Each event's
 * metadata carries the coop it is about, so a coop's export finds it.
 */
export const REGISTRY_AGGREGATE = 'registry';
export const REGISTRY_ID = 'member-coops';

/**
 * The board admitted the coop; `override` records why it did despite a refused rule. Schema
 * version 2 adds `bundleKey`, the public key the coop gave in its application (null if none):
 * the key the federation expects on the coop's export bundles. Version 1 reads with null.
 */
export type CoopAdmitted = DomainEvent<
  'CoopAdmitted',
  {
    coopId: string;
    legalForm: LegalForm;
    admittedOn: string;
    override: { rule: string; reason: string; by: string } | null;
    bundleKey: string | null;
  }
>;

/** The board settled a leaving coop: what the consortium owes back, and what it cancelled. */
export type CoopWithdrawalSettled = DomainEvent<
  'CoopWithdrawalSettled',
  {
    coopId: string;
    settledOn: string;
    /** Capital the coop paid into the consortium, owed back (less its share of a loss). */
    capitalOwed: Money;
    /** Due 180 days after the approval of the accounts of the year of leaving. */
    dueOn: string;
    /** The year at whose close the coop leaves (c.c. 2532); absent in older settlements. */
    exitYear?: number;
    /** The coop's share of a loss, deducted from its capital (c.c. 2535); absent: none. */
    lossDeducted?: Money;
    cancelledPledges: string[];
    withdrawnResources: string[];
    openAllocations: string[];
  }
>;

export type RegistryEvent = CoopAdmitted | CoopWithdrawalSettled;
