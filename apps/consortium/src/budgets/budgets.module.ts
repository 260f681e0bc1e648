import { Module } from '@nestjs/common';
import { AllocationIndex } from './allocation-index';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { PeriodIncomeQuery } from './period-income';

@Module({
  controllers: [BudgetsController],
  providers: [BudgetsService, PeriodIncomeQuery, AllocationIndex],
  exports: [AllocationIndex],
})
export class BudgetsModule {}
