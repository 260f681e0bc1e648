/** What other contexts and the app may use of this context: nothing else is reached from outside. */
export { CONTENT_SECURITY_POLICY, serveBoardPage } from './board-page';
