import { ApiProperty } from '@nestjs/swagger';
import { UNITS } from '../pooled-means/total-line';
import { ISO_MONTH_PATTERN, IndicatorResponse, MAX_LISTED } from '@libs/api-conventions';
import { TotalLineSchema } from '../pooled-means/pooled-means.response';
import { CoopMove } from '../registry/coops.queries';
import { QuarterlyReport } from './quarterly-report';
import { QUARTER_PATTERN } from './quarter';

const HOURS = { pattern: '^[0-9]+\\.[0-9]{2}$', maxLength: 32 } as const;
const DAY = { format: 'date', maxLength: 10 } as const;

class MonthTotalLineResponse extends TotalLineSchema {
  @ApiProperty({ pattern: ISO_MONTH_PATTERN, maxLength: 7 }) month!: string;
}

class QuarterPooledMeansResponse {
  @ApiProperty({ type: [TotalLineSchema], maxItems: UNITS.length }) totals!: TotalLineSchema[];
  @ApiProperty({ type: [MonthTotalLineResponse], maxItems: MAX_LISTED })
  byMonth!: MonthTotalLineResponse[];
}

class CoopMoveResponse implements CoopMove {
  @ApiProperty({ maxLength: 100 }) coopId!: string;
  @ApiProperty({ type: String, nullable: true, maxLength: 200 }) name!: string | null;
  @ApiProperty(DAY) on!: string;
}

class CoopMovesResponse {
  @ApiProperty({ type: [CoopMoveResponse], maxItems: MAX_LISTED }) admitted!: CoopMoveResponse[];
  @ApiProperty({ type: [CoopMoveResponse], maxItems: MAX_LISTED }) left!: CoopMoveResponse[];
}

class DecisionLineResponse {
  @ApiProperty({ enum: ['approved', 'rejected'] }) outcome!: 'approved' | 'rejected';
  @ApiProperty({ enum: UNITS }) unit!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  decisions!: number;
  @ApiProperty({ pattern: '^-?[0-9]+\\.[0-9]{2}$', maxLength: 32 }) amount!: string;
}

class TrainingsHeldResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  held!: number;
  @ApiProperty(HOURS) hours!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  placesTaken!: number;
}

class ExchangesConfirmedResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  confirmed!: number;
  @ApiProperty(HOURS) hours!: string;
}

class ResourcesByKindResponse {
  @ApiProperty({ maxLength: 50 }) kind!: string;
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  resources!: number;
}

class ResourcesAddedResponse {
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  added!: number;
  @ApiProperty({ type: [ResourcesByKindResponse], maxItems: MAX_LISTED })
  byKind!: ResourcesByKindResponse[];
}

class QuarterComplianceResponse {
  @ApiProperty({ type: [IndicatorResponse], maxItems: MAX_LISTED }) alerts!: IndicatorResponse[];
  @ApiProperty({ type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 })
  coopsInAlert!: number;
}

/** The account of a quarter (`QuarterlyReport`). */
export class QuarterlyReportResponse implements QuarterlyReport {
  @ApiProperty({ pattern: QUARTER_PATTERN, maxLength: 7, example: '2027-Q1' }) quarter!: string;
  @ApiProperty({
    type: String,
    isArray: true,
    maxItems: 3,
    pattern: ISO_MONTH_PATTERN,
    maxLength: 7,
  })
  months!: string[];
  @ApiProperty(DAY) from!: string;
  @ApiProperty(DAY) to!: string;
  @ApiProperty() pooledMeans!: QuarterPooledMeansResponse;
  @ApiProperty() coops!: CoopMovesResponse;
  @ApiProperty({ type: [DecisionLineResponse], maxItems: MAX_LISTED })
  decisions!: DecisionLineResponse[];
  @ApiProperty() trainings!: TrainingsHeldResponse;
  @ApiProperty() exchanges!: ExchangesConfirmedResponse;
  @ApiProperty() resources!: ResourcesAddedResponse;
  @ApiProperty() compliance!: QuarterComplianceResponse;
}
