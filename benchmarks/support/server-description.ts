import { Pool } from 'pg';

/** The server a bench measured, with the settings that decide commit speed. */
export async function describeServer(url: string): Promise<string> {
  const pool = new Pool({ connectionString: url, max: 1 });
  try {
    const { rows } = await pool.query<{ version: string; fsync: string; commit: string }>(
      `SELECT split_part(version(), ' ', 2) AS version, current_setting('fsync') AS fsync,
         current_setting('synchronous_commit') AS commit`,
    );
    const { version, fsync, commit } = rows[0];
    return `PostgreSQL ${version} (fsync ${fsync}, synchronous_commit ${commit})`;
  } finally {
    await pool.end();
  }
}
