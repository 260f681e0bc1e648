/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { WorkforceService } from './workforce.service';
export { WorkforceModule } from './workforce.module';
