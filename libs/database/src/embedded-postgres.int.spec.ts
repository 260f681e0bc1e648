import { Client } from 'pg';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { firstJsonLine, spawnTs, stopProcess } from '@tests/support/child-process';

const SERVER = 'tests/support/embedded-postgres.process.ts';

async function query(url: string, sql: string): Promise<unknown[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows;
  } finally {
    await client.end();
  }
}

describe('embedded PostgreSQL', () => {
  it('keeps its data across restarts in a data dir whose parents did not exist', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'pglite-'));
    const dataDir = join(dir, 'nested', 'db');
    try {
      let child = spawnTs(SERVER, [dataDir]);
      let { url } = await firstJsonLine<{ url: string }>(child);
      await query(
        url,
        'CREATE TABLE coops (id text primary key, ref uuid default gen_random_uuid())',
      );
      await query(url, "INSERT INTO coops (id) VALUES ('velo-solidaire')");
      await stopProcess(child);

      child = spawnTs(SERVER, [dataDir]);
      ({ url } = await firstJsonLine<{ url: string }>(child));
      const rows = await query(url, 'SELECT id FROM coops');
      await stopProcess(child);
      expect(rows).toEqual([{ id: 'velo-solidaire' }]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('serves several connections at once over the PostgreSQL protocol', async () => {
    const child = spawnTs(SERVER);
    try {
      const { url } = await firstJsonLine<{ url: string }>(child);
      const results = await Promise.all(
        Array.from({ length: 12 }, (_, i) => query(url, `SELECT ${i} AS n`)),
      );
      expect(results.map((rows) => (rows[0] as { n: number }).n)).toEqual([...Array(12).keys()]);
    } finally {
      await stopProcess(child);
    }
  });
});
