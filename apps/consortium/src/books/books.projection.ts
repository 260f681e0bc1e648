import { EntityManager } from 'typeorm';
import {
  AllocationDisbursed,
  BooksEvent,
  CONSORTIUM_STREAM_PREFIX,
  FundingApplied,
  FundingDecided,
  FundingReceived,
  IncomeReceived,
} from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { RecordedEvent } from '@libs/event-store';
import { Projection } from '@libs/projections';

function tables(manager: EntityManager) {
  return {
    ledger: qualifiedTable(manager.connection, 'books_ledger'),
    applications: qualifiedTable(manager.connection, 'funding_applications'),
  };
}

/** A ledger line as the projection writes it: the event's own id keys it, so replays add nothing. */
interface LedgerLine {
  direction: 'in' | 'out';
  kind: string;
  counterpart: string;
  coopId: string | null;
  onDay: string;
  currency: string;
  hundredths: number;
  reference: string;
  periodId: string | null;
  allocationId: string | null;
  theme: string | null;
}

function ledgerLine(event: BooksEvent): LedgerLine | null {
  switch (event.type) {
    case 'IncomeReceived':
    case 'FundingReceived': {
      const data = event.data as IncomeReceived['data'] & Partial<FundingReceived['data']>;
      return {
        direction: 'in',
        kind: data.kind,
        counterpart: data.funder,
        coopId: null,
        onDay: data.receivedOn,
        currency: data.amount.unit,
        hundredths: data.amount.hundredths,
        reference: data.applicationId ?? data.incomeId,
        periodId: null,
        allocationId: null,
        theme: null,
      };
    }
    case 'AllocationDisbursed': {
      const data: AllocationDisbursed['data'] = event.data;
      return {
        direction: 'out',
        kind: 'disbursement',
        counterpart: data.payeeName ?? data.payeeCoopId!,
        coopId: data.payeeCoopId,
        onDay: data.paidOn,
        currency: data.amount.unit,
        hundredths: data.amount.hundredths,
        reference: data.reference,
        periodId: data.periodId,
        allocationId: data.allocationId,
        theme: data.theme,
      };
    }
    default:
      return null;
  }
}

/**
 * The consortium's books (`books_ledger`, `funding_applications`): its own income and what it
 * paid out, and the calls it applied to. Events come one statement each: a consortium records a
 * handful a day.
 */
export const booksProjection: Projection = {
  name: 'books',
  version: 1,
  // The consortium's own streams only: the same event types anywhere else are nobody's books.
  filter: { streamPrefix: CONSORTIUM_STREAM_PREFIX },
  eventTypes: [
    'FundingApplied',
    'FundingDecided',
    'FundingReceived',
    'IncomeReceived',
    'AllocationDisbursed',
  ] satisfies BooksEvent['type'][],

  async reset(manager) {
    const { ledger, applications } = tables(manager);
    await manager.query(`TRUNCATE ${ledger}, ${applications}`);
  },

  async apply(events: RecordedEvent[], manager) {
    const { ledger, applications } = tables(manager);
    for (const recorded of events) {
      const event = recorded as unknown as BooksEvent;
      const line = ledgerLine(event);
      if (line) {
        await manager.query(
          `INSERT INTO ${ledger} (event_id, position, on_day, direction, kind, counterpart, coop_id,
                                  currency, hundredths, reference, period_id, allocation_id, theme)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9::numeric, $10, $11, $12, $13)
           ON CONFLICT (event_id) DO NOTHING`,
          [
            recorded.eventId,
            recorded.globalPosition,
            line.onDay,
            line.direction,
            line.kind,
            line.counterpart,
            line.coopId,
            line.currency,
            String(line.hundredths),
            line.reference,
            line.periodId,
            line.allocationId,
            line.theme,
          ],
        );
      }
      if (event.type === 'FundingApplied') {
        const data: FundingApplied['data'] = event.data;
        await manager.query(
          `INSERT INTO ${applications} (application_id, funder, call, kind, currency, requested,
                                        deadline, theme, status, received)
           VALUES ($1, $2, $3, $4, $5, $6::numeric, $7, $8, 'open', 0)
           ON CONFLICT (application_id) DO NOTHING`,
          [
            data.applicationId,
            data.funder,
            data.call,
            data.kind,
            data.requested.unit,
            String(data.requested.hundredths),
            data.deadline,
            data.theme,
          ],
        );
      } else if (event.type === 'FundingDecided') {
        const data: FundingDecided['data'] = event.data;
        await manager.query(
          `UPDATE ${applications}
              SET status = $2, awarded = $3::numeric, decided_on = $4, reporting_due_on = $5
            WHERE application_id = $1`,
          [
            data.applicationId,
            data.outcome,
            data.awarded ? String(data.awarded.hundredths) : null,
            data.decidedOn,
            data.reportingDueOn,
          ],
        );
      } else if (event.type === 'FundingReceived') {
        await manager.query(
          `UPDATE ${applications} SET received = received + $2::numeric WHERE application_id = $1`,
          [event.data.applicationId, String(event.data.amount.hundredths)],
        );
      }
    }
  },
};
