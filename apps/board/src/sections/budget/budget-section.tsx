import { useId, useState } from 'react';
import { BudgetPeriod } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { Loading } from '../../components/loading';
import { ProblemMessage } from '../../components/problem-message';
import { useI18n } from '../../i18n/i18n';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';
import { BudgetReview } from './budget-review';

/** Budget periods: pick one to review (the newest first), or open the first one. */
export function BudgetSection() {
  const { api, session } = useSignedIn();
  const { messages: m, t, format } = useI18n();
  const periods = useApi(() => api.get<{ items: BudgetPeriod[] }>('/budgets'), [api]);
  const [chosen, setChosen] = useState<string | null>(null);
  const periodId = useId();
  return (
    <section aria-labelledby="budget-title">
      <h2 id="budget-title">{m.budget.title}</h2>
      <Loading loaded={periods}>
        {({ items }) => {
          // A period just opened may not be listed yet (the list is a read model; the period
          // itself reads from its own stream): offer it all the same.
          const listed: (BudgetPeriod | { periodId: string })[] =
            chosen && !items.some((p) => p.periodId === chosen)
              ? [{ periodId: chosen }, ...items]
              : items;
          const current = chosen ?? currentPeriod(items)?.periodId;
          return (
            <>
              {listed.length === 0 ? (
                <p>{m.budget.none}</p>
              ) : (
                <div className="field">
                  <label htmlFor={periodId}>{m.budget.period}</label>
                  <select
                    id={periodId}
                    value={current}
                    onChange={(event) => setChosen(event.target.value)}
                  >
                    {listed.map((period) => (
                      <option key={period.periodId} value={period.periodId}>
                        {'startsOn' in period
                          ? `${period.periodId} (${t(m.budget.dates, {
                              from: format.day(period.startsOn),
                              to: format.day(period.endsOn),
                            })}, ${period.status === 'open' ? m.budget.statusOpen : m.budget.statusClosed})`
                          : period.periodId}
                      </option>
                    ))}
                  </select>
                </div>
              )}
              {current && <BudgetReview key={current} periodId={current} />}
              {canAct(session) && (
                <OpenBudgetForm
                  onOpened={(id) => {
                    setChosen(id);
                    periods.reloadUntil(({ items: now }) => now.some((p) => p.periodId === id));
                  }}
                />
              )}
            </>
          );
        }}
      </Loading>
    </section>
  );
}

function OpenBudgetForm({ onOpened }: { onOpened(periodId: string): void }) {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  const action = useAction();
  const [year, setYear] = useState(String(new Date().getFullYear() + 1));
  const yearId = useId();
  return (
    <details>
      <summary>{m.budget.open}</summary>
      <form
        className="inline"
        onSubmit={action.submit(async (key) => {
          await api.post('/budgets', { periodId: year }, key);
          onOpened(year);
        })}
      >
        <label htmlFor={yearId}>{m.budget.periodId}</label>
        <input
          id={yearId}
          required
          pattern="[0-9]{4}"
          inputMode="numeric"
          value={year}
          onChange={(event) => setYear(event.target.value)}
        />
        <button type="submit" disabled={action.busy}>
          {m.budget.openSubmit}
        </button>
        <ProblemMessage error={action.error} />
      </form>
    </details>
  );
}

/** The year under review: the period that holds today, else the newest. */
function currentPeriod(periods: BudgetPeriod[]): BudgetPeriod | undefined {
  const today = new Date().toISOString().slice(0, 10);
  return periods.find((p) => p.startsOn <= today && today <= p.endsOn) ?? periods[0];
}
