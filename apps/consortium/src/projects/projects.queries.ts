import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import {
  daysPerStage,
  fundsHeld,
  hoursReceived,
  listedFunds,
  listedSupport,
  ProjectStage,
  Theme,
} from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import { today } from '@libs/api-conventions';
import { IncubatedProjectRow } from './incubated-project.entity';
import { ProjectContact, ProjectContactVault } from './project-contact.vault';
import { pipeline } from './project-view';

/** A project in the pipeline: where it stands, how long it spent where, what it received. */
export interface ProjectSummary {
  projectId: string;
  name: string;
  themes: Theme[];
  territory: string;
  stage: ProjectStage;
  stageSince: string;
  daysPerStage: Record<ProjectStage, number>;
  hoursReceived: { total: string; byCoop: Record<string, string> };
  fundsHeld: Record<string, string>;
  graduation: IncubatedProjectRow['graduation'];
}

/** The one door to `incubated_projects`; the contact opens here, while its key lives. */
@Injectable()
export class ProjectsQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly contacts: ProjectContactVault,
  ) {}

  /**
   * The pipeline: incubated projects by stage, counts by theme and stage, and the graduated ones.
   * Not paged: a consortium incubates tens of projects, not thousands.
   */
  async pipeline(theme?: Theme) {
    const rows = await this.db
      .getRepository(IncubatedProjectRow)
      .find({ order: { openedOn: 'ASC' } });
    const projects = rows
      .filter((row) => !theme || row.themes.includes(theme))
      .map((row) => summary(row));
    const { byStage, byTheme } = pipeline(projects);
    return { byStage, byTheme, graduated: projects.filter((p) => p.graduation !== null) };
  }

  async one(projectId: string) {
    const row = await this.row(projectId);
    return {
      ...summary(row),
      openedOn: row.openedOn,
      stages: row.stages,
      contact: (await this.contacts.open(row.contact)) as ProjectContact | null,
      support: listedSupport(row.support),
      funds: listedFunds(row.funds),
    };
  }

  /** The pre-history of the project that graduated as `coopId`, or null. */
  async graduatedAs(coopId: string): Promise<ProjectSummary | null> {
    const row = await this.db
      .getRepository(IncubatedProjectRow)
      .createQueryBuilder('p')
      .where(`p.graduation->>'coopId' = :coopId`, { coopId })
      .getOne();
    return row && summary(row);
  }

  async row(projectId: string): Promise<IncubatedProjectRow> {
    const row = await this.db.getRepository(IncubatedProjectRow).findOneBy({ projectId });
    if (!row) throw new NotFound(`no project ${projectId}`);
    return row;
  }
}

function summary(row: IncubatedProjectRow): ProjectSummary {
  const until = row.graduation?.graduatedOn ?? today();
  return {
    projectId: row.projectId,
    name: row.name,
    themes: row.themes,
    territory: row.territory,
    stage: row.stage,
    stageSince: row.stages[row.stages.length - 1].from,
    daysPerStage: daysPerStage(row, until),
    hoursReceived: hoursReceived(row),
    fundsHeld: fundsHeld(row),
    graduation: row.graduation,
  };
}
