import {
  CONSORTIUM_STREAM_PREFIX,
  CoopAdmitted,
  CoopProfileEvent,
  coopOfStream,
  coopStream,
  consortiumStream,
  LegalForm,
  PROFILE_AGGREGATE,
  PROJECT_AGGREGATE,
  ProjectGraduated,
  REGISTRY_AGGREGATE,
  REGISTRY_ID,
  RegistryEvent,
  Theme,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/** Where a coop stands with the consortium (the public API); null: it described itself, never applied. */
export type CoopStatus = 'applicant' | 'admitted' | 'withdrawing' | 'withdrawn';
export const COOP_STATUSES: readonly CoopStatus[] = [
  'applicant',
  'admitted',
  'withdrawing',
  'withdrawn',
];

/** A coop as the consortium sees it: its own profile stream and the board's registry, merged. */
export interface MemberCoop {
  coopId: string;
  status: CoopStatus | null;
  name: string | null;
  legalForm: LegalForm | null;
  themes: Theme[];
  territory: string | null;
  appliedOn: string | null;
  admittedOn: string | null;
  withdrawalRequestedOn: string | null;
  withdrawnOn: string | null;
  admissionOverride: CoopAdmitted['data']['override'];
}

export const MEMBER_COOP_EVENT_TYPES = [
  'CoopProfileSet',
  'ConsortiumApplicationSubmitted',
  'ConsortiumWithdrawalRequested',
  'CoopAdmitted',
  'CoopWithdrawalSettled',
  // A project the consortium incubated became this coop: an applicant from its graduation.
  'ProjectGraduated',
] as const satisfies (CoopProfileEvent | RegistryEvent | ProjectGraduated)['type'][];

const REGISTRY_STREAM = consortiumStream(REGISTRY_AGGREGATE, REGISTRY_ID);

/**
 * The coop an event is about, or null for an event out of place. A coop's side counts only from
 * its own profile stream, the board's side only from the registry stream: a coop cannot speak for
 * another, nor for the board.
 */
export function memberCoopOf(event: RecordedEvent): string | null {
  if (event.streamId.startsWith(CONSORTIUM_STREAM_PREFIX)) {
    if (event.type === 'ProjectGraduated') {
      const { projectId, coopId } = event.data as ProjectGraduated['data'];
      return event.streamId === consortiumStream(PROJECT_AGGREGATE, projectId) ? coopId : null;
    }
    return event.streamId === REGISTRY_STREAM ? (event.data as RegistryEvent['data']).coopId : null;
  }
  const coopId = coopOfStream(event.streamId);
  return coopId && event.streamId === coopStream(coopId, PROFILE_AGGREGATE, coopId) ? coopId : null;
}

export function newMemberCoop(coopId: string): MemberCoop {
  return {
    coopId,
    status: null,
    name: null,
    legalForm: null,
    themes: [],
    territory: null,
    appliedOn: null,
    admittedOn: null,
    withdrawalRequestedOn: null,
    withdrawnOn: null,
    admissionOverride: null,
  };
}

/**
 * The coop after one more event. A settled withdrawal is final: what the coop's stream says after
 * it (a new profile) still shows, but never brings it back. The legal form is the latest said,
 * by the coop's profile or by the board's admission (which copies the profile's).
 */
export function evolveMemberCoop(
  current: MemberCoop | undefined,
  recorded: RecordedEvent,
  coopId: string,
): MemberCoop {
  const coop = current ?? newMemberCoop(coopId);
  const event = recorded as unknown as CoopProfileEvent | RegistryEvent | ProjectGraduated;
  const status = (next: CoopStatus): CoopStatus =>
    coop.status === 'withdrawn' ? 'withdrawn' : next;
  switch (event.type) {
    case 'CoopProfileSet': {
      const { name, legalForm, themes, territory } = event.data;
      return { ...coop, name, legalForm, themes, territory };
    }
    case 'ConsortiumApplicationSubmitted':
      return { ...coop, status: status('applicant'), appliedOn: event.data.submittedOn };
    case 'ConsortiumWithdrawalRequested':
      return {
        ...coop,
        status: status('withdrawing'),
        withdrawalRequestedOn: event.data.requestedOn,
      };
    case 'CoopAdmitted':
      return {
        ...coop,
        status: status('admitted'),
        legalForm: event.data.legalForm,
        admittedOn: event.data.admittedOn,
        admissionOverride: event.data.override,
      };
    case 'CoopWithdrawalSettled':
      return { ...coop, status: 'withdrawn', withdrawnOn: event.data.settledOn };
    case 'ProjectGraduated': {
      // The coop's own profile, when it already has one, speaks for it.
      const { name, legalForm, themes, territory, graduatedOn } = event.data;
      return {
        ...coop,
        status: coop.status ?? 'applicant',
        appliedOn: coop.appliedOn ?? graduatedOn,
        name: coop.name ?? name,
        legalForm: coop.legalForm ?? legalForm,
        themes: coop.themes.length ? coop.themes : themes,
        territory: coop.territory ?? territory,
      };
    }
  }
}
