import { coopOfStream, coopStream, WORKFORCE_AGGREGATE, WorkforceRecorded } from '@libs/contracts';
import { RecordedEvent } from '@libs/event-store';
import { MonthlyWorkforce } from '@libs/rules';

/** One month of a coop's workforce, as the coop recorded it last (for the type-B quota). */
export interface CoopWorkforceMonth extends MonthlyWorkforce {
  /** `<coopId>/<month>` */
  id: string;
  coopId: string;
}

export const COOP_WORKFORCE_EVENT_TYPES = ['WorkforceRecorded'] as const satisfies [
  WorkforceRecorded['type'],
];

/** The month's row, when the event lies on the workforce stream of the coop it belongs to. */
export function coopWorkforceMonthOf(event: RecordedEvent): string | null {
  const coopId = coopOfStream(event.streamId);
  const month = (event.data as { month?: unknown }).month;
  return coopId &&
    typeof month === 'string' &&
    event.streamId === coopStream(coopId, WORKFORCE_AGGREGATE, coopId)
    ? `${coopId}/${month}`
    : null;
}

/** A month recorded again is corrected: the last record holds. */
export function evolveCoopWorkforceMonth(
  _row: CoopWorkforceMonth | undefined,
  recorded: RecordedEvent,
  id: string,
): CoopWorkforceMonth {
  const { month, workers, disadvantaged } = (recorded as unknown as WorkforceRecorded).data;
  return { id, coopId: id.slice(0, id.lastIndexOf('/')), month, workers, disadvantaged };
}
