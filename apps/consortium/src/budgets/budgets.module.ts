import { Module } from '@nestjs/common';
import { BooksReadModule } from '../books/books-read.module';
import { AllocationIndex } from './allocation-index';
import { BudgetPeriods } from './budget-periods';
import { BudgetsController } from './budgets.controller';
import { BudgetsService } from './budgets.service';
import { PeriodIncomeQuery } from './period-income';

@Module({
  imports: [BooksReadModule],
  controllers: [BudgetsController],
  providers: [BudgetsService, BudgetPeriods, PeriodIncomeQuery, AllocationIndex],
  exports: [AllocationIndex, BudgetsService],
})
export class BudgetsModule {}
