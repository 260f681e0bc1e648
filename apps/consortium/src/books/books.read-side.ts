import { ReadSide } from '@libs/projections';
import { booksProjection } from './books.projection';
import { Books1765100000160 } from './migrations/1765100000160-books';

/** The books' tables (raw SQL, no entity): the ledger and the funding applications. */
export const BOOKS_READ_SIDE: ReadSide = {
  migrations: [Books1765100000160],
  projections: () => [booksProjection],
};
