import { Module } from '@nestjs/common';
import { BudgetsModule } from '../budgets/budgets.module';
import { BooksCommands } from './books.commands';
import { BooksController } from './books.controller';
import { BooksReadModule } from './books-read.module';

/** The consortium's books: its own income, the calls it applies to, what it pays out. */
@Module({
  imports: [BooksReadModule, BudgetsModule],
  controllers: [BooksController],
  providers: [BooksCommands],
})
export class BooksModule {}
