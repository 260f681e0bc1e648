import { LoggerService } from '@nestjs/common';
import { Client } from 'pg';
import { DataSource } from 'typeorm';
import { createDataSource } from '@libs/database';
import { randomSchema } from '@tests/projections/testbed';
import { ProjectionLeadership, ProjectionRole } from './projection-leadership';

const INTERVAL_MS = 200;
const quiet: LoggerService = { log() {}, warn() {}, error() {} };

/** A replica's leadership, recording when it was told to lead and to follow. */
function replica(dataSource: DataSource, name: string) {
  const calls: ProjectionRole[] = [];
  const leadership = new ProjectionLeadership({
    dataSource,
    name,
    intervalMs: INTERVAL_MS,
    onLead: async () => void calls.push('leader'),
    onFollow: async () => void calls.push('follower'),
    logger: quiet,
  });
  return { leadership, calls };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
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

  function start(name: string) {
    const one = replica(dataSource, name);
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

  it('given a leader, when it stops, then the follower takes over within an interval', async () => {
    const name = randomSchema('lead');
    const first = await start(name);
    const second = await start(name);

    await first.leadership.stop();
    const stoppedAt = Date.now();
    await until(() => second.leadership.role === 'leader');

    expect(Date.now() - stoppedAt).toBeLessThan(2 * INTERVAL_MS + 500);
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

  it('given replicas of two read models, when they start, then each leads its own', async () => {
    const [one, other] = await Promise.all([
      start(randomSchema('lead')),
      start(randomSchema('lead')),
    ]);

    expect([one.leadership.role, other.leadership.role]).toEqual(['leader', 'leader']);
  });
});
