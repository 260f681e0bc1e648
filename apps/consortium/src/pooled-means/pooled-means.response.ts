import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { CONTRIBUTION_KINDS, Pillar, PILLARS, THEMES, Unit } from '@libs/contracts';
import { NotCountedReason, PooledDimension } from './pooled-ledger';
import { MonthPillarLine, NotCountedCoop, PooledMeansView } from './pooled-means.view';
import { TotalLine, UNITS } from './total-line';

/** The OpenAPI schema of `GET /pooled-means` (`PooledMeansView`, which each class implements). */
export class TotalLineSchema implements TotalLine {
  @ApiProperty({ enum: UNITS })
  unit!: Unit;

  @ApiProperty({
    example: '300.00',
    description: 'promised and not yet paid (outstanding); a decimal string, exact at any size',
  })
  pledged!: string;

  @ApiProperty({ example: '1255.50', description: 'received (for hours: given)' })
  paid!: string;
}

/** A total line with its key on one dimension (`{ "pillar": "market", "unit", … }`). */
function groupedLineSchema(dimension: PooledDimension, values?: readonly string[]) {
  class GroupedLineSchema extends TotalLineSchema {}
  // Declared on the fly: no field type for Swagger to infer, so it is given.
  const example = dimension === 'month' ? '2027-03' : 'velo-solidaire';
  ApiProperty({ type: String, ...(values ? { enum: [...values] } : { example }) })(
    GroupedLineSchema.prototype,
    dimension,
  );
  Object.defineProperty(GroupedLineSchema, 'name', { value: `${dimension}TotalLine` });
  return GroupedLineSchema;
}

const PillarLine = groupedLineSchema('pillar', PILLARS);
const KindLine = groupedLineSchema('kind', Object.keys(CONTRIBUTION_KINDS));
const ThemeLine = groupedLineSchema('theme', THEMES);
const CoopLine = groupedLineSchema('coopId');
const MonthLine = groupedLineSchema('month');

export class MonthPillarLineSchema extends TotalLineSchema implements MonthPillarLine {
  @ApiProperty({ example: '2027-03' })
  month!: string;

  @ApiProperty({ enum: PILLARS })
  pillar!: Pillar;
}

const NOT_COUNTED_REASONS: NotCountedReason[] = ['not_admitted', 'withdrawn'];

export class NotCountedCoopSchema implements NotCountedCoop {
  @ApiProperty({ example: 'rogue-coop' })
  coopId!: string;

  @ApiProperty({
    enum: NOT_COUNTED_REASONS,
    description:
      '`not_admitted`: recorded while the coop was not a member (it never applied, or was not admitted yet); `withdrawn`: recorded after its withdrawal was settled',
  })
  reason!: NotCountedReason;

  @ApiProperty({ type: [TotalLineSchema], description: 'one line per unit: EUR, SOL, hours' })
  totals!: TotalLine[];
}

export class IndicatorSchema {
  @ApiProperty({ example: 'sol_share_at_most_20pct' })
  rule!: string;

  @ApiPropertyOptional({ example: '0.2492', nullable: true, type: String })
  value!: string | null;

  @ApiProperty({ example: '0.2000' })
  threshold!: string;

  @ApiProperty({ enum: ['ok', 'alert'] })
  status!: 'ok' | 'alert';

  @ApiProperty()
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
  @ApiProperty({ format: 'date' })
  asOf!: string;

  @ApiProperty({
    type: [TotalLineSchema],
    description: 'one line per unit; member coops only (see `notCounted`)',
  })
  totals!: TotalLine[];

  @ApiProperty({ type: [PillarLine] })
  byPillar!: PooledMeansView['byPillar'];

  @ApiProperty({ type: [KindLine] })
  byKind!: PooledMeansView['byKind'];

  @ApiProperty({ type: [ThemeLine] })
  byTheme!: PooledMeansView['byTheme'];

  @ApiProperty({ type: [CoopLine] })
  byCoop!: PooledMeansView['byCoop'];

  @ApiProperty({ type: [MonthLine] })
  byMonth!: PooledMeansView['byMonth'];

  @ApiProperty({ type: [MonthPillarLineSchema] })
  byMonthAndPillar!: MonthPillarLine[];

  @ApiProperty({ type: String, nullable: true, example: '0.0233' })
  solShare!: string | null;

  @ApiProperty({ type: String, nullable: true, example: '0.0117' })
  nonMonetaryShare!: string | null;

  @ApiProperty({
    type: NonMonetaryAimSchema,
    description: 'where the pooled means stand against the aim of a third not in money',
  })
  nonMonetaryAim!: NonMonetaryAimSchema;

  @ApiProperty({ type: [IndicatorSchema] })
  alerts!: IndicatorSchema[];

  @ApiProperty({
    type: [NotCountedCoopSchema],
    description:
      'coops whose movements count in no figure above, by coop then reason: only a member coop’s movements count, from its admission to its settled withdrawal, in the order of the event log',
  })
  notCounted!: NotCountedCoop[];
}
