// A child process that serves an embedded PGlite and prints its URL as one JSON line on stdout.
// Tests use it because jest's sandbox cannot load PGlite (it refuses PGlite's dynamic import).
import { startEmbeddedPostgres } from '@libs/database';

async function main(): Promise<void> {
  const server = await startEmbeddedPostgres({ dataDir: process.argv[2] || undefined });
  process.stdout.write(`${JSON.stringify({ url: server.url })}\n`);
  const stop = async (): Promise<void> => {
    await server.stop();
    process.exit(0);
  };
  process.on('SIGTERM', stop);
  process.on('SIGINT', stop);
}

void main();
