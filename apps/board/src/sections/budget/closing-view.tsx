import { useId, useState } from 'react';
import { Budget } from '../../api/types';
import { useAction } from '../../components/action-form';
import { ProblemMessage } from '../../components/problem-message';
import { useI18n } from '../../i18n/i18n';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';

/** The closing of the year: its split once closed; the form to close it before. */
export function ClosingView({ budget, onClosed }: { budget: Budget; onClosed(): void }) {
  const { api, session } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const action = useAction();
  const [netResult, setNetResult] = useState('');
  const [legalReserve, setLegalReserve] = useState('');
  // Empty: the API's default, the whole rest to the indivisible reserve.
  const [rest, setRest] = useState<{ purpose: string; amount: string }[]>([]);
  const setLine = (index: number, field: 'purpose' | 'amount', value: string) =>
    setRest((lines) => lines.map((line, i) => (i === index ? { ...line, [field]: value } : line)));
  const id = useId();
  const { closing } = budget;

  if (closing) {
    const eur = (amount: string) => format.quantity(amount, 'EUR');
    return (
      <>
        <h3>{m.budget.closing}</h3>
        <table className="closing">
          <caption>{t(m.budget.closedOn, { date: format.day(closing.closedOn) })}</caption>
          <tbody>
            <tr>
              <th scope="row">{m.budget.netResult}</th>
              <td className="number">{eur(closing.netResult.amount)}</td>
            </tr>
            <tr>
              <th scope="row">
                {closing.form === 'scic' ? m.budget.legalReserveScic : m.budget.legalReserve}
              </th>
              <td className="number">{eur(closing.legalReserve.amount)}</td>
            </tr>
            {/* A French SCIC pays no Italian mutual fund. */}
            {closing.form !== 'scic' && (
              <tr>
                <th scope="row">{m.budget.mutualFund}</th>
                <td className="number">{eur(closing.mutualFund.amount)}</td>
              </tr>
            )}
            {closing.dividends.amount !== '0.00' && (
              <tr>
                <th scope="row">{m.budget.dividends}</th>
                <td className="number">{eur(closing.dividends.amount)}</td>
              </tr>
            )}
            {closing.remainder.map((line) => (
              <tr key={line.purpose}>
                <th scope="row">
                  {m.budget.remainder}: {line.purpose}
                </th>
                <td className="number">{eur(line.amount.amount)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </>
    );
  }
  if (!canAct(session) || budget.status !== 'open') return null;
  return (
    <details>
      <summary>{m.budget.closeYear}</summary>
      <form
        className="stacked"
        onSubmit={action.submit(async (key) => {
          await api.post(
            `/budgets/${encodeURIComponent(budget.periodId)}/closing`,
            {
              netResult: { amount: netResult, currency: 'EUR' },
              legalReserve: legalReserve ? { amount: legalReserve, currency: 'EUR' } : undefined,
              remainder:
                rest.length > 0
                  ? rest.map((line) => ({
                      purpose: line.purpose,
                      amount: { amount: line.amount, currency: 'EUR' },
                    }))
                  : undefined,
            },
            key,
          );
          onClosed();
        })}
      >
        <label htmlFor={`${id}-net`}>{m.budget.netResult}</label>
        <input
          id={`${id}-net`}
          required
          inputMode="decimal"
          pattern="-?[0-9]{1,12}([.][0-9]{1,2})?"
          placeholder="12000.00"
          value={netResult}
          onChange={(event) => setNetResult(event.target.value)}
        />
        <label htmlFor={`${id}-reserve`}>{m.budget.legalReserveOptional}</label>
        <input
          id={`${id}-reserve`}
          inputMode="decimal"
          pattern="[0-9]{1,12}([.][0-9]{1,2})?"
          value={legalReserve}
          onChange={(event) => setLegalReserve(event.target.value)}
        />
        <fieldset>
          <legend>{m.budget.rest}</legend>
          {rest.map((line, index) => {
            const n = index + 1;
            return (
              <div className="inline" key={index}>
                <label htmlFor={`${id}-rest-${n}`}>{t(m.budget.restPurpose, { n })}</label>
                <input
                  id={`${id}-rest-${n}`}
                  required
                  maxLength={200}
                  value={line.purpose}
                  onChange={(event) => setLine(index, 'purpose', event.target.value)}
                />
                <label htmlFor={`${id}-rest-amount-${n}`}>{t(m.budget.restAmount, { n })}</label>
                <input
                  id={`${id}-rest-amount-${n}`}
                  required
                  inputMode="decimal"
                  pattern="[0-9]{1,12}([.][0-9]{1,2})?"
                  value={line.amount}
                  onChange={(event) => setLine(index, 'amount', event.target.value)}
                />
                <button
                  type="button"
                  onClick={() => setRest((lines) => lines.filter((_, i) => i !== index))}
                >
                  {t(m.budget.removeLine, { n })}
                </button>
              </div>
            );
          })}
          <button
            type="button"
            onClick={() => setRest((lines) => [...lines, { purpose: '', amount: '' }])}
          >
            {m.budget.addLine}
          </button>
        </fieldset>
        <div>
          <button type="submit" disabled={action.busy}>
            {m.budget.closeSubmit}
          </button>
        </div>
        <ProblemMessage error={action.error} />
      </form>
    </details>
  );
}
