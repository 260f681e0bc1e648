import { Client } from 'pg';
import { firstJsonLine, spawnTs, stopProcess } from '@tests/support/child-process';
import { ChildProcess } from 'node:child_process';

const SERVER = 'tests/support/embedded-postgres.process.ts';

async function answer(url: string): Promise<string> {
  const client = new Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    const { rows } = await client.query<{ answer: string }>("SELECT 'in' AS answer");
    return rows[0].answer;
  } catch (error) {
    return `refused: ${(error as Error).message}`;
  } finally {
    await client.end().catch(() => undefined);
  }
}

function withPassword(url: string, password: string | undefined): string {
  const u = new URL(url);
  u.password = password ?? '';
  return u.toString();
}

describe('the embedded database asks every connection for its password', () => {
  let server: ChildProcess;
  let url: string;

  beforeAll(async () => {
    server = spawnTs(SERVER);
    ({ url } = await firstJsonLine<{ url: string }>(server));
  });

  afterAll(() => stopProcess(server));

  it('lets in a connection with the password of its URL', async () => {
    expect(new URL(url).password.length).toBeGreaterThanOrEqual(24);
    expect(await answer(url)).toBe('in');
  });

  it('refuses a connection without a password', async () => {
    // pg asks its password callback when the server wants one and the URL has none.
    const client = new Client({ connectionString: withPassword(url, undefined), password: '' });
    await expect(client.connect()).rejects.toThrow(/password/);
    await client.end().catch(() => undefined);
  });

  it('refuses a connection with a wrong password, and still serves the right one after', async () => {
    expect(await answer(withPassword(url, 'not-the-password'))).toBe(
      'refused: password authentication failed',
    );
    const almost = new URL(url).password.slice(0, -1);
    expect(await answer(withPassword(url, almost))).toMatch(
      /^refused: password authentication failed/,
    );
    expect(await answer(url)).toBe('in');
  });

  it('answers nothing to a client that skips the password and sends a query', async () => {
    const { connect } = await import('node:net');
    const { port } = new URL(url);
    const socket = connect(Number(port), '127.0.0.1');
    const received: Buffer[] = [];
    socket.on('data', (chunk: Buffer) => received.push(chunk));
    const closed = new Promise((resolve) => socket.on('close', resolve));
    const startup = Buffer.concat([
      Buffer.alloc(8),
      Buffer.from('user\0postgres\0database\0postgres\0\0'),
    ]);
    startup.writeInt32BE(startup.length, 0);
    startup.writeInt32BE(196608, 4);
    socket.write(startup);
    const sql = Buffer.from("SELECT 'leaked'\0");
    const query = Buffer.concat([Buffer.from('Q'), Buffer.alloc(4), sql]);
    query.writeInt32BE(4 + sql.length, 1);
    await new Promise((resolve) => setTimeout(resolve, 100));
    socket.write(query);
    await closed;
    const all = Buffer.concat(received).toString('latin1');
    expect(all).toContain('28P01');
    expect(all).not.toContain('leaked');
  });
});
