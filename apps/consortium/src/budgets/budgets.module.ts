import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BooksReadModule } from '../books';
import { AllocationIndex } from './allocation-index';
import { BudgetPeriods } from './budget-periods';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { BUDGETS_READ_SIDE } from './budgets.read-side';

@Module({
  imports: [ProjectionsModule.forFeature(BUDGETS_READ_SIDE), BooksReadModule],
  controllers: [BudgetsController],
  providers: [BudgetsService, BudgetPeriods, AllocationIndex],
  exports: [AllocationIndex, BudgetsService],
})
export class BudgetsModule {}
