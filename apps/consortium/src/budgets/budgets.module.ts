import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BooksReadModule } from '../books';
import { PooledMeansModule } from '../pooled-means';
import { AllocationIndex } from './allocation-index';
import { BudgetPeriods } from './budget-periods';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { BUDGETS_READ_SIDE } from './budgets.read-side';
import { BudgetHandler } from './budget.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(BUDGETS_READ_SIDE), BooksReadModule, PooledMeansModule],
  controllers: [BudgetsController],
  providers: [BudgetHandler, BudgetsService, BudgetPeriods, AllocationIndex],
  exports: [BudgetHandler, AllocationIndex, BudgetsService],
})
export class BudgetsModule {}
