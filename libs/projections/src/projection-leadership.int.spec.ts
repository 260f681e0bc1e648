import { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@libs/database';
import { randomSchema } from '@tests/projections/testbed';
import { ProjectionLeadership, ProjectionRole } from './projection-leadership';

const INTERVAL_MS = 200;
const quiet: LoggerService = { log() {}, warn() {}, error() {} };

/** A replica's leadership, recording when it was told to lead and to follow. */
function replica(dataSource: DataSource, name: string, intervalMs: number) {
  const calls: ProjectionRole[] = [];
  const leadership = new ProjectionLeadership({
    dataSource,
    name,
    intervalMs,
    onLead: async () => void calls.push('leader'),
    onFollow: async () => void calls.push('follower'),
    logger: quiet,
  });
  return { leadership, calls };
}

async function until(check: () => boolean | Promise<boolean>, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

// The embedded database serves every connection from one session, which holds every advisory
// lock at once: two replicas on it would both lead. Replicas need a real PostgreSQL server.
const onServer = process.env.EMBEDDED_DATABASE === '1' ? describe.skip : describe;

onServer('ProjectionLeadership', () => {
  let dataSource: DataSource;
  const started: ProjectionLeadership[] = [];

  beforeAll(async () => {
    dataSource = await createDataSource({
      url: process.env.DATABASE_URL!,
      entities: [],
      migrations: [],
    }).initialize();
  });

  afterEach(async () => {
    await Promise.all(started.splice(0).map((leadership) => leadership.stop()));
  });

  afterAll(async () => {
    await dataSource.destroy();
  });

  /** The sessions waiting for the lock of `name`, as the server sees them. */
  function lockWaits(
    name: string,
  ): Promise<{ pid: number; wait_event_type: string | null; query_start: Date }[]> {
    return dataSource.query(
      `SELECT a.pid, a.wait_event_type, a.query_start
         FROM pg_locks l JOIN pg_stat_activity a ON a.pid = l.pid
        WHERE l.locktype = 'advisory' AND l.objid = hashtext($1)::oid AND NOT l.granted`,
      [name],
    );
  }

  function start(name: string, intervalMs = INTERVAL_MS) {
    const one = replica(dataSource, name, intervalMs);
    started.push(one.leadership);
    return one.leadership.start().then(() => one);
  }

  it('given two replicas of one read model, when both start, then exactly one leads', async () => {
    const name = randomSchema('lead');
    const first = await start(name);
    const second = await start(name);
    await new Promise((resolve) => setTimeout(resolve, 3 * INTERVAL_MS));

    expect([first.leadership.role, second.leadership.role]).toEqual(['leader', 'follower']);
    expect([first.calls, second.calls]).toEqual([['leader'], []]);
  });

  it('given a follower, then it waits in the database for the lock, asking nothing on a timer', async () => {
    const name = randomSchema('lead');
    await start(name);
    await start(name);
    await new Promise((resolve) => setTimeout(resolve, 5 * INTERVAL_MS));

    const waits = await lockWaits(name);
    expect(waits).toHaveLength(1);
    expect(waits[0].wait_event_type).toBe('Lock');
    // One request, still the same one: the follower sent no query since it began to wait.
    expect(Date.now() - waits[0].query_start.getTime()).toBeGreaterThanOrEqual(4 * INTERVAL_MS);
  });

  it('given a leader, when it stops, then the follower takes over at once', async () => {
    const name = randomSchema('lead');
    // Were the follower to poll, it would take up to a minute.
    const first = await start(name, 60_000);
    const second = await start(name, 60_000);
    await until(async () => (await lockWaits(name)).length === 1);

    const stopping = Date.now();
    await first.leadership.stop();
    await until(() => second.leadership.role === 'leader');

    expect(Date.now() - stopping).toBeLessThan(INTERVAL_MS);
    expect(first.calls).toEqual(['leader', 'follower']);
    expect(second.calls).toEqual(['leader']);
  });

  it('given a leader, when its session is killed, then it stops its projections and the follower leads', async () => {
    const name = randomSchema('lead');
    const first = await start(name);
    const second = await start(name);
    const admin = new Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    try {
      await admin.query(
        "SELECT pg_terminate_backend(pid) FROM pg_locks WHERE locktype = 'advisory' AND objid = hashtext($1)::oid AND granted",
        [name],
      );
    } finally {
      await admin.end();
    }

    await until(() => second.leadership.role === 'leader' && first.leadership.role === 'follower');
    expect(first.calls).toEqual(['leader', 'follower']);
    expect(second.calls).toEqual(['leader']);
  });

  it('given a waiting follower, when it stops, then no request of its own is left waiting', async () => {
    const name = randomSchema('lead');
    const leader = await start(name);
    const follower = await start(name);
    await until(async () => (await lockWaits(name)).length === 1);

    await follower.leadership.stop();

    await until(async () => (await lockWaits(name)).length === 0);
    expect(leader.leadership.role).toBe('leader');
  });

  it('given replicas of two read models, when they start, then each leads its own', async () => {
    const [one, other] = await Promise.all([
      start(randomSchema('lead')),
      start(randomSchema('lead')),
    ]);

    expect([one.leadership.role, other.leadership.role]).toEqual(['leader', 'leader']);
  });
});
