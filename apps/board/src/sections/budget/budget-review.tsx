import { Allocation, Budget, MemberCoop, Page, Vote } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { ColumnHeads, numeric } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { ProblemMessage } from '../../components/problem-message';
import { UnitTotalsTable } from '../../components/unit-totals-table';
import { useI18n } from '../../i18n/i18n';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';
import { AllocationForm } from './allocation-form';
import { BudgetAgainstActual } from './budget-against-actual';
import { DisbursementForm } from './disbursement-form';
import { ClosingView } from './closing-view';

const STATUS_ORDER = { proposed: 0, approved: 1, rejected: 2 };
const VOTES: Vote[] = ['for', 'against', 'abstain'];

/** A period: its income, what is left to allocate, the allocations and their votes, its closing. */
export function BudgetReview({ periodId }: { periodId: string }) {
  const { api, session } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const budget = useApi(
    () => api.get<Budget>(`/budgets/${encodeURIComponent(periodId)}`),
    [api, periodId],
  );
  // Names for the coops that proposed allocations; until they load (or if they fail), their ids.
  const coops = useApi(() => api.get<Page<MemberCoop>>('/coops', { limit: '500' }), [api]);
  const coopName = (coopId: string) =>
    coops.data?.items.find((coop) => coop.coopId === coopId)?.name ?? coopId;
  return (
    <Loading loaded={budget}>
      {(data) => {
        const open = data.status === 'open';
        const allocations = [...data.allocations].sort(
          (a, b) => STATUS_ORDER[a.status] - STATUS_ORDER[b.status],
        );
        return (
          <>
            <p>
              {t(m.budget.dates, { from: format.day(data.startsOn), to: format.day(data.endsOn) })}{' '}
              — {open ? m.budget.statusOpen : m.budget.statusClosed}
            </p>
            <div className="columns">
              <UnitTotalsTable caption={m.budget.income} lines={data.income} />
              <table>
                <caption>{m.budget.available}</caption>
                <tbody>
                  {data.available.map((money) => (
                    <tr key={money.currency} data-available={money.currency}>
                      <th scope="row">{m.units[money.currency]}</th>
                      <td className="number">{format.quantity(money.amount, money.currency)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <BudgetAgainstActual budget={data} />

            <h3>{m.budget.allocations}</h3>
            {allocations.length === 0 ? (
              <p>{m.budget.noAllocations}</p>
            ) : (
              <table className="allocations">
                <ColumnHeads
                  columns={[
                    m.budget.allocation,
                    numeric(m.budget.amount),
                    numeric(m.budget.disbursed),
                    m.budget.status,
                    m.budget.tally,
                    canAct(session) && open && m.budget.decision,
                  ]}
                />
                <tbody>
                  {allocations.map((allocation) => (
                    <AllocationRow
                      key={allocation.allocationId}
                      allocation={allocation}
                      coopName={coopName}
                      votable={canAct(session) && open}
                      onVoted={budget.reload}
                    />
                  ))}
                </tbody>
              </table>
            )}
            {canAct(session) && open && (
              <AllocationForm periodId={periodId} onProposed={budget.reload} />
            )}
            {canAct(session) && (
              <DisbursementForm
                allocations={data.allocations}
                // The figures come from the books' read model, a moment behind the payment.
                onDisbursed={(allocationId, before) =>
                  budget.reloadUntil(
                    (now) =>
                      now.allocations.find((a) => a.allocationId === allocationId)?.disbursed
                        .amount !== before,
                  )
                }
              />
            )}
            <ClosingView budget={data} onClosed={budget.reload} />
          </>
        );
      }}
    </Loading>
  );
}

function AllocationRow({
  allocation,
  coopName,
  votable,
  onVoted,
}: {
  allocation: Allocation;
  coopName(coopId: string): string;
  votable: boolean;
  onVoted(): void;
}) {
  const { api, session } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const action = useAction();
  // One vote per board member: once cast, the page says how instead of offering the buttons.
  const mine = allocation.ballots.find((ballot) => ballot.voter === session.sub);
  const vote = (choice: Vote) =>
    action.submit(async (key) => {
      await api.post(`/allocations/${allocation.allocationId}/votes`, { vote: choice }, key);
      onVoted();
      return m.budget.votedFor;
    });
  return (
    <tr data-allocation={allocation.allocationId}>
      <th scope="row">
        {allocation.title}
        {allocation.proposedBy && (
          <small className="block proposed-by-coop" data-proposed-by={allocation.proposedBy.coopId}>
            {t(m.budget.proposedByCoop, { coop: coopName(allocation.proposedBy.coopId) })}
          </small>
        )}
      </th>
      <td className="number">
        {format.quantity(allocation.amount.amount, allocation.amount.currency)}
      </td>
      <td className="number">
        {format.quantity(allocation.disbursed.amount, allocation.disbursed.currency)}
      </td>
      <td>
        <span className={`status status-${allocation.status}`}>
          {m.allocationStatus[allocation.status]}
        </span>
      </td>
      <td>
        {t(m.budget.tallyText, allocation.votes)}
        {allocation.ballots.length > 0 && (
          <small className="block">
            {allocation.ballots.map((b) => `${b.voter}: ${m.vote[b.vote]}`).join(' · ')}
          </small>
        )}
      </td>
      {votable && (
        <td>
          {mine && t(m.budget.youVoted, { vote: m.vote[mine.vote] })}
          {allocation.status === 'proposed' && !mine && (
            <div role="group" aria-label={t(m.budget.yourVote, { title: allocation.title })}>
              {VOTES.map((choice) => (
                <button
                  key={choice}
                  type="button"
                  disabled={action.busy}
                  onClick={() => vote(choice)()}
                >
                  {m.vote[choice]}
                </button>
              ))}
            </div>
          )}
          <ProblemMessage error={action.error} />
          {action.done && <p role="status">{action.done}</p>}
        </td>
      )}
    </tr>
  );
}
