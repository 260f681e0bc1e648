/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { BooksQueries } from './books.queries';
export type { PeriodBooks } from './books.queries';
export type { BooksBetween, BooksSum } from './books.queries';
export { BOOKS_READ_SIDE } from './books.read-side';
export type { AllocationToPay } from './disbursement.decider';
export { BooksReadModule } from './books-read.module';
