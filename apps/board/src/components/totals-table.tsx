import { TotalLine } from '../api/types';
import { useI18n } from '../i18n/i18n';

/**
 * Total lines grouped by a key (a pillar, a theme, a coop…): one row per key, paid and pledged
 * per unit side by side, EUR and SOL never added together.
 */
export function TotalsTable<L extends TotalLine>({
  caption,
  lines,
  keyOf,
  labelOf,
  keyHeader,
}: {
  caption: string;
  lines: L[];
  keyOf(line: L): string;
  labelOf(key: string): string;
  keyHeader: string;
}) {
  const { messages: m, format } = useI18n();
  const units = (['EUR', 'SOL', 'hours'] as const).filter((unit) =>
    lines.some((line) => line.unit === unit),
  );
  const keys = [...new Set(lines.map(keyOf))];
  const cell = (key: string, unit: TotalLine['unit']) =>
    lines.find((line) => keyOf(line) === key && line.unit === unit);
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{keyHeader}</th>
          {units.map((unit) => (
            <th scope="col" key={unit} className="number">
              {unit === 'hours' ? m.pooled.hoursGiven : `${m.pooled.paid} (${m.units[unit]})`}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {keys.map((key) => (
          <tr key={key}>
            <th scope="row">{labelOf(key)}</th>
            {units.map((unit) => {
              const line = cell(key, unit);
              return (
                <td key={unit} className="number">
                  {line ? format.quantity(line.paid, unit) : ''}
                  {line && line.pledged !== '0.00' && (
                    <small>
                      {' '}
                      + {format.quantity(line.pledged, unit)} {m.pooled.pledged.toLowerCase()}
                    </small>
                  )}
                </td>
              );
            })}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
