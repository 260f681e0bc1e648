/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CONTRIBUTIONS_READ_SIDE } from './contributions.read-side';
export { ContributionsModule } from './contributions.module';
