/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { ComplianceQueries } from './compliance.queries';
export { ComplianceModule } from './compliance.module';
