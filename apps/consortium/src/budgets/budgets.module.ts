import { Module } from '@nestjs/common';
import { AllocationIndex } from './allocation-index';
import { BudgetPeriods } from './budget-periods';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { PeriodIncomeQuery } from './period-income';

@Module({
  controllers: [BudgetsController],
  providers: [BudgetsService, BudgetPeriods, PeriodIncomeQuery, AllocationIndex],
  exports: [AllocationIndex],
})
export class BudgetsModule {}
