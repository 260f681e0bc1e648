// `npm run cli -- <command>`: the operator's commands. `--help` lists them.
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  Actor,
  maxTokenDays,
  mintToken,
  readTokenPolicy,
  resolveAuthSecret,
  ROLES,
  Role,
  wholeNumber,
} from '@libs/auth';
import { createDataSource } from '@libs/database';
import { createEventStore } from '@libs/event-store/event-store.factory';
import { ProjectionRunner } from '@libs/projections';
import { ed25519PublicKey } from '@libs/portability';
import { backupCommand } from './backup-commands';
import { bundleKeyCommand, exportCommand, importCommand, verifyCommand } from './bundle-commands';
import { operatorDatabase } from './connection';
import { printParked } from './parked-report';
import { readModelsOf } from './read-models';
import { loadUpcasters } from './upcaster-modules';

const HELP = `Usage: npm run cli -- <command> [options]

Commands:
  token <role> <sub> [--coop <coopId>] [--days <n>]
      Mint a development token signed with AUTH_SECRET (or the embedded mode's secret), valid for
      --days whole days (default 30; at most AUTH_MAX_TOKEN_DAYS, 30 unless set).
      e.g. npm run cli -- token board-member board-chair
           npm run cli -- token coop-admin anna --coop velo-solidaire
  projections status --app <coop|consortium> [--coop <coopId>] [--schema <s>]
      Each projection's checkpoint, position and lag behind the head of the log.
      e.g. npm run cli -- projections status --app consortium
  projections rebuild --app <coop|consortium> [--coop <coopId>] [--name <projection>] [--schema <s>]
      Rebuild projections from the first event (stop the app first, or rebuild into another --schema).
      e.g. npm run cli -- projections rebuild --app consortium
  projections parked [--app <coop|consortium>] [--coop <coopId>] [--name <projection>] [--schema <s>]
      The events a view could not apply and set aside (its figures are partial): view, position,
      event id and type, when, and the error. --app defaults to consortium.
      e.g. npm run cli -- projections parked
  projections retry <projection> [--app <coop|consortium>] [--coop <coopId>] [--schema <s>]
      Once fixed (a new upcaster, a corrected projection), apply that view's parked events again:
      each one applied leaves the list; one that still fails stays, with its new error. The app
      may keep running. EVENT_UPCASTERS=<module>[,<module>…] registers the upcasters those modules
      export (\`upcasters\`), for a fix that ships apart from a release.
      e.g. npm run cli -- projections retry pooled_means

  export --coop <coopId> [--out <file>] [--schema <s>]
      The coop's whole history as a verifiable bundle (docs/export-format.md), to <file> or stdout,
      signed with the coop's own key (kept by the coop app in its tables: schema coop_<slug>, or
      --schema; the app makes it at its first start). With BUNDLE_PASSPHRASE set, the members' keys
      travel too, wrapped with it; without it, personal data travels sealed only.
      e.g. BUNDLE_PASSPHRASE='…' npm run cli -- export --coop velo-solidaire --out velo.ndjson
  bundle-key --app <coop|consortium> [--coop <coopId>] [--schema <s>]
      The public key (and its fingerprint) that signs the bundles the app exports, read from its
      tables: what to give verify --expect-key, e.g. for a bundle the consortium exported.
      e.g. npm run cli -- bundle-key --app consortium
  verify <bundle> [--expect-key <key>] [--hash <sealHash>]
      Checks the chain, the signature, every event against the contracts, the counts and the seal;
      names the line where the bundle is broken, and the signer (coop or consortium, key
      fingerprint). The signer is checked against --expect-key (a public key in base64 or its
      64-hex fingerprint), else, with EVENT_STORE_URL set, against the key the consortium's
      registry in that store recorded at the coop's admission; else it is only named. With
      BUNDLE_PASSPHRASE set, also opens every member key; --hash checks a seal hash noted apart.
      e.g. npm run cli -- verify velo.ndjson --expect-key 9c2e…
  import <bundle> [--expect-key <key>] [--schema <s>] [--without-personal-data]
      Into the store (EVENT_STORE_URL / DATABASE_URL, EVENT_STORE_SCHEMA): verifies the whole bundle
      first (as verify; --expect-key refuses another signer) and writes nothing if any line is
      wrong; on PostgreSQL all the events go in one transaction; importing again writes nothing.
      Member keys go to the coop app's tables (schema coop_<slug>, or --schema) and need
      BUNDLE_PASSPHRASE, unless --without-personal-data. Then start the coop app with the
      bundle's COOP_ID on that store. A graduated project's bundle (signed by the consortium,
      checked with --expect-key) also records the coop's pre-history as its own, once.
      e.g. BUNDLE_PASSPHRASE='…' DATABASE_URL=postgres://… npm run cli -- import velo.ndjson

  backup <file>
      Every event of the store, in order and as recorded, to <file> (gzip'd NDJSON with a checksum).
      Safe while the apps run. Not in it: read models (rebuilt from the events) and the members'
      keys, which each coop app keeps in its own tables (back up schema coop_<slug> with pg_dump).
      e.g. npm run cli -- backup federation-2027-03-01.ndjson.gz
  restore <file>
      Checks the whole backup first (writes nothing from a broken one), then appends its events,
      in their order, into an EMPTY store (EVENT_STORE_SCHEMA); then rebuild the views.
      e.g. EVENT_STORE_SCHEMA=event_store npm run cli -- restore federation-2027-03-01.ndjson.gz
           npm run cli -- projections rebuild --app consortium

Environment: DATABASE_URL (read models), EVENT_STORE_URL (default: DATABASE_URL), EVENT_STORE_SCHEMA,
AUTH_SECRET, AUTH_MAX_TOKEN_DAYS, BUNDLE_PASSPHRASE. With none set, the commands use the embedded database of .data/ (or
DATA_DIR).
`;

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      help: { type: 'boolean', short: 'h' },
      app: { type: 'string' },
      coop: { type: 'string' },
      name: { type: 'string' },
      schema: { type: 'string' },
      days: { type: 'string' },
      out: { type: 'string' },
      hash: { type: 'string' },
      'expect-key': { type: 'string' },
      'without-personal-data': { type: 'boolean' },
    },
  });
  const [command, sub, ...rest] = positionals;
  if (values.help || !command) {
    process.stdout.write(HELP);
    return;
  }
  if (command === 'token') return token(sub, rest[0], values.coop, values.days);
  if (command === 'projections' && PROJECTION_ACTIONS.includes(sub as ProjectionAction)) {
    return projections(sub as ProjectionAction, { ...values, target: rest[0] });
  }
  if (command === 'backup' || command === 'restore') {
    if (!sub) throw new UsageError(`${command} needs the backup file`);
    if (command === 'restore' && !existsSync(sub)) throw new UsageError(`no such file: ${sub}`);
    return backupCommand(command, sub, (line) => process.stdout.write(`${line}\n`));
  }
  if (command === 'export' || command === 'verify' || command === 'import') {
    return bundleCommand(command, sub, values);
  }
  if (command === 'bundle-key') {
    if (!values.app) throw new UsageError('--app coop|consortium is required');
    const models = readModelsOf(values.app, values.coop, values.schema);
    return bundleKeyCommand(values.app as 'coop' | 'consortium', models, (line) =>
      process.stdout.write(`${line}\n`),
    );
  }
  throw new UsageError(`unknown command: ${positionals.join(' ')}`);
}

