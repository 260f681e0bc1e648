import { Column, Entity, PrimaryColumn } from 'typeorm';
import {
  FundsMovement,
  LegalForm,
  ProjectStage,
  SealedPersonalData,
  StageSpell,
  SupportGiven,
  Theme,
} from '@libs/contracts';
import { IncubatedProject } from './incubated-project';

/** `incubated_projects`: every project the consortium hosts, as `evolveIncubatedProject` folds it. */
@Entity({ name: 'incubated_projects' })
export class IncubatedProjectRow implements IncubatedProject {
  @PrimaryColumn('uuid', { name: 'project_id' })
  projectId!: string;

  @Column('text')
  name!: string;

  @Column('jsonb')
  themes!: Theme[];

  @Column('text')
  territory!: string;

  @Column('text')
  stage!: ProjectStage;

  @Column('date', { name: 'opened_on' })
  openedOn!: string;

  @Column('jsonb')
  stages!: StageSpell[];

  @Column('jsonb', { nullable: true })
  contact!: SealedPersonalData | null;

  @Column('jsonb')
  support!: SupportGiven[];

  @Column('jsonb')
  funds!: FundsMovement[];

  @Column('jsonb', { nullable: true })
  graduation!: { coopId: string; legalForm: LegalForm; graduatedOn: string } | null;
}
