import { Books1765100000160 } from './1765100000160-books';
import { booksProjection } from './books.projection';

/** What the books add to the app's read-model database: their migration and projection. */
export const BOOKS_MIGRATIONS = [Books1765100000160];
export const BOOKS_PROJECTIONS = [booksProjection];
