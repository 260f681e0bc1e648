/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { RESOURCES_READ_SIDE } from './resources.read-side';
export { ResourcesModule } from './resources.module';
