import { parseSignedHundredths } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { MoneyDto, today } from '@libs/api-conventions';
import { ConsortiumLegalForm } from '@libs/rules';
import { BudgetCommand } from './budget.decider';
import { CloseBudgetDto } from './budgets.dto';

/** A closing in EUR cents; the year's accounts are kept in EUR. */
function eurCents(dto: MoneyDto): number {
  const amount = MoneyDto.toMoney(dto);
  if (amount.unit !== 'EUR') throw new RuleViolation('closing_in_eur', 'a year closes in EUR');
  return amount.hundredths;
}

/** The board's closing, as the budget decider takes it, under the consortium's own law. */
export function closeBudgetCommand(
  dto: CloseBudgetDto,
  form: ConsortiumLegalForm,
): Extract<BudgetCommand, { type: 'CloseBudget' }> {
  const day = today();
  return {
    type: 'CloseBudget',
    closedOn: dto.closedOn ?? day,
    today: day,
    form,
    netResult: parseSignedHundredths(dto.netResult.amount)!,
    legalReserve: dto.legalReserve ? eurCents(dto.legalReserve) : undefined,
    dividends: dto.dividends ? eurCents(dto.dividends) : undefined,
    paidUpCapital: dto.paidUpCapital ? eurCents(dto.paidUpCapital) : undefined,
    remainder: dto.remainder?.map((line) => ({
      purpose: line.purpose,
      amount: eurCents(line.amount),
      indivisible: line.indivisible ?? false,
    })),
  };
}
