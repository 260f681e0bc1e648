import { useId, useState } from 'react';
import { PooledMeans, Unit } from '../../api/types';
import { useApi } from '../../api/use-api';
import { Loading } from '../../components/loading';
import { TotalsTable } from '../../components/totals-table';
import { UnitTotalsTable } from '../../components/unit-totals-table';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';
import { MonthPillarChart } from './month-pillar-chart';

/** The consortium's charter goal for the complementary currency (the public API: sol_share_at_most_20pct). */
const SOL_GOAL = '0.20';

export function PooledMeansSection() {
  const { api } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  const [asOf, setAsOf] = useState('');
  const [chartUnit, setChartUnit] = useState<Unit>('EUR');
  const pooled = useApi(() => api.get<PooledMeans>('/pooled-means', { asOf }), [api, asOf]);
  const ids = { asOf: useId(), hint: useId(), unit: useId() };

  return (
    <section aria-labelledby="pooled-title">
      <h2 id="pooled-title">{m.pooled.title}</h2>
      <div className="field">
        <label htmlFor={ids.asOf}>{m.pooled.asOf}</label>
        <input
          id={ids.asOf}
          type="date"
          value={asOf}
          max={new Date().toISOString().slice(0, 10)}
          aria-describedby={ids.hint}
          onChange={(event) => setAsOf(event.target.value)}
        />
        <small id={ids.hint}>{m.pooled.asOfHint}</small>
      </div>
      <Loading loaded={pooled}>
        {(data) => (
          <>
            <UnitTotalsTable
              caption={`${m.pooled.totals} — ${format.day(data.asOf)}`}
              lines={data.totals}
            />

            <div className="shares">
              <p>
                <span id="sol-share-label">{m.pooled.solShare}</span>:{' '}
                <strong data-figure="sol-share">{format.percent(data.solShare)}</strong>{' '}
                <meter
                  aria-labelledby="sol-share-label"
                  min={0}
                  max={1}
                  high={Number(SOL_GOAL)}
                  optimum={0}
                  value={Number(data.solShare ?? 0)}
                />{' '}
                ({t(m.pooled.solGoal, { goal: format.percent(SOL_GOAL) })})
              </p>
              <p>
                {m.pooled.nonMonetaryShare}:{' '}
                <strong>{format.percent(data.nonMonetaryShare)}</strong>
              </p>
            </div>

            <h3>{m.pooled.chartTitle}</h3>
            <div className="field">
              <label htmlFor={ids.unit}>{m.pooled.chartUnit}</label>
              <select
                id={ids.unit}
                value={chartUnit}
                onChange={(event) => setChartUnit(event.target.value as Unit)}
              >
                {(['EUR', 'SOL', 'hours'] as const).map((unit) => (
                  <option key={unit} value={unit}>
                    {m.units[unit]}
                  </option>
                ))}
              </select>
            </div>
            <MonthPillarChart pooled={data} unit={chartUnit} />

            <div className="columns">
              <TotalsTable
                caption={m.pooled.byPillar}
                lines={data.byPillar}
                keyOf={(line) => line.pillar}
                labelOf={(pillar) => m.pillars[pillar as keyof typeof m.pillars]}
                keyHeader={m.pooled.byPillar}
              />
              <TotalsTable
                caption={m.pooled.byTheme}
                lines={data.byTheme}
                keyOf={(line) => line.theme}
                labelOf={(theme) => m.themes[theme as keyof typeof m.themes]}
                keyHeader={m.pooled.byTheme}
              />
            </div>
          </>
        )}
      </Loading>
    </section>
  );
}
