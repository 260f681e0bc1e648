import { DeciderSpecification, RuleViolation, StateConflict } from '@libs/aggregates';
import { AllocationDisbursed, money } from '@libs/contracts';
import { Disburse, disbursementsDecider } from './disbursement.decider';

const ALLOCATION = '00000000-0000-4000-8000-000000000001';
const received = { EUR: 1_000_00n, SOL: 0n };
const approved = {
  allocationId: ALLOCATION,
  status: 'approved' as const,
  amount: money('EUR', 600_00),
  theme: 'mobility' as const,
};
const disbursementId = (hundredths: number) =>
  `00000000-0000-4000-8000-${String(hundredths).padStart(12, '0')}`;

function disburse(hundredths: number, overrides: Partial<Disburse> = {}): Disburse {
  return {
    type: 'Disburse',
    periodId: '2027',
    disbursementId: disbursementId(hundredths),
    allocation: approved,
    amount: money('EUR', hundredths),
    paidOn: '2027-05-02',
    payee: { name: 'Garage Solidale' },
    reference: 'INV-1',
    by: 'board-1',
    received,
    ...overrides,
  };
}
const disbursed = (hundredths: number, allocationId = ALLOCATION): AllocationDisbursed => ({
  type: 'AllocationDisbursed',
  data: {
    periodId: '2027',
    disbursementId: disbursementId(hundredths),
    allocationId,
    theme: 'mobility',
    amount: money('EUR', hundredths),
    paidOn: '2027-05-02',
    payeeCoopId: null,
    payeeName: 'Garage Solidale',
    reference: 'INV-1',
    paidBy: 'board-1',
  },
});

const disbursements = DeciderSpecification.for(disbursementsDecider);

describe('disbursements of a budget period', () => {
  it('pays an approved allocation in parts, to a named supplier', () => {
    disbursements
      .given([disbursed(250_00)])
      .when(disburse(350_00))
      .then([disbursed(350_00)]);
  });

  it('refuses to pay beyond what is left of the allocation', () => {
    disbursements
      .given([disbursed(250_00)])
      .when(disburse(350_01))
      .thenThrows(RuleViolation, { rule: 'disbursement_exceeds_allocation' });
  });

  it('refuses to pay beyond the cash in the currency, counting what was already paid out', () => {
    const other = '00000000-0000-4000-8000-0000000000ff';
    const big = { ...approved, allocationId: other, amount: money('EUR', 900_00) };
    disbursements
      .given([disbursed(600_00)])
      .when(disburse(400_01, { allocation: big }))
      .thenThrows(RuleViolation, { rule: 'insufficient_cash' });
    disbursements
      .given([disbursed(600_00)])
      .when(disburse(400_00, { allocation: big }))
      .then([disbursed(400_00, other)]);
  });

  it('refuses an allocation that is not approved (a conflict), and another currency', () => {
    disbursements
      .given()
      .when(disburse(100, { allocation: { ...approved, status: 'proposed' } }))
      .thenThrows(StateConflict);
    disbursements
      .given()
      .when(disburse(100, { amount: money('SOL', 100) }))
      .thenThrows(RuleViolation, { rule: 'disbursement_currency' });
  });

  it('records a disbursement once', () => {
    disbursements
      .given([disbursed(100_00)])
      .when(disburse(100_00))
      .thenThrows(StateConflict);
  });
});
