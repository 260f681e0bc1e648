import { ReactNode, useState } from 'react';
import { Pipeline, ProjectStage, ProjectSummary, Unit } from '../../api/types';
import { useApi } from '../../api/use-api';
import { Loading } from '../../components/loading';
import { useI18n } from '../../i18n/i18n';
import { useSignedIn } from '../../session/session-context';

const STAGES = ['idea', 'study', 'constitution'] as const satisfies ProjectStage[];
/** Incubation: the projects the consortium hosts, one column per stage, and a project's page. */
export function ProjectsSection() {
  const { api } = useSignedIn();
  const { messages: m } = useI18n();
  const [chosen, setChosen] = useState<string | null>(null);
  const pipeline = useApi(() => api.get<Pipeline>('/projects'), [api]);
  return (
    <section aria-labelledby="projects-title">
      <h2 id="projects-title">{m.projects.title}</h2>
      <Loading loaded={pipeline}>
        {({ byStage, graduated }) => {
          const all = [...STAGES.flatMap((stage) => byStage[stage]), ...graduated];
          const project = all.find((p) => p.projectId === chosen);
          return (
            <>
              <div className="pipeline">
                {STAGES.map((stage) => (
                  <StageColumn
                    key={stage}
                    stage={stage}
                    projects={byStage[stage]}
                    choose={setChosen}
                  />
                ))}
              </div>
              {graduated.length > 0 && <Graduated projects={graduated} choose={setChosen} />}
              {project && <ProjectPage project={project} />}
            </>
          );
        }}
      </Loading>
    </section>
  );
}

function StageColumn({
  stage,
  projects,
  choose,
}: {
  stage: ProjectStage;
  projects: ProjectSummary[];
  choose: (projectId: string) => void;
}) {
  const { messages: m, t } = useI18n();
  return (
    <section className={`pipeline-stage stage-${stage}`} aria-labelledby={`stage-${stage}`}>
      <h3 id={`stage-${stage}`}>{m.projectStages[stage]}</h3>
      {projects.length === 0 ? (
        <p className="note">{m.projects.none}</p>
      ) : (
        <ul>
          {projects.map((project) => (
            <ProjectEntry key={project.projectId} project={project} choose={choose}>
              {t(m.projects.daysInStage, { days: project.daysPerStage[stage] })}
            </ProjectEntry>
          ))}
        </ul>
      )}
    </section>
  );
}

/** A project in a list: its name opens its page; `children`, a note beside it. */
function ProjectEntry({
  project,
  choose,
  children,
}: {
  project: ProjectSummary;
  choose: (projectId: string) => void;
  children: ReactNode;
}) {
  return (
    <li>
      <button type="button" className="link" onClick={() => choose(project.projectId)}>
        {project.name}
      </button>{' '}
      <span className="note">{children}</span>
    </li>
  );
}

/** Projects that became coops: their pre-history stays one click away. */
function Graduated({
  projects,
  choose,
}: {
  projects: ProjectSummary[];
  choose: (projectId: string) => void;
}) {
  const { messages: m, t } = useI18n();
  return (
    <section className="graduated" aria-labelledby="projects-graduated">
      <h3 id="projects-graduated">{m.projects.graduatedTitle}</h3>
      <ul>
        {projects.map((project) => (
          <ProjectEntry key={project.projectId} project={project} choose={choose}>
            {t(m.projects.graduated, { coopId: project.graduation!.coopId })}
          </ProjectEntry>
        ))}
      </ul>
    </section>
  );
}

function ProjectPage({ project }: { project: ProjectSummary }) {
  const { messages: m, format, t } = useI18n();
  return (
    <section className="project" aria-labelledby="project-title">
      <h3 id="project-title">{project.name}</h3>
      <p>
        {project.territory} ·{' '}
        {project.themes
          .map((theme) => m.themes[theme as keyof typeof m.themes] ?? theme)
          .join(', ')}
      </p>
      {project.graduation && (
        <p className="badge">{t(m.projects.graduated, { coopId: project.graduation.coopId })}</p>
      )}
      <table className="project-stages">
        <caption>{m.projects.timeInStages}</caption>
        <tbody>
          {STAGES.map((stage) => (
            <tr key={stage}>
              <th scope="row">{m.projectStages[stage]}</th>
              <td className="number">
                {t(m.projects.days, { days: format.count(project.daysPerStage[stage]) })}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="project-support">
        <caption>{m.projects.hoursReceived}</caption>
        <tbody>
          {Object.entries(project.hoursReceived.byCoop).map(([coop, hours]) => (
            <tr key={coop}>
              <th scope="row">{coop === 'consortium' ? m.projects.consortium : coop}</th>
              <td className="number">{format.quantity(hours, 'hours')}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <table className="project-funds">
        <caption>{project.graduation ? m.projects.fundsHandedOver : m.projects.fundsHeld}</caption>
        <tbody>
          {Object.entries(project.fundsHeld).map(([currency, amount]) => (
            <tr key={currency}>
              <th scope="row">{currency}</th>
              <td className="number">{format.quantity(amount, currency as Unit)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
