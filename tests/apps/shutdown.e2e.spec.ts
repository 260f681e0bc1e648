import { startCoop, queryEvents } from '../coop/coop-app';
import { contribution } from '../coop/sample-requests';
import { TestSchemas } from '../support/apps';

/**
 * A deployment stops its app (SIGTERM) while an admin's script is recording: every request the
 * app took is answered, and every 201 is a recorded event. None fails half-way because the store
 * closed under it.
 */
describe('stopping an app under load', () => {
  const schemas = new TestSchemas();
  afterAll(() => schemas.drop());

  it('answers the requests it took before stopping, and records exactly those it accepted', async () => {
    const coop = await startCoop(schemas, 'shutdown-coop');
    // One answer first: the client then has the app's OpenAPI document it checks answers against,
    // and the burst below reaches the app at once.
    await coop.admin('GET', '/contributions');
    const inFlight = 24;
    const requests = Array.from({ length: inFlight }, () =>
      coop.admin('POST', '/contributions', contribution()).then(
        (response) => response.status,
        () => 'not taken' as const,
      ),
    );
    // Let the requests reach the app, then stop it while they are being handled.
    await new Promise((resolve) => setTimeout(resolve, 15));
    const stopped = coop.app.stop('SIGTERM');
    const statuses = await Promise.all(requests);
    await stopped;

    const recorded = statuses.filter((status) => status === 201).length;
    // Taken and answered (201), or refused while closing (503), or never taken: nothing else.
    expect(statuses.filter((s) => s !== 201 && s !== 503 && s !== 'not taken')).toEqual([]);
    expect(recorded).toBeGreaterThan(0);
    const [{ n }] = await queryEvents<{ n: number }>(
      schemas,
      (events) => `SELECT count(*)::int AS n FROM ${events} WHERE type = 'ContributionRecorded'`,
    );
    expect(n).toBe(recorded);
    // Stopped by the signal it was sent, after a clean shutdown (not an exit code of failure).
    expect(coop.app.child.signalCode).toBe('SIGTERM');
  });
});
