import { ApiProperty } from '@nestjs/swagger';
import { DECIMAL_SUM_MAX_LENGTH, DECIMAL_SUM_PATTERN, MoneyDto } from '@libs/api-conventions';
import {
  LEGAL_FORMS,
  LegalForm,
  PROJECT_STAGES,
  ProjectStage,
  SUPPORT_KINDS,
  SupportKind,
  THEMES,
  Theme,
} from '@libs/contracts';
import { IncubationView } from './incubation-view';

const decimalSum = {
  type: 'string' as const,
  pattern: DECIMAL_SUM_PATTERN,
  maxLength: DECIMAL_SUM_MAX_LENGTH,
};

class StageSpellResponse {
  @ApiProperty({ enum: PROJECT_STAGES })
  stage!: ProjectStage;

  @ApiProperty({ format: 'date' })
  from!: string;

  @ApiProperty({ format: 'date', description: 'the day it moved on (the last: its graduation)' })
  to!: string;
}

class SupportReceivedResponse {
  @ApiProperty({ format: 'uuid' })
  supportId!: string;

  @ApiProperty({ enum: SUPPORT_KINDS })
  kind!: SupportKind;

  @ApiProperty({ type: 'string', nullable: true, example: '12.50', description: 'hours given' })
  hours!: string | null;

  @ApiProperty({ type: MoneyDto, nullable: true, description: 'money given' })
  amount!: MoneyDto | null;

  @ApiProperty({ type: 'string', nullable: true, description: 'the member coop that gave it' })
  byCoopId!: string | null;

  @ApiProperty({ format: 'date' })
  on!: string;
}

class FundsMovementResponse {
  @ApiProperty({ format: 'uuid' })
  movementId!: string;

  @ApiProperty({ enum: ['in', 'out'] })
  direction!: 'in' | 'out';

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyDto;

  @ApiProperty({ format: 'date' })
  on!: string;

  @ApiProperty({ maxLength: 200 })
  counterpart!: string;
}

class HoursReceivedResponse {
  @ApiProperty(decimalSum)
  total!: string;

  @ApiProperty({
    type: 'object',
    additionalProperties: decimalSum,
    description: 'by giving coop (`consortium`: given by the consortium itself)',
  })
  byCoop!: Record<string, string>;
}

class GraduationResponse {
  @ApiProperty({ enum: LEGAL_FORMS })
  legalForm!: LegalForm;

  @ApiProperty({ format: 'date' })
  graduatedOn!: string;
}

class ReceivedBundleResponse {
  @ApiProperty({ pattern: '^[0-9a-f]{64}$', description: 'the seal hash of the bundle imported' })
  sealHash!: string;

  @ApiProperty({
    pattern: '^[0-9a-f]{64}$',
    description: 'the fingerprint of the consortium’s key that signed it, checked at import',
  })
  signedBy!: string;
}

/** `incubation` in `GET /coop`: the pre-history of a coop the consortium incubated. */
export class IncubationResponse implements IncubationView {
  @ApiProperty({ format: 'uuid', description: 'the project the coop was at the consortium' })
  projectId!: string;

  @ApiProperty({ maxLength: 200 })
  name!: string;

  @ApiProperty({ enum: THEMES, isArray: true })
  themes!: Theme[];

  @ApiProperty({ maxLength: 200 })
  territory!: string;

  @ApiProperty({ type: [StageSpellResponse] })
  stages!: StageSpellResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: { type: 'integer' },
    example: { idea: 20, study: 30, constitution: 10 },
  })
  daysPerStage!: Record<ProjectStage, number>;

  @ApiProperty({ type: [SupportReceivedResponse] })
  support!: SupportReceivedResponse[];

  @ApiProperty({ type: HoursReceivedResponse })
  hoursReceived!: HoursReceivedResponse;

  @ApiProperty({ type: [FundsMovementResponse], description: 'money the consortium held for it' })
  funds!: FundsMovementResponse[];

  @ApiProperty({
    type: 'object',
    additionalProperties: decimalSum,
    example: { EUR: '1200.00' },
    description: 'per currency, what the consortium still held for the project at its graduation',
  })
  fundsHandedOver!: Record<string, string>;

  @ApiProperty({ type: GraduationResponse })
  graduation!: GraduationResponse;

  @ApiProperty({ format: 'date', description: 'the day the coop imported it' })
  receivedOn!: string;

  @ApiProperty({ type: ReceivedBundleResponse })
  bundle!: ReceivedBundleResponse;
}
