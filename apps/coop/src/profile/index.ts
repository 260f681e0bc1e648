/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CoopProfileService } from './coop-profile.service';
export { ProfileModule } from './profile.module';
export type { ApplicationStatus } from './coop-profile.decider';
