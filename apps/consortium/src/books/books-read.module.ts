import { Module } from '@nestjs/common';
import { BooksQueries } from './books.queries';

/** The books' read side, apart from their commands: what other contexts (budgets, reports) import. */
@Module({
  providers: [BooksQueries],
  exports: [BooksQueries],
})
export class BooksReadModule {}
