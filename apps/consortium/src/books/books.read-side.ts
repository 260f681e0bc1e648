import { ReadSide } from '@libs/projections';
import { booksProjection } from './books.projection';
import { Books1765100000160 } from './migrations/1765100000160-books';
import { BooksCoopMoney1765600000160 } from './migrations/1765600000160-books-coop-money';

/** The books' tables (raw SQL, no entity): the ledger and the funding applications. */
export const BOOKS_READ_SIDE: ReadSide = {
  migrations: [Books1765100000160, BooksCoopMoney1765600000160],
  projections: () => [booksProjection],
};
