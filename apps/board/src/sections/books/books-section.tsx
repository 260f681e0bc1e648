import { FundingApplication, LedgerLine, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { ColumnHeads, numeric } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { useI18n } from '../../i18n/i18n';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';
import { callsInOrder, isSoon } from './calls-order';
import { IncomeForm } from './income-form';

/** The consortium's own money: its income, the calls it applied to, the year's ledger. */
export function BooksSection() {
  const { api, session } = useSignedIn();
  const { messages: m, format } = useI18n();
  const year = new Date().toISOString().slice(0, 4);
  const kindOf = (kind: string) =>
    kind in m.incomeKinds
      ? m.incomeKinds[kind as keyof typeof m.incomeKinds]
      : kind in m.ledgerKinds
        ? m.ledgerKinds[kind as keyof typeof m.ledgerKinds]
        : kind;
  const calls = useApi(
    () => api.get<Page<FundingApplication>>('/funding-applications', { limit: '500' }),
    [api],
  );
  const ledger = useApi(async () => {
    // Every page of the year: each member coop's payment is a line, a year has many pages.
    const items: LedgerLine[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.get<Page<LedgerLine>>('/ledger', {
        from: `${year}-01-01`,
        to: `${year}-12-31`,
        limit: '500',
        cursor,
      });
      items.push(...page.items);
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    return { items, nextCursor: null };
  }, [api, year]);
  const today = new Date().toISOString().slice(0, 10);
  return (
    <section aria-labelledby="books-title">
      <h2 id="books-title">{m.books.title}</h2>
      {canAct(session) && (
        <IncomeForm
          applications={calls.data?.items ?? []}
          onRecorded={(count) => {
            // The ledger is a read model: it shows the income a moment after it is recorded.
            ledger.reloadUntil((now) => now.items.length > count);
            calls.reload();
          }}
          ledgerLength={ledger.data?.items.length ?? 0}
        />
      )}

      <h3>{m.books.calls}</h3>
      <Loading loaded={calls}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{m.books.noCalls}</p>
          ) : (
            <table className="calls">
              <ColumnHeads
                columns={[
                  m.books.call,
                  m.books.deadline,
                  m.books.status,
                  numeric(m.books.requested),
                  numeric(m.books.awarded),
                  numeric(m.books.received),
                ]}
              />
              <tbody>
                {callsInOrder(items, today).map((call) => (
                  <tr key={call.applicationId} data-application={call.applicationId}>
                    <th scope="row">
                      {call.call} <small className="block">{call.funder}</small>
                    </th>
                    <td>
                      {format.day(call.deadline)}
                      {isSoon(call, today) && <strong className="block">{m.books.soon}</strong>}
                    </td>
                    <td>{m.applicationStatus[call.status]}</td>
                    <td className="number">
                      {format.quantity(call.requested.amount, call.requested.currency)}
                    </td>
                    <td className="number">
                      {call.awarded && format.quantity(call.awarded.amount, call.awarded.currency)}
                    </td>
                    <td className="number">
                      {format.quantity(call.received.amount, call.received.currency)}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>

      <h3>{m.books.ledger}</h3>
      <Loading loaded={ledger}>
        {({ items }) =>
          items.length === 0 ? (
            <p>{m.books.noMovements}</p>
          ) : (
            <table className="ledger">
              <ColumnHeads
                columns={[
                  m.books.date,
                  m.books.direction,
                  m.books.kind,
                  m.books.counterpart,
                  numeric(m.books.amount),
                  m.books.reference,
                ]}
              />
              <tbody>
                {items.map((line) => (
                  <tr key={line.eventId}>
                    <td>{format.day(line.date)}</td>
                    <td>{m.direction[line.direction]}</td>
                    <td>{kindOf(line.kind)}</td>
                    <th scope="row">{line.counterpart}</th>
                    <td className="number">{format.quantity(line.amount, line.currency)}</td>
                    <td>{line.reference}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )
        }
      </Loading>
    </section>
  );
}
