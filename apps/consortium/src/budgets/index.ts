/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { AllocationIndex } from './allocation-index';
export type { DecisionsTally } from './allocation-index';
export { budgetDecider } from './budget.decider';
export { BudgetHandler } from './budget.command-handler';
export { BudgetsService } from './budgets.service';
export { BUDGETS_READ_SIDE } from './budgets.read-side';
export { BudgetsModule } from './budgets.module';
