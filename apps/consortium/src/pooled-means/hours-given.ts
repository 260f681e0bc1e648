import {
  consortiumStream,
  ContributionRecorded,
  EXCHANGE_AGGREGATE,
  HoursConfirmed,
  ParticipantsEnrolled,
  TRAINING_ENROLMENTS_AGGREGATE,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';

/**
 * Hours one coop gives others without money changing hands, which the pooled means count as the
 * giving coop's `non_monetary` hours: a training's (enrolled participants × hours per participant,
 * for the month it starts) and exchanges once the receiving coop confirms them.
 */
export const HOURS_GIVEN_EVENT_TYPES = [
  'ParticipantsEnrolled',
  'HoursConfirmed',
] as const satisfies (ParticipantsEnrolled | HoursConfirmed)['type'][];

/** The hours given, as the contribution of the giving coop they amount to; null off its stream. */
export function hoursGivenAsContribution(
  recorded: RecordedEvent,
): { coopId: string; event: ContributionRecorded } | null {
  const event = recorded as unknown as ParticipantsEnrolled | HoursConfirmed;
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
  }
}
