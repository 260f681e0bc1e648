/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { TrainingsQueries } from './trainings.queries';
export { TRAININGS_READ_SIDE } from './trainings.read-side';
export { TrainingsModule } from './trainings.module';
