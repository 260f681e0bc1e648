/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { ConsortiumSigningKey } from './consortium-signing-key';
export { ExportModule } from './export.module';
