import {
  AllocationDecided,
  AllocationDisbursed,
  AllocationProposed,
  CoopAdmitted,
  CoopWithdrawalSettled,
  ParticipantsEnrolled,
  ResourceBooked,
} from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import {
  admissionEffects,
  dataOf,
  WebhookEffect,
  WebhookEventSource,
  webhookEventSource,
  WebhookMemory,
  webhookPayloads as payload,
} from '@libs/webhooks';

/**
 * What the store's events mean to one coop's webhooks: the consortium's decisions about this coop,
 * the allocations it benefits from or proposed, its cancelled pledges, the enrolments in its trainings (or of
 * its people) and the bookings of its resources (or by it). An allocation decision or payment names
 * only the allocation: the proposal naming this coop is remembered (`allocation/<id>`).
 * `compliance.alert` is this coop's admission despite a refused rule (the consortium's other alerts
 * are the board's business); `funding.deadline_soon` has no source here: funding applications are
 * the consortium's.
 */
export function coopWebhookEvents(coopId: string): WebhookEventSource {
  const only =
    (
      applies: (event: RecordedEvent) => boolean,
      effects: (event: RecordedEvent) => WebhookEffect[],
    ) =>
    (event: RecordedEvent) => (applies(event) ? effects(event) : []);
  const ours = async (event: RecordedEvent, memory: WebhookMemory, paidToUs = false) =>
    paidToUs || (await memory.has(allocationMark(dataOf<AllocationDecided>(event).allocationId)));

  return webhookEventSource({
    CoopAdmitted: only((event) => dataOf<CoopAdmitted>(event).coopId === coopId, admissionEffects),
    CoopWithdrawalSettled: only(
      (event) => dataOf<CoopWithdrawalSettled>(event).coopId === coopId,
      (event) => [{ send: 'coop.withdrawn', data: payload.coopWithdrawn(event) }],
    ),
    AllocationProposed: async (event, memory) => {
      const { allocationId, beneficiaryCoopId, proposedByCoopId } =
        dataOf<AllocationProposed>(event);
      if (beneficiaryCoopId !== coopId && proposedByCoopId !== coopId) return [];
      await memory.add(allocationMark(allocationId));
      return [{ send: 'allocation.proposed', data: payload.allocationProposed(event) }];
    },
    AllocationDecided: async (event, memory) =>
      (await ours(event, memory))
        ? [{ send: 'allocation.decided', data: payload.allocationDecided(event) }]
        : [],
    AllocationDisbursed: async (event, memory) =>
      (await ours(event, memory, dataOf<AllocationDisbursed>(event).payeeCoopId === coopId))
        ? [{ send: 'allocation.disbursed', data: payload.allocationDisbursed(event) }]
        : [],
    PledgeCancelled: only(
      (event) => event.metadata.coopId === coopId,
      (event) => [{ send: 'pledge.cancelled', data: payload.pledgeCancelled(event) }],
    ),
    ParticipantsEnrolled: only(
      (event) => {
        const { providerCoopId, enrollingCoopId } = dataOf<ParticipantsEnrolled>(event);
        return providerCoopId === coopId || enrollingCoopId === coopId;
      },
      (event) => [{ send: 'training.enrolled', data: payload.trainingEnrolled(event) }],
    ),
    ResourceBooked: only(
      (event) => {
        const { ownerCoopId, bookingCoopId } = dataOf<ResourceBooked>(event);
        return ownerCoopId === coopId || bookingCoopId === coopId;
      },
      (event) => [{ send: 'booking.created', data: payload.bookingCreated(event) }],
    ),
  });
}

function allocationMark(allocationId: string): string {
  return `allocation/${allocationId}`;
}
