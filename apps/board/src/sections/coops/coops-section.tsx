import { useId, useState } from 'react';
import { ApiProblem } from '../../api/client';
import { MemberCoop, Page, Pipeline, ProjectSummary } from '../../api/types';
import { useApi } from '../../api/use-api';
import { useAction } from '../../components/action-form';
import { ColumnHeads, numeric } from '../../components/column-heads';
import { Loading } from '../../components/loading';
import { ProblemMessage } from '../../components/problem-message';
import { useI18n } from '../../i18n/i18n';
import { canAct } from '../../session/session';
import { useSignedIn } from '../../session/session-context';

const SOCIAL_COOPS_RULE = 'social_coops_at_least_70pct';

export function CoopsSection() {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  // A consortium has tens of coops, not thousands: the largest page holds them all.
  const coops = useApi(() => api.get<Page<MemberCoop>>('/coops', { limit: '500' }), [api]);
  // The coops that were projects the consortium incubated, with their pre-history.
  const pipeline = useApi(() => api.get<Pipeline>('/projects'), [api]);
  const incubated = new Map(
    (pipeline.data?.graduated ?? []).map((project) => [project.graduation!.coopId, project]),
  );
  return (
    <section aria-labelledby="coops-title">
      <h2 id="coops-title">{m.coops.title}</h2>
      <Loading loaded={coops}>
        {(page) =>
          page.items.length === 0 ? (
            <p>{m.coops.none}</p>
          ) : (
            <CoopsTable
              coops={page.items}
              incubated={incubated}
              onAdmitted={(coopId) =>
                coops.reloadUntil((now) =>
                  now.items.some((coop) => coop.coopId === coopId && coop.status !== 'applicant'),
                )
              }
            />
          )
        }
      </Loading>
    </section>
  );
}

function CoopsTable({
  coops,
  incubated,
  onAdmitted,
}: {
  coops: MemberCoop[];
  incubated: Map<string, ProjectSummary>;
  onAdmitted(coopId: string): void;
}) {
  const { session } = useSignedIn();
  const { messages: m, format, t } = useI18n();
  return (
    <table>
      <ColumnHeads
        columns={[
          m.coops.name,
          m.coops.status,
          m.coops.legalForm,
          m.coops.themes,
          numeric(m.coops.members),
          numeric(m.coops.capital),
          numeric(m.coops.contributions),
        ]}
      />
      <tbody>
        {coops.map((coop) => (
          <tr key={coop.coopId}>
            <th scope="row">
              {coop.name ?? coop.coopId}
              {coop.territory && <small className="block">{coop.territory}</small>}
              <Incubation project={incubated.get(coop.coopId)} />
              {coop.admissionOverride && (
                <small className="block note">
                  {t(m.coops.override, { reason: coop.admissionOverride.reason })}
                </small>
              )}
            </th>
            <td>
              {m.coopStatus[coop.status]}
              {coop.status === 'applicant' && canAct(session) && (
                <Admission coop={coop} onAdmitted={() => onAdmitted(coop.coopId)} />
              )}
            </td>
            <td>{coop.legalForm ? m.legalForms[coop.legalForm] : ''}</td>
            <td>{coop.themes.map((theme) => m.themes[theme]).join(', ')}</td>
            <td className="number">{coop.members.total}</td>
            <td className="number">
              {format.quantity(coop.capital.subscribed.amount, 'EUR')} /{' '}
              {format.quantity(coop.capital.paid.amount, 'EUR')}
            </td>
            <td className="number">
              {coop.contributions.map((line) => (
                <span className="block" key={line.unit}>
                  {format.quantity(line.paid, line.unit)}
                </span>
              ))}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** A coop's pre-history, when it was a project the consortium incubated. */
function Incubation({ project }: { project: ProjectSummary | undefined }) {
  const { messages: m, format, t } = useI18n();
  if (!project) return null;
  const days = Object.values(project.daysPerStage).reduce((sum, n) => sum + n, 0);
  return (
    <small className="block note">
      {t(m.projects.incubated, {
        days: format.count(days),
        hours: format.quantity(project.hoursReceived.total, 'hours'),
      })}
    </small>
  );
}

/** Admits an applicant; when the 70% rule refuses, the board may override it, saying why. */
function Admission({ coop, onAdmitted }: { coop: MemberCoop; onAdmitted(): void }) {
  const { api } = useSignedIn();
  const { messages: m, t } = useI18n();
  const action = useAction();
  const [reason, setReason] = useState('');
  const reasonId = useId();
  const name = coop.name ?? coop.coopId;
  const needsOverride =
    action.error instanceof ApiProblem && action.error.problem.rule === SOCIAL_COOPS_RULE;
  const admit = (override?: string) =>
    action.submit(async (key) => {
      await api.post(
        `/coops/${encodeURIComponent(coop.coopId)}/admission`,
        override ? { override: { reason: override } } : {},
        key,
      );
      onAdmitted();
      return t(m.coops.admitted, { name });
    });

  if (!needsOverride) {
    return (
      <div>
        <button type="button" disabled={action.busy} onClick={() => admit()()}>
          {t(m.coops.admit, { name })}
        </button>
        <ProblemMessage error={action.error} />
        {action.done && <p role="status">{action.done}</p>}
      </div>
    );
  }
  return (
    <form onSubmit={(event) => admit(reason)(event)} className="stacked">
      <p role="alert">{m.coops.overrideNeeded}</p>
      <label htmlFor={reasonId}>{m.coops.overrideReason}</label>
      <textarea
        id={reasonId}
        required
        minLength={3}
        maxLength={500}
        value={reason}
        onChange={(event) => setReason(event.target.value)}
      />
      <div>
        <button type="submit" disabled={action.busy}>
          {m.coops.admitAnyway}
        </button>{' '}
        <button type="button" onClick={action.reset}>
          {m.coops.cancel}
        </button>
      </div>
    </form>
  );
}
