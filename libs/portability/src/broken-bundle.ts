/**
 * A bundle that fails verification, with the place: the line (1 = the manifest), what the line
 * claims to be (`event #4, eventId …`), and what is wrong with it. Only the first problem is
 * reported: after a removed or altered line, every later one fails the same way.
 */
export class BrokenBundleError extends Error {
  constructor(
    /** null when the problem is the bundle as a whole (e.g. it is empty). */
    readonly line: number | null,
    readonly place: string | null,
    readonly problem: string,
  ) {
    super(`${line === null ? 'bundle' : `line ${line}`}${place ? ` (${place})` : ''}: ${problem}`);
    this.name = 'BrokenBundleError';
  }
}
