/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { ReadsViews } from './reads-views.decorator';
export { ReadModelsModule } from './read-models.module';
