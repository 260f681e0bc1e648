import { ApiProperty, ApiPropertyOptional, ApiPropertyOptions } from '@nestjs/swagger';
import {
  CONTRIBUTION_KINDS,
  COOP_ID_MAX_LENGTH,
  COOP_ID_PATTERN,
  Pillar,
  PILLARS,
  THEMES,
  Unit,
} from '@libs/contracts';
import {
  DECIMAL_SUM_MAX_LENGTH,
  DECIMAL_SUM_PATTERN,
  ISO_MONTH_PATTERN,
} from '@libs/api-conventions';
import { RATIO_RULES, RatioRuleId } from '@libs/rules';
import { NotCountedReason, PooledDimension } from './pooled-ledger';
import { MonthPillarLine, NotCountedCoop, PooledMeansView } from './pooled-means.view';
import { TotalLine, UNITS } from './total-line';

/** The OpenAPI schema of `GET /pooled-means` (`PooledMeansView`, which each class implements). */

const SUM = { maxLength: DECIMAL_SUM_MAX_LENGTH, pattern: DECIMAL_SUM_PATTERN };
const MONTH = { type: String, maxLength: 7, pattern: ISO_MONTH_PATTERN, example: '2027-03' };
const COOP_ID = {
  type: String,
  maxLength: COOP_ID_MAX_LENGTH,
  pattern: COOP_ID_PATTERN,
  example: 'velo-solidaire',
};
/** A part of a whole (SOL paid of all money paid…), so from 0.0000 to 1.0000. */
const SHARE = { type: String, maxLength: 6, pattern: '^(0\\.[0-9]{4}|1\\.0000)$' };

/** The indicators the pooled means check: `alerts` lists those of them in alert. */
const POOLED_MEANS_RULES: RatioRuleId[] = ['sol_share_at_most_20pct'];

/**
 * How many coops a list of coops may hold. Not enforced: a federation admits its coops one board
 * decision at a time and counts them in tens or hundreds; this is two orders of magnitude above.
 */
export const MAX_LISTED_COOPS = 10_000;

/** Every month `YYYY-MM` can write (years 0000 to 9999): a true bound, if a loose one. */
const WRITABLE_MONTHS = 10_000 * 12;

/** A list of lines, at most one per key and unit (lines of zeros are left out). */
function linesPerKey(keys: number) {
  return keys * UNITS.length;
}

export class TotalLineSchema implements TotalLine {
  @ApiProperty({ enum: UNITS })
  unit!: Unit;

  @ApiProperty({
    ...SUM,
    example: '300.00',
    description: 'promised and not yet paid (outstanding); a decimal string, exact at any size',
  })
  pledged!: string;

  @ApiProperty({ ...SUM, example: '1255.50', description: 'received (for hours: given)' })
  paid!: string;
}

/** A total line with its key on one dimension (`{ "pillar": "market", "unit", … }`). */
function groupedLineSchema(dimension: PooledDimension, key: ApiPropertyOptions) {
  class GroupedLineSchema extends TotalLineSchema {}
  // Declared on the fly: no field type for Swagger to infer, so it is given.
  ApiProperty({ type: String, ...key } as ApiPropertyOptions)(
    GroupedLineSchema.prototype,
    dimension,
  );
  Object.defineProperty(GroupedLineSchema, 'name', { value: `${dimension}TotalLine` });
  return GroupedLineSchema;
}

const PillarLine = groupedLineSchema('pillar', { enum: [...PILLARS] });
const KindLine = groupedLineSchema('kind', { enum: Object.keys(CONTRIBUTION_KINDS) });
const ThemeLine = groupedLineSchema('theme', { enum: [...THEMES] });
const CoopLine = groupedLineSchema('coopId', COOP_ID);
const MonthLine = groupedLineSchema('month', MONTH);

export class MonthPillarLineSchema extends TotalLineSchema implements MonthPillarLine {
  @ApiProperty(MONTH)
  month!: string;

  @ApiProperty({ enum: PILLARS })
  pillar!: Pillar;
}

const NOT_COUNTED_REASONS: NotCountedReason[] = ['not_admitted', 'withdrawn'];

export class NotCountedCoopSchema implements NotCountedCoop {
  @ApiProperty({ ...COOP_ID, example: 'rogue-coop' })
  coopId!: string;

