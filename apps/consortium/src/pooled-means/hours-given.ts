import {
  consortiumStream,
  ContributionRecorded,
  EXCHANGE_AGGREGATE,
  HoursConfirmed,
  ParticipantsEnrolled,
  PROJECT_AGGREGATE,
  ProjectSupported,
  SupportKind,
  TRAINING_ENROLMENTS_AGGREGATE,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/**
 * Hours one coop gives others without money changing hands, which the pooled means count as the
 * giving coop's `non_monetary` hours: a training's (enrolled participants × hours per participant,
 * for the month it starts), exchanges once the receiving coop confirms them, and hours a coop gave
 * a project the consortium incubates.
 */
export const HOURS_GIVEN_EVENT_TYPES = [
  'ParticipantsEnrolled',
  'HoursConfirmed',
  'ProjectSupported',
] as const satisfies (ParticipantsEnrolled | HoursConfirmed | ProjectSupported)['type'][];

/** The contribution kind hours of support to a project count as. */
const SUPPORT_AS_CONTRIBUTION = {
  mentoring: 'skill_exchange',
  training: 'training',
  hosting: 'volunteering',
  funding: 'volunteering',
} as const satisfies Record<SupportKind, ContributionRecorded['data']['kind']>;

export function isHoursGiven(type: string): boolean {
  return (HOURS_GIVEN_EVENT_TYPES as readonly string[]).includes(type);
}

/** The hours given, as the contribution of the giving coop they amount to; null off its stream. */
export function hoursGivenAsContribution(
  recorded: RecordedEvent,
): { coopId: string; event: ContributionRecorded } | null {
  const event = recorded as unknown as ParticipantsEnrolled | HoursConfirmed | ProjectSupported;
  const given = (
    coopId: string,
    contributionId: string,
    kind: ContributionRecorded['data']['kind'],
    hundredths: number,
    month: string,
    day: string,
  ) => ({
    coopId,
    event: {
      type: 'ContributionRecorded' as const,
      data: {
        contributionId,
        kind,
        pillar: 'non_monetary' as const,
        quantity: { unit: 'hours' as const, hundredths },
        period: month,
        theme: event.data.theme,
        source: null,
        status: 'paid' as const,
        recordedOn: day,
      },
    },
  });
  switch (event.type) {
    case 'ParticipantsEnrolled': {
      const { trainingId, enrolmentId, providerCoopId, participants, hours } = event.data;
      if (recorded.streamId !== consortiumStream(TRAINING_ENROLMENTS_AGGREGATE, trainingId))
        return null;
      // At most 10,000 × 999,999,999.99 hours: within 2^53 hundredths.
      return given(
        providerCoopId,
        enrolmentId,
        'training',
        participants * hours,
        event.data.month,
        event.data.enrolledOn,
      );
    }
    case 'HoursConfirmed': {
      const { exchangeId, fromCoopId, kind, hours, on, confirmedOn } = event.data;
      if (recorded.streamId !== consortiumStream(EXCHANGE_AGGREGATE, exchangeId)) return null;
      return given(fromCoopId, exchangeId, kind, hours, on.slice(0, 7), confirmedOn);
    }
    case 'ProjectSupported': {
      const { projectId, supportId, kind, hours, byCoopId, on } = event.data;
      if (recorded.streamId !== consortiumStream(PROJECT_AGGREGATE, projectId)) return null;
      // Money given, or hours the consortium gave itself: no coop's hours given.
      if (hours === null || byCoopId === null) return null;
      return given(byCoopId, supportId, SUPPORT_AS_CONTRIBUTION[kind], hours, on.slice(0, 7), on);
    }
  }
}
