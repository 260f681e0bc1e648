/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { MemberKeyTable } from './personal-data/member-key-table';
export { MEMBERSHIP_READ_SIDE } from './membership.read-side';
export { MembershipModule } from './membership.module';
