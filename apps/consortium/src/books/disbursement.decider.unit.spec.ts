import { AllocationDisbursed, money } from '@libs/contracts';
import { RuleViolation, StateConflict } from '@libs/aggregates';
import { Disburse, disbursementsDecider } from './disbursement.decider';

const ALLOCATION = '00000000-0000-4000-8000-000000000001';
const received = { EUR: 1_000_00n, SOL: 0n };
const approved = {
  allocationId: ALLOCATION,
  status: 'approved' as const,
  amount: money('EUR', 600_00),
  theme: 'mobility' as const,
};

function disburse(hundredths: number, overrides: Partial<Disburse> = {}): Disburse {
  return {
    type: 'Disburse',
    periodId: '2027',
    disbursementId: `00000000-0000-4000-8000-${String(hundredths).padStart(12, '0')}`,
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

/** Given these disbursements, when the command is decided: its events, or its refusal. */
function given(...history: Disburse[]) {
  const { initialState, evolve, decide } = disbursementsDecider;
  let state = initialState();
  for (const past of history) state = decide(past, state).reduce(evolve, state);
  return { when: (command: Disburse): AllocationDisbursed[] => decide(command, state) };
}

describe('disbursements of a budget period', () => {
  it('pays an approved allocation in parts, to a named supplier', () => {
    expect(given(disburse(250_00)).when(disburse(350_00))).toEqual([
      {
        type: 'AllocationDisbursed',
        data: expect.objectContaining({
          allocationId: ALLOCATION,
          amount: money('EUR', 350_00),
          payeeName: 'Garage Solidale',
          payeeCoopId: null,
          theme: 'mobility',
        }),
      },
    ]);
  });

  it('refuses to pay beyond what is left of the allocation', () => {
    expect(() => given(disburse(250_00)).when(disburse(350_01))).toThrow(
      expect.objectContaining({ rule: 'disbursement_exceeds_allocation' }),
    );
  });

  it('refuses to pay beyond the cash in the currency, counting what was already paid out', () => {
    const other = { ...approved, allocationId: '00000000-0000-4000-8000-0000000000ff' };
    const big = { ...other, amount: money('EUR', 900_00) };
    expect(() => given(disburse(600_00)).when(disburse(400_01, { allocation: big }))).toThrow(
      expect.objectContaining({ rule: 'insufficient_cash' }),
    );
    expect(given(disburse(600_00)).when(disburse(400_00, { allocation: big }))).toHaveLength(1);
  });

  it('refuses an allocation that is not approved (a conflict), and another currency', () => {
    expect(() =>
      given().when(disburse(100, { allocation: { ...approved, status: 'proposed' } })),
    ).toThrow(StateConflict);
    expect(() => given().when(disburse(100, { amount: money('SOL', 100) }))).toThrow(RuleViolation);
  });

  it('records a disbursement once', () => {
    expect(() => given(disburse(100_00)).when(disburse(100_00))).toThrow(StateConflict);
  });
});
