import { DomainEvent } from '../domain-event';
import { FundsMovement, StageSpell, SupportGiven } from '../consortium/incubation-events';
import { LegalForm, Theme } from './vocabulary';

/**
 * Stream: `coop/<coopId>/incubation/<coopId>`: the pre-history of a coop that was a project the
 * consortium incubated, as the coop received it in the consortium's signed bundle at import.
 */
export const INCUBATION_AGGREGATE = 'incubation';

/**
 * The coop's own record of its pre-history: what the consortium's project events say (stages,
 * support, funds, graduation), without the project's contact person (the consortium's personal
 * data, sealed with a key only the consortium holds), and where it came from: the bundle's seal
 * and the fingerprint of the key that signed it, checked at import. The consortium's events stay in
 * its own streams; no consortium view reads this one.
 */
export type IncubationHistoryReceived = DomainEvent<
  'IncubationHistoryReceived',
  {
    coopId: string;
    projectId: string;
    receivedOn: string;
    /** The bundle it came from: its seal hash and the signing key's fingerprint (SHA-256, hex). */
    bundle: { sealHash: string; signedBy: string };
    name: string;
    themes: Theme[];
    territory: string;
    /** Every stage closed: the last one on the graduation day. */
    stages: (StageSpell & { to: string })[];
    support: SupportGiven[];
    funds: FundsMovement[];
    graduation: { legalForm: LegalForm; graduatedOn: string };
  }
>;

export type IncubationHistoryEvent = IncubationHistoryReceived;
