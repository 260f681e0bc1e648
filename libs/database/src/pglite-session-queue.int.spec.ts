import { ChildProcess } from 'node:child_process';
import { Client } from 'pg';
import { firstJsonLine, spawnTs, stopProcess } from '@tests/support/child-process';

// The embedded server is ONE PostgreSQL session shared by every connection. These are the ways
// pglite-socket's own queue got it wrong (wrong results, "bind message supplies N parameters",
// hangs) and that the session queue must get right.
describe('the embedded database shared by many connections', () => {
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    server = spawnTs('tests/support/embedded-postgres.process.ts');
    ({ url } = await firstJsonLine<{ url: string }>(server));
  });

  afterAll(async () => {
    await stopProcess(server);
  });

  async function connect(): Promise<Client> {
    const client = new Client({ connectionString: url });
    await client.connect();
    return client;
  }

  it('answers each parameterised query with its own parameters, transactions or not', async () => {
    const clients = await Promise.all(Array.from({ length: 6 }, connect));
    const outcomes = await Promise.all(
      clients.map(async (client, i) => {
        let wrong = 0;
        for (let k = 0; k < 100; k++) {
          const params = Array.from({ length: i + 1 }, (_, j) => i * 1000 + k + j);
          const sql = `SELECT ${params.map((_, j) => `$${j + 1}::int`).join(' + ')} AS n`;
          if (i % 2 === 0) await client.query('BEGIN');
          const { rows } = await client.query(sql, params);
          // A failing statement must not wedge the queue for the others.
          if (k % 25 === 7) await client.query('SELECT 1/$1::int', [0]).catch(() => undefined);
          if (i % 2 === 0) await client.query(k % 25 === 7 ? 'ROLLBACK' : 'COMMIT');
          if (rows[0].n !== params.reduce((a, b) => a + b, 0)) wrong++;
        }
        return wrong;
      }),
    );
    await Promise.all(clients.map((client) => client.end()));
    expect(outcomes).toEqual([0, 0, 0, 0, 0, 0]);
  });

  it('gives the session back when a client vanishes inside a transaction', async () => {
    const setup = await connect();
    await setup.query('CREATE TABLE vanishing (n int)');
    await setup.end();
    const quitter = await connect();
    quitter.on('error', () => undefined); // its own connection dropping is the point
    await quitter.query('BEGIN');
    await quitter.query('INSERT INTO vanishing VALUES ($1)', [1]);
    // The socket drops without COMMIT or ROLLBACK, as when a process is killed.
    (
      quitter as unknown as { connection: { stream: { destroy(): void } } }
    ).connection.stream.destroy();

    const other = await connect();
    const { rows } = await other.query(
      'SELECT count(*)::int AS n FROM vanishing WHERE n = $1',
      [1],
    );
    await other.end();
    expect(rows).toEqual([{ n: 0 }]);
  });
});
