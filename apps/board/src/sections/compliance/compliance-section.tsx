import { Compliance, Indicator, MemberCoop, Page } from '../../api/types';
import { useApi } from '../../api/use-api';
import { ColumnHeads, numeric } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

/** Alerts first, then by rule name: what needs the board's attention is on top. */
function alertsFirst(indicators: Indicator[]): Indicator[] {
  return [...indicators].sort(
    (a, b) =>
      Number(b.status === 'alert') - Number(a.status === 'alert') || a.rule.localeCompare(b.rule),
  );
}

export function ComplianceSection() {
  const { api } = useSignedIn();
  const { messages: m, t } = useI18n();
  const compliance = useApi(
    () =>
      Promise.all([
        api.get<Compliance>('/compliance'),
        api.get<Page<MemberCoop>>('/coops', { limit: '500' }),
      ]),
    [api],
  );
  return (
    <section aria-labelledby="compliance-title">
      <h2 id="compliance-title">{m.compliance.title}</h2>
      <Loading loaded={compliance}>
        {([report, coops]) => {
          const nameOf = (coopId: string) =>
            coops.items.find((coop) => coop.coopId === coopId)?.name ?? coopId;
          // Coops with an alert come first too.
          const coopReports = [...report.coops].sort(
            (a, b) =>
              alertCount(b.indicators) - alertCount(a.indicators) ||
              nameOf(a.coopId).localeCompare(nameOf(b.coopId)),
          );
          return (
            <>
              <IndicatorTable caption={m.compliance.consortium} indicators={report.consortium} />
              {coopReports.map((coop) => (
                <IndicatorTable
                  key={coop.coopId}
                  caption={t(m.compliance.coop, { name: nameOf(coop.coopId) })}
                  indicators={coop.indicators}
                />
              ))}
            </>
          );
        }}
      </Loading>
    </section>
  );
}

/** Ratios come with four decimals (`"0.3000"`); counts (coops, categories, days) are whole. */
function isRatio(value: string): boolean {
  return value.includes('.');
}

function alertCount(indicators: Indicator[]): number {
  return indicators.filter((indicator) => indicator.status === 'alert').length;
}

function IndicatorTable({ caption, indicators }: { caption: string; indicators: Indicator[] }) {
  const { messages: m, format, t } = useI18n();
  const figure = (value: string) => (isRatio(value) ? format.percent(value) : value);
  const alerts = alertCount(indicators);
  return (
    <table className="indicators">
      <caption>
        {caption}
        {alerts > 0 && (
          <span className="badge alert"> {t(m.compliance.alerts, { count: alerts })}</span>
        )}
      </caption>
      <ColumnHeads
        columns={[
          m.compliance.indicator,
          numeric(m.compliance.value),
          numeric(m.compliance.threshold),
          m.compliance.status,
          m.compliance.source,
        ]}
      />
      <tbody>
        {alertsFirst(indicators).map((indicator) => (
          <tr key={indicator.rule} className={indicator.status}>
            <th scope="row">{m.rules[indicator.rule as keyof typeof m.rules] ?? indicator.rule}</th>
            <td className="number">
              {indicator.value === null ? m.compliance.noValue : figure(indicator.value)}
            </td>
            <td className="number">{figure(indicator.threshold)}</td>
            <td>
              <span className={`status status-${indicator.status}`}>
                {indicator.status === 'alert' ? m.compliance.alert : m.compliance.ok}
              </span>
            </td>
            <td>{indicator.source}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
