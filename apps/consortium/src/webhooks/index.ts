/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { WEBHOOKS_READ_SIDE } from './webhooks.read-side';
