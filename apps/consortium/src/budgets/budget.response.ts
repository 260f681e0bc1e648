import { ApiProperty } from '@nestjs/swagger';
import {
  COOP_ID_MAX_LENGTH,
  COOP_ID_PATTERN,
  Currency,
  CURRENCIES,
  Theme,
  THEMES,
  Vote,
} from '@libs/contracts';
import {
  DECIMAL_SUM_MAX_LENGTH,
  DECIMAL_SUM_PATTERN,
  MoneyDto,
  MoneySumSchema,
} from '@libs/api-conventions';
import { TotalLineSchema } from '../pooled-means';
import {
  BudgetPeriodItem,
  MAX_CLOSING_LINES,
  CLOSING_PURPOSE_MAX_LENGTH,
  TITLE_MAX_LENGTH,
} from './budgets.dto';
import { BudgetView } from './budgets.service';

/** The OpenAPI schema of a budget period (`BudgetView`, which `BudgetResponse` implements). */

const SUM = { maxLength: DECIMAL_SUM_MAX_LENGTH, pattern: DECIMAL_SUM_PATTERN };

/**
 * Ballots on one allocation: one per board member (`BOARD_MEMBERS`). Not enforced: a board
 * counts its members in tens at most; this is far above.
 */
export const MAX_BALLOTS = 1_000;

/**
 * Allocations in one period. Not enforced: each is a proposal the board votes on, a few dozen a
 * year; this is far above.
 */
export const MAX_ALLOCATIONS = 10_000;

/** A board member as tokens name them (`sub`), listed in `BOARD_MEMBERS`. */
const VOTER_MAX_LENGTH = 255;

export class CashLineSchema {
  @ApiProperty({ enum: CURRENCIES })
  currency!: Currency;

  @ApiProperty({
    ...SUM,
    example: '1240.50',
    description:
      'money paid in by member coops in the market and non_market pillars, and received by the consortium itself',
  })
  received!: string;

  @ApiProperty({ ...SUM, example: '0.00', description: 'paid out on approved allocations' })
  disbursed!: string;

  @ApiProperty({ ...SUM, example: '1240.50', description: 'received − disbursed' })
  balance!: string;
}

class VotesSchema {
  @ApiProperty() for!: number;
  @ApiProperty() against!: number;
  @ApiProperty() abstain!: number;
}

class BallotSchema {
  @ApiProperty({ example: 'board-chair', maxLength: VOTER_MAX_LENGTH })
  voter!: string;

  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  vote!: Vote;
}

class ProposingCoopSchema {
  @ApiProperty({
    example: 'velo-solidaire',
    maxLength: COOP_ID_MAX_LENGTH,
    pattern: COOP_ID_PATTERN,
  })
  coopId!: string;
}

export class AllocationSchema {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  allocationId!: string;

  @ApiProperty({ maxLength: TITLE_MAX_LENGTH })
  title!: string;

  @ApiProperty({ enum: THEMES, nullable: true })
  theme!: Theme | null;

  @ApiProperty({ enum: ['proposed', 'approved', 'rejected'] })
  status!: 'proposed' | 'approved' | 'rejected';

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyDto;

  @ApiProperty({ type: MoneyDto, description: 'paid out on it so far (as of `asOf`)' })
  disbursed!: MoneyDto;

  @ApiProperty({ type: VotesSchema })
  votes!: VotesSchema;

  @ApiProperty({
    type: [BallotSchema],
    maxItems: MAX_BALLOTS,
    description: 'in the order the votes were cast',
  })
  ballots!: BallotSchema[];

  @ApiProperty({
    type: ProposingCoopSchema,
    nullable: true,
    description: 'the member coop whose admin proposed it; null: a board member',
  })
  proposedBy!: ProposingCoopSchema | null;
}

class ClosingLineSchema {
  @ApiProperty({ maxLength: CLOSING_PURPOSE_MAX_LENGTH })
  purpose!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyDto;

  @ApiProperty({ description: 'a reserve never distributed' })
  indivisible!: boolean;
}

class ClosingSchema {
  @ApiProperty({ format: 'date', maxLength: 10 })
  closedOn!: string;

  @ApiProperty({ type: MoneyDto }) netResult!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) legalReserve!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) mutualFund!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) dividends!: MoneyDto;

  @ApiProperty({
    enum: ['consorzio', 'scic'],
    description: 'the law the closing followed: the consortium’s legal form when it closed',
  })
  form!: 'consorzio' | 'scic';

  @ApiProperty({ type: [ClosingLineSchema], maxItems: MAX_CLOSING_LINES })
  remainder!: ClosingLineSchema[];
}

/** Budget against actual for one theme and currency. */
class ThemeLineSchema {
  @ApiProperty({ enum: THEMES, nullable: true, description: 'null: allocations with no theme' })
  theme!: Theme | null;

  @ApiProperty({ enum: CURRENCIES })
  currency!: Currency;

  @ApiProperty({ ...SUM, example: '1200.00', description: 'approved allocations' })
  approved!: string;

  @ApiProperty({ ...SUM, example: '800.00', description: 'paid out on them' })
  disbursed!: string;
}

/** A period as listed, with its figures. */
export class BudgetResponse extends BudgetPeriodItem implements BudgetView {
  @ApiProperty({
    type: [TotalLineSchema],
    maxItems: CURRENCIES.length,
    description:
      'money contributed by member coops for the period’s months, in the market and non_market pillars, per currency',
  })
  income!: TotalLineSchema[];

  @ApiProperty({
    type: [TotalLineSchema],
    maxItems: CURRENCIES.length,
    description:
      'non-monetary contributions (barter, …) valued in money, per currency: shown apart, never cash, never spendable',
  })
  nonMonetaryValuation!: TotalLineSchema[];

  @ApiProperty({
    format: 'date',
    maxLength: 10,
    description: 'the cash figures as recorded up to this day',
  })
  asOf!: string;

  @ApiProperty({
    type: [CashLineSchema],
    maxItems: CURRENCIES.length,
    description: 'only money counts as cash',
  })
  cash!: CashLineSchema[];

  @ApiProperty({ type: [AllocationSchema], maxItems: MAX_ALLOCATIONS })
  allocations!: AllocationSchema[];

  @ApiProperty({
    type: [MoneySumSchema],
    maxItems: CURRENCIES.length,
    description: 'per currency: the cash balance − allocations approved and not yet disbursed',
  })
  available!: MoneySumSchema[];

  @ApiProperty({
    type: [ThemeLineSchema],
    // A line per theme (and one for no theme) and currency.
    maxItems: (THEMES.length + 1) * CURRENCIES.length,
    description: 'budget against actual per theme',
  })
  byTheme!: ThemeLineSchema[];

  @ApiProperty({ type: ClosingSchema, nullable: true })
  closing!: ClosingSchema | null;
}
