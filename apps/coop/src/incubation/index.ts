/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export {
  IncubationHistoryChange,
  IncubationHistoryHandler,
} from './incubation-history.command-handler';
export { incubationView } from './incubation-view';
export type { IncubationView } from './incubation-view';
export { IncubationResponse } from './incubation.response';
export { IncubationModule } from './incubation.module';
export { incubationHistoryDecider } from './incubation-history.decider';
export type { IncubationHistory } from './incubation-history.decider';
