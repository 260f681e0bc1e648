import { EntityManager } from 'typeorm';
import {
  AllocationDisbursed,
  BooksEvent,
  CONSORTIUM_STREAM_PREFIX,
  Currency,
  FundingApplied,
  FundingDecided,
  FundingReceived,
  IncomeReceived,
} from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
import { RecordedEvent } from '@libs/event-store';
import { Projection } from '@libs/projections';
import {
  contributionKey,
  CoopStanding,
  readCoopStandings,
  saveCoopStandings,
} from '../pooled-means';
import {
  bookCoopMoney,
  COOP_MONEY_EVENT_TYPES,
  coopMoneyFacts,
  coopMoneyToLoad,
} from './coop-money';
import { COOP_MONEY_KIND } from './ledger-line';

function tables(manager: EntityManager) {
  return {
    ledger: qualifiedTable(manager.connection, 'books_ledger'),
    applications: qualifiedTable(manager.connection, 'funding_applications'),
    standings: qualifiedTable(manager.connection, 'books_coop_standings'),
    pledges: qualifiedTable(manager.connection, 'books_open_pledges'),
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

/** The books' own events, and those that tell member coops' money (`coop-money.ts`). */
const BOOKS_EVENT_TYPES = [
  'FundingApplied',
  'FundingDecided',
  'FundingReceived',
  'IncomeReceived',
  'AllocationDisbursed',
] satisfies BooksEvent['type'][];

/**
 * The consortium's books (`books_ledger`, `funding_applications`): its own income and what it
 * paid out, the calls it applied to, and the money member coops paid in, one line per payment.
 * The consortium's own events come one statement each (a handful a day); the coops' money, many
 * more, a few statements per batch (`coop-money.ts`).
 */
export const booksProjection: Projection = {
  name: 'books',
  // 2: member coops' money one line per payment, with its coop and event.
  version: 2,
  eventTypes: [...BOOKS_EVENT_TYPES, ...COOP_MONEY_EVENT_TYPES],
  batchSize: 2_000,

  async reset(manager) {
    const { ledger, applications, standings, pledges } = tables(manager);
    await manager.query(`TRUNCATE ${ledger}, ${applications}, ${standings}, ${pledges}`);
  },

  async apply(events: RecordedEvent[], manager) {
    // The same types on any other stream are nobody's books.
    const own = events.filter(
      (e) =>
        e.streamId.startsWith(CONSORTIUM_STREAM_PREFIX) &&
        (BOOKS_EVENT_TYPES as string[]).includes(e.type),
    );
    for (const recorded of own) await applyOwn(recorded, manager);
    await applyCoopMoney(events, manager);
  },
};

async function applyOwn(recorded: RecordedEvent, manager: EntityManager): Promise<void> {
  const { ledger, applications } = tables(manager);
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

/**
 * Member coops' money of a batch: at most five statements whatever its size (read the standings
 * and take out the open pledges it names, write its lines, the pledges it opens, the standings it
 * changed), rows as one array per column (`unnest`).
 */
async function applyCoopMoney(events: RecordedEvent[], manager: EntityManager): Promise<void> {
  const { ledger, standings, pledges } = tables(manager);
  const facts = coopMoneyFacts(events);
  if (facts.length === 0) return;
  const wanted = coopMoneyToLoad(facts);
  const [standingsBefore, pledgeRows]: [
    Map<string, CoopStanding>,
    { coop_id: string; contribution_id: string; currency: Currency; hundredths: string }[],
  ] = await Promise.all([
    readCoopStandings(manager, standings, wanted.coopIds),
    wanted.pledges.length === 0
      ? []
      : manager.query(
          `WITH settling AS (
             DELETE FROM ${pledges}
              WHERE (coop_id, contribution_id) IN (SELECT * FROM unnest($1::text[], $2::uuid[]))
             RETURNING coop_id, contribution_id, currency, hundredths
           )
           SELECT * FROM settling`,
          [wanted.pledges.map((p) => p.coopId), wanted.pledges.map((p) => p.contributionId)],
        ),
  ]);
  const booked = bookCoopMoney(
    facts,
    new Map(
      pledgeRows.map((row) => [
        contributionKey(row.coop_id, row.contribution_id),
        {
          coopId: row.coop_id,
          contributionId: row.contribution_id,
          currency: row.currency,
          hundredths: BigInt(row.hundredths),
        },
      ]),
    ),
    standingsBefore,
  );
  const { lines, opened } = booked;
  if (lines.length > 0) {
    await manager.query(
      `INSERT INTO ${ledger} (event_id, position, on_day, direction, kind, counterpart, coop_id,
                              currency, hundredths, reference)
       SELECT event_id, position, on_day, 'in', '${COOP_MONEY_KIND}', coop_id, coop_id, currency,
              hundredths, reference
         FROM unnest($1::uuid[], $2::bigint[], $3::date[], $4::text[], $5::text[], $6::numeric[],
                     $7::text[])
           AS line(event_id, position, on_day, coop_id, currency, hundredths, reference)
       ON CONFLICT (event_id) DO NOTHING`,
      [
        lines.map((l) => l.eventId),
        lines.map((l) => l.position),
        lines.map((l) => l.day),
        lines.map((l) => l.coopId),
        lines.map((l) => l.currency),
        lines.map((l) => l.hundredths.toString()),
        lines.map((l) => l.contributionId),
      ],
    );
  }
  if (opened.length > 0) {
    await manager.query(
      `INSERT INTO ${pledges} (coop_id, contribution_id, currency, hundredths)
       SELECT * FROM unnest($1::text[], $2::uuid[], $3::text[], $4::numeric[])
       ON CONFLICT DO NOTHING`,
      [
        opened.map((p) => p.coopId),
        opened.map((p) => p.contributionId),
        opened.map((p) => p.currency),
        opened.map((p) => p.hundredths.toString()),
      ],
    );
  }
  await saveCoopStandings(manager, standings, booked.standings);
}