  @ApiProperty({
    enum: NOT_COUNTED_REASONS,
    description:
      '`not_admitted`: recorded while the coop was not a member (it never applied, or was not admitted yet); `withdrawn`: recorded after its withdrawal was settled',
  })
  reason!: NotCountedReason;

  @ApiProperty({
    type: [TotalLineSchema],
    maxItems: UNITS.length,
    description: 'one line per unit: EUR, SOL, hours',
  })
  totals!: TotalLine[];
}

export class IndicatorSchema {
  @ApiProperty({ enum: POOLED_MEANS_RULES })
  rule!: RatioRuleId;

  @ApiPropertyOptional({ ...SHARE, example: '0.2492', nullable: true })
  value!: string | null;

  @ApiProperty({ ...SHARE, example: '0.2000' })
  threshold!: string;

  @ApiProperty({ enum: ['ok', 'alert'] })
  status!: 'ok' | 'alert';

  @ApiProperty({ enum: POOLED_MEANS_RULES.map((rule) => RATIO_RULES[rule].source) })
  source!: string;
}

export class NonMonetaryAimSchema {
  @ApiProperty({
    example: '0.3333',
    maxLength: 6,
    description: 'the aim: a third of the means not in money',
  })
  aim!: string;

  @ApiProperty({
    type: String,
    nullable: true,
    example: '0.0117',
    maxLength: 6,
    description: 'the money valuation of non-monetary contributions ÷ all money paid',
  })
  share!: string | null;

  @ApiProperty({
    type: Boolean,
    nullable: true,
    description: 'share ≥ aim; null while no money is paid',
  })
  reached!: boolean | null;

  @ApiProperty({
    example: '42.50',
    maxLength: 24,
    description:
      'non-monetary hours: volunteering, skill exchanges, trainings given, confirmed exchanges',
  })
  hours!: string;
}

export class PooledMeansResponse implements Omit<PooledMeansView, 'alerts'> {
  @ApiProperty({ format: 'date', maxLength: 10 })
  asOf!: string;

  @ApiProperty({
    type: [TotalLineSchema],
    maxItems: UNITS.length,
    description: 'one line per unit; member coops only (see `notCounted`)',
  })
  totals!: TotalLine[];

  @ApiProperty({ type: [PillarLine], maxItems: linesPerKey(PILLARS.length) })
  byPillar!: PooledMeansView['byPillar'];

  @ApiProperty({
    type: [KindLine],
    maxItems: linesPerKey(Object.keys(CONTRIBUTION_KINDS).length),
  })
  byKind!: PooledMeansView['byKind'];

  @ApiProperty({ type: [ThemeLine], maxItems: linesPerKey(THEMES.length) })
  byTheme!: PooledMeansView['byTheme'];

  @ApiProperty({ type: [CoopLine], maxItems: linesPerKey(MAX_LISTED_COOPS) })
  byCoop!: PooledMeansView['byCoop'];

  @ApiProperty({ type: [MonthLine], maxItems: linesPerKey(WRITABLE_MONTHS) })
  byMonth!: PooledMeansView['byMonth'];

  @ApiProperty({
    type: [MonthPillarLineSchema],
    maxItems: linesPerKey(WRITABLE_MONTHS * PILLARS.length),
  })
  byMonthAndPillar!: MonthPillarLine[];

  @ApiProperty({ ...SHARE, nullable: true, example: '0.0233' })
  solShare!: string | null;

  @ApiProperty({ ...SHARE, nullable: true, example: '0.0117' })
  nonMonetaryShare!: string | null;

  @ApiProperty({
    type: NonMonetaryAimSchema,
    description: 'where the pooled means stand against the aim of a third not in money',
  })
  nonMonetaryAim!: NonMonetaryAimSchema;

  @ApiProperty({ type: [IndicatorSchema], maxItems: POOLED_MEANS_RULES.length })
  alerts!: IndicatorSchema[];

  @ApiProperty({
    type: [NotCountedCoopSchema],
    maxItems: MAX_LISTED_COOPS * NOT_COUNTED_REASONS.length,
    description:
      'coops whose movements count in no figure above, by coop then reason: only a member coop’s movements count, from its admission to its settled withdrawal, in the order of the event log',
  })
  notCounted!: NotCountedCoop[];
}
