import { useEffect, useRef } from 'react';
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  Tooltip,
} from 'chart.js';
import { PILLARS } from '@libs/contracts';
import { PooledMeans, Unit } from '../../api/types';
import { useI18n } from '../../i18n/i18n';

Chart.register(BarController, BarElement, CategoryScale, LinearScale, Legend, Tooltip);

/** One colour per pillar, distinct for the common colour-vision deficiencies (Okabe–Ito). */
const PILLAR_COLOURS = { market: '#0072B2', non_market: '#E69F00', non_monetary: '#009E73' };

/**
 * Paid per month, stacked by pillar, in one unit. The canvas is an image to screen readers, with
 * the same figures in a table right after it.
 */
export function MonthPillarChart({ pooled, unit }: { pooled: PooledMeans; unit: Unit }) {
  const { messages: m, format, t } = useI18n();
  const canvas = useRef<HTMLCanvasElement>(null);
  const lines = pooled.byMonthAndPillar.filter((line) => line.unit === unit);
  const months = [...new Set(lines.map((line) => line.month))].sort();
  const pillars = PILLARS.filter((pillar) => lines.some((line) => line.pillar === pillar));
  const paid = (month: string, pillar: string) =>
    lines.find((line) => line.month === month && line.pillar === pillar)?.paid ?? '0.00';

  useEffect(() => {
    if (!canvas.current) return;
    const chart = new Chart(canvas.current, {
      type: 'bar',
      data: {
        labels: months.map(format.month),
        datasets: pillars.map((pillar) => ({
          label: m.pillars[pillar],
          data: months.map((month) => Number(paid(month, pillar))),
          backgroundColor: PILLAR_COLOURS[pillar],
        })),
      },
      options: {
        animation: false,
        maintainAspectRatio: false,
        scales: {
          x: { stacked: true },
          y: {
            stacked: true,
            ticks: { callback: (value) => format.quantity(String(value), unit) },
          },
        },
        plugins: {
          tooltip: {
            callbacks: {
              label: (item) => `${item.dataset.label}: ${format.quantity(String(item.raw), unit)}`,
            },
          },
        },
      },
    });
    return () => chart.destroy();
  });

  if (months.length === 0) return <p>{m.pooled.noneYet}</p>;
  return (
    <figure className="chart">
      <div className="chart-canvas">
        <canvas
          ref={canvas}
          role="img"
          aria-label={t(m.pooled.chartSummary, { unit: m.units[unit] })}
        />
      </div>
      <details>
        <summary>{m.pooled.chartTable}</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">{m.pooled.month}</th>
              {pillars.map((pillar) => (
                <th scope="col" key={pillar} className="number">
                  {m.pillars[pillar]}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {months.map((month) => (
              <tr key={month}>
                <th scope="row">{format.month(month)}</th>
                {pillars.map((pillar) => (
                  <td key={pillar} className="number">
                    {format.quantity(paid(month, pillar), unit)}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}
