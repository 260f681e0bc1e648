import { useEffect, useState } from 'react';
import { Currency } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { LanguageSelect } from '../../components/language-select';
import { Loading } from '../../components/loading';
import { ProblemMessage } from '../../components/problem-message';
import { Unit } from '../../i18n/format';
import { useI18n } from '../../i18n/i18n';
import { Language } from '../../i18n/locale';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';

interface ReportEdition {
  quarter: string;
  editorial: Partial<Record<Language, string>>;
  publishedOn: string | null;
}

interface QuarterlyReport {
  pooledMeans: { totals: { unit: Unit; pledged: string; paid: string }[] };
  coops: { admitted: unknown[]; left: unknown[] };
  books: { totals: { currency: Currency; received: string; disbursed: string }[] };
}

/** The quarter today is in (`2027-Q1`): the one the board is most likely writing about. */
function currentQuarter(now = new Date()): string {
  return `${now.getUTCFullYear()}-Q${Math.floor(now.getUTCMonth() / 3) + 1}`;
}

const QUARTER = /^[0-9]{4}-Q[1-4]$/;

/** The quarterly report: its figures, the editorial in each language, and its publication. */
export function ReportsSection() {
  const { api, session } = useSignedIn();
  const { messages: m, language: pageLanguage, format, t } = useI18n();
  const [quarter, setQuarter] = useState(currentQuarter);
  const [language, setLanguage] = useState<Language>(pageLanguage);
  const [text, setText] = useState('');
  const valid = QUARTER.test(quarter);
  const loaded = useApi(
    () =>
      valid
        ? Promise.all([
            api.get<ReportEdition>(`/reports/${quarter}/editorial`),
            api.get<QuarterlyReport>(`/reports/${quarter}`),
          ])
        : Promise.reject(new Error(m.reports.badQuarter)),
    [api, quarter],
  );
  const edition = loaded.data?.[0];
  useEffect(() => setText(edition?.editorial[language] ?? ''), [edition, language]);
  const save = useAction();
  const publish = useAction();

  return (
    <section aria-labelledby="reports-title">
      <h2 id="reports-title">{m.reports.title}</h2>
      <div className="inline">
        <label htmlFor="report-quarter">{m.reports.quarter}</label>
        <input
          id="report-quarter"
          value={quarter}
          onChange={(event) => setQuarter(event.target.value.trim())}
        />
      </div>
      <Loading loaded={loaded}>
        {([current, report]) => (
          <>
            <p>
              {current.publishedOn
                ? t(m.reports.publishedOn, { day: format.day(current.publishedOn) })
                : m.reports.draft}{' '}
              {current.publishedOn && (
                <a href={`/public/reports/${quarter}?lang=${language}`}>{m.reports.publicPage}</a>
              )}
            </p>
            <table>
              <caption>{m.reports.figures}</caption>
              <tbody>
                {report.pooledMeans.totals.map((line) => (
                  <tr key={line.unit}>
                    <th scope="row">{t(m.reports.paid, { unit: line.unit })}</th>
                    <td>{format.quantity(line.paid, line.unit)}</td>
                  </tr>
                ))}
                <tr>
                  <th scope="row">{m.reports.admitted}</th>
                  <td>{format.count(report.coops.admitted.length)}</td>
                </tr>
                {report.books.totals.map((line) => (
                  <tr key={`income-${line.currency}`} data-own-income={line.currency}>
                    <th scope="row">{t(m.reports.ownIncome, { unit: line.currency })}</th>
                    <td>{format.quantity(line.received, line.currency)}</td>
                  </tr>
                ))}
                {report.books.totals.map((line) => (
                  <tr key={`disbursed-${line.currency}`} data-disbursed={line.currency}>
                    <th scope="row">{t(m.reports.disbursed, { unit: line.currency })}</th>
                    <td>{format.quantity(line.disbursed, line.currency)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            {canAct(session) && (
              <form
                onSubmit={save.submit(async () => {
                  await api.put(`/reports/${quarter}/editorial`, { language, text });
                  loaded.reload();
                  return m.reports.saved;
                })}
              >
                <div className="inline">
                  <LanguageSelect
                    id="editorial-language"
                    label={m.reports.editorialLanguage}
                    value={language}
                    onChange={setLanguage}
                  />
                </div>
                <label htmlFor="editorial-text">{m.reports.editorial}</label>
                <textarea
                  id="editorial-text"
                  rows={8}
                  value={text}
                  onChange={(event) => setText(event.target.value)}
                />
                <button type="submit" disabled={save.busy}>
                  {m.reports.save}
                </button>
                {save.done && <p role="status">{save.done}</p>}
                <ProblemMessage error={save.error} />
              </form>
            )}
            {canAct(session) && !current.publishedOn && (
              <p>
                <button
                  type="button"
                  disabled={publish.busy}
                  onClick={publish.submit(async (key) => {
                    await api.post(`/reports/${quarter}/publication`, {}, key);
                    loaded.reload();
                    return m.reports.published;
                  })}
                >
                  {m.reports.publish}
                </button>
              </p>
            )}
            {publish.done && <p role="status">{publish.done}</p>}
            <ProblemMessage error={publish.error} />
          </>
        )}
      </Loading>
    </section>
  );
}
