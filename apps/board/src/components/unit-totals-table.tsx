import { TotalLine } from '../api/types';
import { ColumnHeads, numeric } from './column-heads';
import { useI18n } from '../i18n/i18n';

/** One row per currency or unit: what was paid and what is pledged (outstanding). */
export function UnitTotalsTable({ caption, lines }: { caption: string; lines: TotalLine[] }) {
  const { messages: m, format } = useI18n();
  return (
    <table className="totals">
      <caption>{caption}</caption>
      <ColumnHeads columns={[m.pooled.unit, numeric(m.pooled.paid), numeric(m.pooled.pledged)]} />
      <tbody>
        {lines.map((line) => (
          <tr key={line.unit} data-unit={line.unit}>
            <th scope="row">{m.units[line.unit]}</th>
            <td className="number" data-figure="paid">
              {format.quantity(line.paid, line.unit)}
            </td>
            <td className="number" data-figure="pledged">
              {format.quantity(line.pledged, line.unit)}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