function bundleCommand(
  command: 'export' | 'verify' | 'import',
  file: string | undefined,
  values: {
    coop?: string;
    out?: string;
    schema?: string;
    hash?: string;
    'expect-key'?: string;
    'without-personal-data'?: boolean;
  },
): Promise<void> {
  const options = {
    ...values,
    expectKey: values['expect-key'],
    withoutPersonalData: values['without-personal-data'],
  };
  const print = (line: string) => process.stdout.write(`${line}\n`);
  if (command === 'export') {
    if (!values.coop) throw new UsageError('export needs --coop <coopId>');
    // Without --out the bundle itself goes to stdout: the report goes to stderr.
    const report = values.out ? print : (line: string) => process.stderr.write(`${line}\n`);
    return exportCommand(options, report);
  }
  const expected = values['expect-key'];
  if (expected !== undefined && !/^[0-9a-f]{64}$/i.test(expected) && !ed25519PublicKey(expected)) {
    throw new UsageError(
      '--expect-key takes a key fingerprint (64 hex digits) or an Ed25519 public key (base64 DER)',
    );
  }
  if (!file) throw new UsageError(`${command} needs the bundle file`);
  if (!existsSync(file)) throw new UsageError(`no such file: ${file}`);
  return command === 'verify'
    ? verifyCommand(file, options, print)
    : importCommand(file, options, print);
}

