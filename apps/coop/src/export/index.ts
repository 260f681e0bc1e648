/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CoopSigningKey } from './coop-signing-key';
export { ExportModule } from './export.module';
