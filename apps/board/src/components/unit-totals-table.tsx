import { TotalLine } from '../api/types';
import { useI18n } from '../i18n/i18n';

/** One row per currency or unit: what was paid and what is pledged (outstanding). */
export function UnitTotalsTable({ caption, lines }: { caption: string; lines: TotalLine[] }) {
  const { messages: m, format } = useI18n();
  return (
    <table className="totals">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{m.pooled.unit}</th>
          <th scope="col" className="number">
            {m.pooled.paid}
          </th>
          <th scope="col" className="number">
            {m.pooled.pledged}
          </th>
        </tr>
      </thead>
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
