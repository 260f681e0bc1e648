import { CoopProfileEvent, LegalForm } from '@libs/contracts';

/** What the consortium reads of a coop's own profile stream before admitting it. */
export interface CoopApplication {
  legalForm: LegalForm | null;
  applied: boolean;
  withdrawalRequested: boolean;
  /** The key that signs the coop's bundles, as its application gave it (null before format 2). */
  bundleKey: string | null;
  /** The day the coop gave notice: c.c. 2532 fixes its exit year from it. */
  withdrawalRequestedOn: string | null;
}

export function coopApplication(events: CoopProfileEvent[]): CoopApplication {
  return events.reduce<CoopApplication>(
    (application, event) =>
      event.type === 'CoopProfileSet'
        ? { ...application, legalForm: event.data.legalForm }
        : event.type === 'ConsortiumApplicationSubmitted'
          ? { ...application, applied: true, bundleKey: event.data.bundleKey ?? null }
          : {
              ...application,
              withdrawalRequested: true,
              withdrawalRequestedOn: event.data.requestedOn,
            },
    {
      legalForm: null,
      applied: false,
      withdrawalRequested: false,
      withdrawalRequestedOn: null,
      bundleKey: null,
    },
  );
}
