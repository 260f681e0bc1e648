import { AllocationDisbursed, Currency, formatHundredths, Money, Theme } from '@libs/contracts';
import { Decider, RuleViolation, StateConflict } from '@libs/aggregates';

/** The allocation a disbursement pays, as its budget has it (approval and amount are final). */
export interface AllocationToPay {
  allocationId: string;
  status: 'proposed' | 'approved' | 'rejected';
  amount: Money;
  theme: Theme | null;
}

export interface Disburse {
  type: 'Disburse';
  periodId: string;
  disbursementId: string;
  allocation: AllocationToPay;
  amount: Money;
  paidOn: string;
  payee: { coopId: string } | { name: string };
  reference: string;
  by: string;
  /**
   * The money the period had received by the payment day per currency (member coops' and the
   * consortium's own), in hundredths, from the read models: a stale read only under-counts it, so
   * it can only refuse more. What was paid out (any day) is this stream's own, counted the moment
   * it is recorded.
   */
  received: Record<Currency, bigint>;
}

export interface DisbursementsState {
  disbursementIds: string[];
  byAllocation: Record<string, bigint>;
  byCurrency: Record<Currency, bigint>;
}

export function evolve(state: DisbursementsState, event: AllocationDisbursed): DisbursementsState {
  const { allocationId, disbursementId, amount } = event.data;
  const hundredths = BigInt(amount.hundredths);
  return {
    disbursementIds: [...state.disbursementIds, disbursementId],
    byAllocation: {
      ...state.byAllocation,
      [allocationId]: (state.byAllocation[allocationId] ?? 0n) + hundredths,
    },
    byCurrency: { ...state.byCurrency, [amount.unit]: state.byCurrency[amount.unit] + hundredths },
  };
}

/**
 * A period's disbursements: only an approved allocation is paid, never beyond its amount, never
 * beyond the cash in its currency (received − already paid out).
 */
export function decide(command: Disburse, state: DisbursementsState): AllocationDisbursed[] {
  const { allocation, amount } = command;
  if (state.disbursementIds.includes(command.disbursementId))
    throw new StateConflict('this disbursement is already recorded');
  if (allocation.status !== 'approved')
    throw new StateConflict(`the allocation is ${allocation.status}: only an approved one is paid`);
  const { unit } = allocation.amount;
  if (amount.unit !== unit)
    throw new RuleViolation('disbursement_currency', `the allocation is in ${unit}`);
  if (amount.hundredths <= 0)
    throw new RuleViolation('disbursement_positive', 'a disbursement pays more than nothing');
  const paying = BigInt(amount.hundredths);
  const left =
    BigInt(allocation.amount.hundredths) - (state.byAllocation[allocation.allocationId] ?? 0n);
  if (paying > left)
    throw new RuleViolation(
      'disbursement_exceeds_allocation',
      `only ${formatHundredths(left)} ${unit} of the allocation is left to pay`,
    );
  const cash = command.received[unit] - state.byCurrency[unit];
  if (paying > cash)
    throw new RuleViolation(
      'insufficient_cash',
      `the ${unit} cash (${formatHundredths(cash)}) cannot pay ${formatHundredths(paying)}`,
    );
  return [
    {
      type: 'AllocationDisbursed',
      data: {
        periodId: command.periodId,
        disbursementId: command.disbursementId,
        allocationId: allocation.allocationId,
        theme: allocation.theme,
        amount,
        paidOn: command.paidOn,
        payeeCoopId: 'coopId' in command.payee ? command.payee.coopId : null,
        payeeName: 'name' in command.payee ? command.payee.name : null,
        reference: command.reference,
        paidBy: command.by,
      },
    },
  ];
}

export const disbursementsDecider: Decider<DisbursementsState, Disburse, AllocationDisbursed> = {
  initialState: () => ({ disbursementIds: [], byAllocation: {}, byCurrency: { EUR: 0n, SOL: 0n } }),
  evolve,
  decide,
};
