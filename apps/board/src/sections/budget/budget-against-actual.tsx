import { Budget } from '../../api/types';
import { ColumnHeads, numeric } from '../../components/column-heads';
import { useI18n } from '../../i18n/i18n';

/** The period's cash, and what was approved against what was paid out, per theme. */
export function BudgetAgainstActual({ budget }: { budget: Budget }) {
  const { messages: m, format } = useI18n();
  return (
    <div className="columns">
      <table className="cash">
        <caption>{m.budget.cash}</caption>
        <ColumnHeads
          columns={[
            m.budget.currency,
            numeric(m.budget.received),
            numeric(m.budget.disbursed),
            numeric(m.budget.balance),
          ]}
        />
        <tbody>
          {budget.cash.map((line) => (
            <tr key={line.currency} data-cash={line.currency}>
              <th scope="row">{m.units[line.currency]}</th>
              <td className="number">{format.quantity(line.received, line.currency)}</td>
              <td className="number">{format.quantity(line.disbursed, line.currency)}</td>
              <td className="number">{format.quantity(line.balance, line.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="against-actual">
        <caption>{m.budget.againstActual}</caption>
        <ColumnHeads
          columns={[m.budget.theme, numeric(m.budget.approved), numeric(m.budget.disbursed)]}
        />
        <tbody>
          {budget.byTheme.map((line) => (
            <tr key={`${line.theme}/${line.currency}`} data-theme={line.theme ?? ''}>
              <th scope="row">{line.theme ? m.themes[line.theme] : m.budget.noTheme}</th>
              <td className="number">{format.quantity(line.approved, line.currency)}</td>
              <td className="number">{format.quantity(line.disbursed, line.currency)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
