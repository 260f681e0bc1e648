import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  writeFileSync,
} from 'node:fs';
import { AddressInfo } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { serializeSessions } from './pglite-session-queue';
import { randomPassword } from './password-door';

/**
 * The embedded default database: PGlite (PostgreSQL compiled to WebAssembly) served on 127.0.0.1
 * by pglite-socket, so that `pg`, TypeORM and child processes connect to it exactly as to a real
 * server. PGlite is ONE session: the socket server multiplexes connections query by query, and
 * holds other connections back while one is inside a transaction. Never await a query on another
 * connection while holding a transaction open: it would wait forever.
 *
 * Every connection must give the password (see `PasswordDoor`): the port is open to every user of
 * the machine, and the database holds the members' keys.
 */
export interface EmbeddedPostgresOptions {
  /** Where the database lives; omitted = in memory (gone when the process ends). */
  dataDir?: string;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Must be at least the largest pool that connects (pg's default pool is 10). */
  maxConnections?: number;
  /** Where the initdb template is cached between runs. */
  templateDir?: string;
  /** The password every connection must give; omitted = a random one for this start. */
  password?: string;
}

export interface EmbeddedPostgres {
  readonly url: string;
  readonly port: number;
  stop(): Promise<void>;
}

const PGLITE_VERSION = '0.5.14';
export const DEFAULT_TEMPLATE_DIR = resolve(
  __dirname,
  '../../../node_modules/.cache/coop-federation',
);

export async function startEmbeddedPostgres(
  options: EmbeddedPostgresOptions = {},
): Promise<EmbeddedPostgres> {
  // Imported lazily: the CJS build of PGlite does a dynamic import at load time, and deployments
  // on a real server never need it.
  const { PGlite } = await import('@electric-sql/pglite');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  const { pgcrypto } = await import('@electric-sql/pglite/contrib/pgcrypto');

  const dataDir = options.dataDir ? resolve(options.dataDir) : undefined;
  const fresh = !dataDir || !existsSync(dataDir) || readdirSync(dataDir).length === 0;
  if (dataDir) mkdirSync(dirname(dataDir), { recursive: true });

  const loadDataDir = fresh
    ? await template(options.templateDir ?? DEFAULT_TEMPLATE_DIR)
    : undefined;
  const db = await PGlite.create({ dataDir, loadDataDir, extensions: { pgcrypto } });
  await db.exec('CREATE EXTENSION IF NOT EXISTS pgcrypto');

  const server = new PGLiteSocketServer({
    db,
    host: '127.0.0.1',
    port: options.port ?? 0,
    maxConnections: options.maxConnections ?? 64,
  });
  const password = options.password ?? randomPassword();
  serializeSessions(server, db, password);
  await server.start();
  const port = listeningPort(server);

  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`,
    port,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

function listeningPort(server: object): number {
  // The server object does not expose the port the OS picked for port 0; its net.Server does.
  const net = (server as unknown as { server?: { address(): AddressInfo | string | null } }).server;
  const address = net?.address();
  if (!address || typeof address === 'string')
    throw new Error('embedded PostgreSQL is not listening');
  return address.port;
}

/**
 * A freshly initialised data directory, dumped once and cached: initdb takes seconds, loading the
 * dump well under one.
 */
async function template(templateDir: string): Promise<Blob> {
  const file = join(templateDir, `pglite-${PGLITE_VERSION}-template.tar.gz`);
  if (!existsSync(file)) {
    const { PGlite } = await import('@electric-sql/pglite');
    const db = await PGlite.create();
    const dump = await db.dumpDataDir('gzip');
    await db.close();
    mkdirSync(templateDir, { recursive: true });
    // Write then rename, so that a concurrent first start never reads half a template.
    const tmp = `${file}.${process.pid}.tmp`;
    writeFileSync(tmp, Buffer.from(await dump.arrayBuffer()));
    renameSync(tmp, file);
  }
  return new Blob([readFileSync(file)]);
}
