import { ApiProperty } from '@nestjs/swagger';
import { Currency, CURRENCIES, Theme, THEMES, Vote } from '@libs/contracts';
import { MoneyDto } from '@libs/api-conventions';
import { TotalLineSchema } from '../pooled-means/pooled-means.response';
import { BudgetPeriodItem } from './budgets.dto';
import { BudgetView } from './budgets.service';

/** The OpenAPI schema of a budget period (`BudgetView`, which `BudgetResponse` implements). */
export class CashLineSchema {
  @ApiProperty({ enum: CURRENCIES })
  currency!: Currency;

  @ApiProperty({
    example: '1240.50',
    description:
      'money paid in by member coops in the market and non_market pillars, and received by the consortium itself',
  })
  received!: string;

  @ApiProperty({ example: '0.00', description: 'paid out on approved allocations' })
  disbursed!: string;

  @ApiProperty({ example: '1240.50', description: 'received − disbursed' })
  balance!: string;
}

class VotesSchema {
  @ApiProperty() for!: number;
  @ApiProperty() against!: number;
  @ApiProperty() abstain!: number;
}

class BallotSchema {
  @ApiProperty({ example: 'board-chair' })
  voter!: string;

  @ApiProperty({ enum: ['for', 'against', 'abstain'] })
  vote!: Vote;
}

class AllocationSchema {
  @ApiProperty({ format: 'uuid' })
  allocationId!: string;

  @ApiProperty()
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

  @ApiProperty({ type: [BallotSchema], description: 'in the order the votes were cast' })
  ballots!: BallotSchema[];
}

class ClosingLineSchema {
  @ApiProperty()
  purpose!: string;

  @ApiProperty({ type: MoneyDto })
  amount!: MoneyDto;
}

class ClosingSchema {
  @ApiProperty({ format: 'date' })
  closedOn!: string;

  @ApiProperty({ type: MoneyDto }) netResult!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) legalReserve!: MoneyDto;
  @ApiProperty({ type: MoneyDto }) mutualFund!: MoneyDto;

  @ApiProperty({ type: [ClosingLineSchema] })
  remainder!: ClosingLineSchema[];
}

/** Budget against actual for one theme and currency. */
class ThemeLineSchema {
  @ApiProperty({ enum: THEMES, nullable: true, description: 'null: allocations with no theme' })
  theme!: Theme | null;

  @ApiProperty({ enum: CURRENCIES })
  currency!: Currency;

  @ApiProperty({ example: '1200.00', description: 'approved allocations' })
  approved!: string;

  @ApiProperty({ example: '800.00', description: 'paid out on them' })
  disbursed!: string;
}

/** A period as listed, with its figures. */
export class BudgetResponse extends BudgetPeriodItem implements BudgetView {
  @ApiProperty({
    type: [TotalLineSchema],
    description:
      'money contributed by member coops for the period’s months, in the market and non_market pillars, per currency',
  })
  income!: TotalLineSchema[];

  @ApiProperty({
    type: [TotalLineSchema],
    description:
      'non-monetary contributions (barter, …) valued in money, per currency: shown apart, never cash, never spendable',
  })
  nonMonetaryValuation!: TotalLineSchema[];

  @ApiProperty({ format: 'date', description: 'the cash figures as recorded up to this day' })
  asOf!: string;

  @ApiProperty({ type: [CashLineSchema], description: 'only money counts as cash' })
  cash!: CashLineSchema[];

  @ApiProperty({ type: [AllocationSchema] })
  allocations!: AllocationSchema[];

  @ApiProperty({
    type: [MoneyDto],
    description: 'per currency: the cash balance − allocations approved and not yet disbursed',
  })
  available!: MoneyDto[];

  @ApiProperty({ type: [ThemeLineSchema], description: 'budget against actual per theme' })
  byTheme!: ThemeLineSchema[];

  @ApiProperty({ type: ClosingSchema, nullable: true })
  closing!: ClosingSchema | null;
}
