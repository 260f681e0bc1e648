import { Module } from '@nestjs/common';
import { PooledMeansModule } from '../pooled-means';
import { BooksQueries } from './books.queries';

/** The books' read side, apart from their commands: what other contexts (budgets) may import. */
@Module({
  imports: [PooledMeansModule],
  providers: [BooksQueries],
  exports: [BooksQueries],
})
export class BooksReadModule {}
