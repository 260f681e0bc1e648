import { ApiProperty } from '@nestjs/swagger';
import {
  COOP_ID_MAX_LENGTH,
  COOP_ID_PATTERN,
  CURRENCIES,
  Currency,
  INCOME_KINDS,
  IncomeKind,
  RESOURCE_KINDS,
  Theme,
  THEMES,
} from '@libs/contracts';
import {
  DECIMAL_SUM_MAX_LENGTH,
  DECIMAL_SUM_PATTERN,
  ISO_MONTH_PATTERN,
} from '@libs/api-conventions';
import { COUNT_RULES, IndicatorRule, RATIO_RULES } from '@libs/rules';
import { MAX_LISTED_COOPS, TotalLineSchema } from '../pooled-means';
import { TotalLine, UNITS } from '../pooled-means';
import { QUARTER_PATTERN } from './quarter';
import { QuarterlyReport } from './quarterly-report';

/** The OpenAPI schema of `GET /reports/{quarter}` (`QuarterlyReport`, which it implements). */

const SUM = { type: String, maxLength: DECIMAL_SUM_MAX_LENGTH, pattern: DECIMAL_SUM_PATTERN };
const DAY = { type: String, format: 'date', maxLength: 10 };
/** A count of things in a quarter (coops, trainings, movements…): a 32-bit integer is room enough. */
const COUNT = { type: 'integer', format: 'int32', minimum: 0, maximum: 2_147_483_647 } as const;
const INDICATOR_RULES = [
  ...Object.keys(RATIO_RULES),
  ...Object.keys(COUNT_RULES),
  'withdrawal_review_within_60_days',
];

class MonthLineSchema extends TotalLineSchema {
  @ApiProperty({ type: String, maxLength: 7, pattern: ISO_MONTH_PATTERN, example: '2027-03' })
  month!: string;
}

class QuarterPooledMeansSchema {
  @ApiProperty({ type: [TotalLineSchema], maxItems: UNITS.length })
  totals!: TotalLine[];

  @ApiProperty({ type: [MonthLineSchema], maxItems: 3 * UNITS.length })
  byMonth!: (TotalLine & { month: string })[];
}

class CoopMoveSchema {
  @ApiProperty({ type: String, maxLength: COOP_ID_MAX_LENGTH, pattern: COOP_ID_PATTERN })
  coopId!: string;

  @ApiProperty({ type: String, nullable: true, maxLength: 200 })
  name!: string | null;

  @ApiProperty({ ...DAY, description: 'admitted, or its withdrawal settled, on' })
  on!: string;
}

class CoopMovesSchema {
  @ApiProperty({ type: [CoopMoveSchema], maxItems: MAX_LISTED_COOPS })
  admitted!: CoopMoveSchema[];

  @ApiProperty({ type: [CoopMoveSchema], maxItems: MAX_LISTED_COOPS })
  left!: CoopMoveSchema[];
}

class DecisionsSchema {
  @ApiProperty({ enum: ['approved', 'rejected'] })
  outcome!: 'approved' | 'rejected';

  @ApiProperty({ enum: UNITS })
  unit!: string;

  @ApiProperty(COUNT)
  decisions!: number;

  @ApiProperty(SUM)
  amount!: string;
}

class TrainingsSchema {
  @ApiProperty(COUNT) held!: number;
  @ApiProperty(SUM) hours!: string;
  @ApiProperty(COUNT) placesTaken!: number;
}

class ExchangesSchema {
  @ApiProperty(COUNT) confirmed!: number;
  @ApiProperty(SUM) hours!: string;
}

class ResourceKindSchema {
  @ApiProperty({ enum: RESOURCE_KINDS }) kind!: string;
  @ApiProperty(COUNT) resources!: number;
}

class ResourcesSchema {
  @ApiProperty(COUNT) added!: number;

  @ApiProperty({ type: [ResourceKindSchema], maxItems: RESOURCE_KINDS.length })
  byKind!: ResourceKindSchema[];
}

class AlertSchema {
  @ApiProperty({ enum: INDICATOR_RULES }) rule!: IndicatorRule;

  @ApiProperty({ type: String, nullable: true, maxLength: 20, description: 'a ratio or a count' })
  value!: string | null;

  @ApiProperty({ type: String, maxLength: 20 }) threshold!: string;
  @ApiProperty({ enum: ['ok', 'alert'] }) status!: 'ok' | 'alert';
  @ApiProperty({ type: String, maxLength: 200 }) source!: string;
}

class ComplianceSchema {
  @ApiProperty({ type: [AlertSchema], maxItems: INDICATOR_RULES.length })
  alerts!: AlertSchema[];

  @ApiProperty(COUNT)
  coopsInAlert!: number;
}

class BooksTotalSchema {
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty({ ...SUM, description: 'received by the consortium itself' }) received!: string;
  @ApiProperty({ ...SUM, description: 'paid out on allocations' }) disbursed!: string;
}

class IncomeLineSchema {
  @ApiProperty({ enum: INCOME_KINDS }) kind!: IncomeKind;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty({ ...COUNT, description: 'how many times money came in' }) movements!: number;
  @ApiProperty(SUM) amount!: string;
}

class DisbursementLineSchema {
  @ApiProperty({ enum: THEMES, nullable: true }) theme!: Theme | null;
  @ApiProperty({ enum: CURRENCIES }) currency!: Currency;
  @ApiProperty(COUNT) disbursements!: number;
  @ApiProperty(SUM) amount!: string;
}

class QuarterBooksSchema {
  @ApiProperty({ type: [BooksTotalSchema], maxItems: CURRENCIES.length })
  totals!: BooksTotalSchema[];

  @ApiProperty({ type: [IncomeLineSchema], maxItems: INCOME_KINDS.length * CURRENCIES.length })
  income!: IncomeLineSchema[];

  @ApiProperty({
    type: [DisbursementLineSchema],
    maxItems: (THEMES.length + 1) * CURRENCIES.length,
  })
  disbursements!: DisbursementLineSchema[];
}

export class QuarterlyReportResponse implements QuarterlyReport {
  @ApiProperty({ type: String, pattern: QUARTER_PATTERN, maxLength: 7, example: '2027-Q1' })
  quarter!: string;

  @ApiProperty({
    type: 'array',
    maxItems: 3,
    items: { type: 'string', maxLength: 7, pattern: ISO_MONTH_PATTERN },
  })
  months!: string[];

  @ApiProperty(DAY) from!: string;
  @ApiProperty(DAY) to!: string;

  @ApiProperty({ type: QuarterPooledMeansSchema })
  pooledMeans!: QuarterlyReport['pooledMeans'];

  @ApiProperty({ type: CoopMovesSchema })
  coops!: QuarterlyReport['coops'];

  @ApiProperty({ type: [DecisionsSchema], maxItems: 2 * UNITS.length })
  decisions!: QuarterlyReport['decisions'];

  @ApiProperty({ type: TrainingsSchema }) trainings!: QuarterlyReport['trainings'];
  @ApiProperty({ type: ExchangesSchema }) exchanges!: QuarterlyReport['exchanges'];
  @ApiProperty({ type: ResourcesSchema }) resources!: QuarterlyReport['resources'];
  @ApiProperty({ type: ComplianceSchema }) compliance!: QuarterlyReport['compliance'];
  @ApiProperty({ type: QuarterBooksSchema }) books!: QuarterlyReport['books'];
}
