/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { TimeAccountsQueries } from './time-accounts.queries';
export { EXCHANGES_READ_SIDE } from './exchanges.read-side';
export { ExchangesModule } from './exchanges.module';
