import { isCoopId } from '@libs/contracts';

/** The coop this deployment serves: every stream it writes and every token it accepts carry it. */
export const COOP_ID = Symbol('COOP_ID');

/** `COOP_ID` from the environment; the app refuses to start without a valid one. */
export function readCoopId(env: NodeJS.ProcessEnv): string {
  const coopId = env.COOP_ID;
  if (!coopId)
    throw new Error(
      'COOP_ID is not set: give the slug of the coop this app serves, e.g. velo-solidaire',
    );
  if (!isCoopId(coopId)) {
    throw new Error(
      `COOP_ID is not a coop id (a lowercase slug such as velo-solidaire): ${coopId}`,
    );
  }
  return coopId;
}
