/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { REPORTS_READ_SIDE } from './reports.read-side';
export { ReportsModule } from './reports.module';
