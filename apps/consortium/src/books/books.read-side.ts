import { Books1765100000160 } from './1765100000160-books';
import { BooksCoopMoney1765600000160 } from './1765600000160-books-coop-money';
import { booksProjection } from './books.projection';

/** What the books add to the app's read-model database: their migrations and projection. */
export const BOOKS_MIGRATIONS = [Books1765100000160, BooksCoopMoney1765600000160];
export const BOOKS_PROJECTIONS = [booksProjection];
