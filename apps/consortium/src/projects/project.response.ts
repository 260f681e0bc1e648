import { ApiExtraModels, ApiProperty, getSchemaPath } from '@nestjs/swagger';
import {
  LEGAL_FORMS,
  LegalForm,
  PROJECT_STAGES,
  ProjectStage,
  Theme,
  THEMES,
} from '@libs/contracts';
import { MoneySumSchema, MAX_LISTED } from '@libs/api-conventions';
import { ProjectSummary } from './projects.queries';

const HOURS = { type: 'string', pattern: '^[0-9]+\\.[0-9]{2}$', maxLength: 32 } as const;
const DAYS = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const;

/** A whole number per stage: the days a project spent in it (0: not reached), or how many projects are in it. */
class PerStageResponse implements Record<ProjectStage, number> {
  @ApiProperty(DAYS) idea!: number;
  @ApiProperty(DAYS) study!: number;
  @ApiProperty(DAYS) constitution!: number;
}

class HoursReceivedResponse {
  @ApiProperty(HOURS) total!: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: HOURS,
    description: 'hours per giving coop',
  })
  byCoop!: Record<string, string>;
}

class GraduationResponse {
  @ApiProperty({ maxLength: 100 }) coopId!: string;
  @ApiProperty({ enum: LEGAL_FORMS }) legalForm!: LegalForm;
  @ApiProperty({ format: 'date', maxLength: 10 }) graduatedOn!: string;
}

/** A project in the pipeline (`ProjectSummary`). */
export class ProjectSummaryResponse implements ProjectSummary {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) projectId!: string;
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ enum: THEMES, isArray: true, maxItems: THEMES.length }) themes!: Theme[];
  @ApiProperty({ maxLength: 200 }) territory!: string;
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: ProjectStage;
  @ApiProperty({ format: 'date', maxLength: 10 }) stageSince!: string;
  @ApiProperty({ type: PerStageResponse, description: 'days spent in each stage' })
  daysPerStage!: PerStageResponse;
  @ApiProperty() hoursReceived!: HoursReceivedResponse;
  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'string', pattern: '^-?[0-9]+\\.[0-9]{2}$', maxLength: 32 },
    description: 'money held for the project, per currency',
  })
  fundsHeld!: Record<string, string>;
  @ApiProperty({ type: GraduationResponse, nullable: true })
  graduation!: GraduationResponse | null;
}

/** The projects in each stage. */
class ProjectsByStageResponse implements Record<ProjectStage, ProjectSummaryResponse[]> {
  @ApiProperty({ type: [ProjectSummaryResponse], maxItems: MAX_LISTED })
  idea!: ProjectSummaryResponse[];
  @ApiProperty({ type: [ProjectSummaryResponse], maxItems: MAX_LISTED })
  study!: ProjectSummaryResponse[];
  @ApiProperty({ type: [ProjectSummaryResponse], maxItems: MAX_LISTED })
  constitution!: ProjectSummaryResponse[];
}

/** The pipeline: projects by stage, counts by theme and stage, and the graduated ones. */
@ApiExtraModels(PerStageResponse)
export class PipelineResponse {
  @ApiProperty({ type: ProjectsByStageResponse })
  byStage!: ProjectsByStageResponse;

  @ApiProperty({
    type: 'object',
    additionalProperties: { $ref: getSchemaPath(PerStageResponse) },
    description: 'per theme, how many projects are in each stage',
  })
  byTheme!: Partial<Record<Theme, Record<ProjectStage, number>>>;

  @ApiProperty({ type: [ProjectSummaryResponse], maxItems: MAX_LISTED })
  graduated!: ProjectSummaryResponse[];
}

class StageSpellResponse {
  @ApiProperty({ enum: PROJECT_STAGES }) stage!: ProjectStage;
  @ApiProperty({ format: 'date', maxLength: 10 }) from!: string;
  @ApiProperty({ type: String, format: 'date', nullable: true, maxLength: 10 }) to!: string | null;
}

class ProjectContactResponse {
  @ApiProperty({ maxLength: 200 }) name!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 254 }) email!: string | null;
}

class SupportResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) supportId!: string;
  @ApiProperty({ enum: ['mentoring', 'training', 'hosting', 'funding'] }) kind!: string;
  @ApiProperty({ ...HOURS, nullable: true }) hours!: string | null;
  @ApiProperty({ type: MoneySumSchema, nullable: true }) amount!: MoneySumSchema | null;
  @ApiProperty({ type: String, nullable: true, maxLength: 100 }) byCoopId!: string | null;
  @ApiProperty({ format: 'date', maxLength: 10 }) on!: string;
}

class FundsMovementResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) movementId!: string;
  @ApiProperty({ enum: ['in', 'out'] }) direction!: 'in' | 'out';
  @ApiProperty() amount!: MoneySumSchema;
  @ApiProperty({ format: 'date', maxLength: 10 }) on!: string;
  @ApiProperty({ maxLength: 200 }) counterpart!: string;
}

/** One project: its stages, contact, support received, funds held. */
export class ProjectResponse extends ProjectSummaryResponse {
  @ApiProperty({ format: 'date', maxLength: 10 }) openedOn!: string;
  @ApiProperty({ type: [StageSpellResponse], maxItems: MAX_LISTED }) stages!: StageSpellResponse[];
  @ApiProperty({
    type: ProjectContactResponse,
    nullable: true,
    description: 'null once erased (DELETE /projects/{id}/contact)',
  })
  contact!: ProjectContactResponse | null;
  @ApiProperty({ type: [SupportResponse], maxItems: MAX_LISTED }) support!: SupportResponse[];
  @ApiProperty({ type: [FundsMovementResponse], maxItems: MAX_LISTED })
  funds!: FundsMovementResponse[];
}