class UsageError extends Error {}

function token(
  role: string | undefined,
  subject: string | undefined,
  coopId?: string,
  days?: string,
): void {
  if (!role || !ROLES.includes(role as Role))
    throw new UsageError(`role must be one of ${ROLES.join(', ')}`);
  if (!subject) throw new UsageError('give the token a sub (who it is for)');
  if (role === 'coop-admin' && !coopId)
    throw new UsageError('a coop-admin token needs --coop <coopId>');
  // A token the apps would refuse as living too long is refused here, before it is handed out.
  const max = maxTokenDays(readTokenPolicy());
  let lifetime: number;
  try {
    lifetime = wholeNumber('--days', days, [1, max], Math.min(30, max));
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
  const actor: Actor = { sub: subject, role: role as Role, ...(coopId ? { coopId } : {}) };
  const secret = resolveAuthSecret(
    process.env.AUTH_SECRET ? process.env : { DATA_DIR: process.env.DATA_DIR },
  );
  process.stdout.write(`${mintToken(secret, actor, lifetime * 24 * 3600)}\n`);
}

const PROJECTION_ACTIONS = ['status', 'rebuild', 'parked', 'retry'] as const;
type ProjectionAction = (typeof PROJECTION_ACTIONS)[number];

async function projections(
  action: ProjectionAction,
  options: { app?: string; coop?: string; name?: string; schema?: string; target?: string },
): Promise<void> {
  const app = options.app ?? (action === 'parked' || action === 'retry' ? 'consortium' : undefined);
  if (!app) throw new UsageError('--app coop|consortium is required');
  if (action === 'retry' && !options.target) {
    throw new UsageError('projections retry needs the projection, e.g. pooled_means');
  }
  const models = readModelsOf(app, options.coop, options.schema);
  const database = await operatorDatabase();
  const store = createEventStore(process.env.EVENT_STORE_URL ?? database.url, {
    schema: process.env.EVENT_STORE_SCHEMA,
    upcasters: loadUpcasters(process.env.EVENT_UPCASTERS),
  });
  const dataSource = createDataSource({ url: database.url, ...models });
  const print = (line: string) => process.stdout.write(`${line}\n`);
  try {
    await store.init();
    await dataSource.initialize();
    const runner = new ProjectionRunner({ store, dataSource, projections: models.projections });
    if (action === 'parked') return printParked(await runner.parked(options.name), print);
    if (action === 'retry') {
      const { applied, stillParked } = await runner.retryParked(options.target!);
      print(`${options.target}: ${applied} applied, ${stillParked} still parked`);
      if (stillParked > 0) printParked(await runner.parked(options.target), print);
      return;
    }
    if (action === 'rebuild') {
      const names = options.name ? [options.name] : models.projections.map((p) => p.name);
      for (const name of names) {
        const started = Date.now();
        await runner.rebuild(name);
        print(`rebuilt ${name} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      }
    }
    for (const status of await runner.status()) {
      const parked = status.parkedEvents > 0 ? `, ${status.parkedEvents} parked` : '';
      const error = status.lastError ? `, last error: ${status.lastError}` : '';
      print(
        `${status.name.padEnd(24)} position ${status.position} of ${status.headPosition}, lag ${status.lag}${parked}${error}`,
      );
    }
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await store.close();
    await database.stop();
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.message : String(error)}\n`);
  if (error instanceof UsageError)
    process.stderr.write('Run npm run cli -- --help for the commands.\n');
  process.exit(error instanceof UsageError ? 2 : 1);
});
