import { ReadSide } from '@libs/projections';
import { allocationIndexProjection, AllocationIndexRow } from './allocation-index';
import { budgetPeriodsProjection, BudgetPeriodRow } from './budget-periods';
import { BudgetsFounding1764300000101 } from './migrations/1764300000101-budgets-founding';
import { BudgetPeriods1764300000102 } from './migrations/1764300000102-budget-periods';
import { AllocationDecisions1765500000021 } from './migrations/1765500000021-allocation-decisions';

/** The budgets' tables: `budget_periods`, and `allocation_index` (which period an allocation is of). */
export const BUDGETS_READ_SIDE: ReadSide = {
  entities: [AllocationIndexRow, BudgetPeriodRow],
  migrations: [
    BudgetsFounding1764300000101,
    BudgetPeriods1764300000102,
    AllocationDecisions1765500000021,
  ],
  projections: () => [allocationIndexProjection, budgetPeriodsProjection],
};
