import { EmbeddedPostgres, startEmbeddedPostgres } from './embedded-postgres';

export interface ResolvedDatabase {
  url: string;
  /** True when this process started the embedded server (and must stop it). */
  embedded: boolean;
  stop(): Promise<void>;
}

/** `DATABASE_URL` when set, else an embedded PGlite under `dataDir` (default `.data/db`). */
export async function resolveDatabase(
  env: NodeJS.ProcessEnv = process.env,
  dataDir = env.DATA_DIR ? `${env.DATA_DIR}/db` : '.data/db',
): Promise<ResolvedDatabase> {
  if (env.DATABASE_URL) {
    return { url: env.DATABASE_URL, embedded: false, stop: async () => undefined };
  }
  const server: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir });
  return { url: server.url, embedded: true, stop: () => server.stop() };
}
