import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { BudgetsModule } from '../budgets';
import { BooksCommands } from './books.commands';
import { BooksController } from './books.controller';
import { BooksReadModule } from './books-read.module';
import { BOOKS_READ_SIDE } from './books.read-side';
import { DisbursementsHandler } from './disbursements.command-handler';
import { FundingApplicationHandler } from './funding-application.command-handler';
import { IncomeHandler } from './income.command-handler';

/** The consortium's books: its own income, the calls it applies to, what it pays out. */
@Module({
  imports: [ProjectionsModule.forFeature(BOOKS_READ_SIDE), BooksReadModule, BudgetsModule],
  controllers: [BooksController],
  providers: [DisbursementsHandler, FundingApplicationHandler, IncomeHandler, BooksCommands],
})
export class BooksModule {}
