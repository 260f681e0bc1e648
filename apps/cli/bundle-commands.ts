import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDataSource, ResolvedDatabase } from '@libs/database';
import { EventStore } from '@libs/event-store';
import { createEventStore } from '@libs/event-store/event-store.factory';
import {
  BrokenBundleError,
  BundleSummary,
  importBundle,
  ImportRefused,
  ImportReport,
  ImportTarget,
  keyFingerprint,
  MemberKeySink,
  prepareBundle,
  readManifest,
  registeredCoopKey,
  signerName,
  SigningKeyTable,
  verifyBundle,
} from '@libs/portability';
import { MemberKeyTable } from '../coop/src';
import { IncubationReceipt, receiveIncubationHistory } from './incubation-history';
import { operatorDatabase } from './connection';
import { AppReadModels, readModelsOf } from './read-models';

/**
 * `export`, `verify`, `import`: a coop's portable history (docs/export-format.md). The passphrase
 * that wraps the members' keys comes from BUNDLE_PASSPHRASE, never from the command line, where
 * any user of the machine could read it in the process list.
 */
export interface BundleCommandOptions {
  coop?: string;
  out?: string;
  schema?: string;
  hash?: string;
  expectKey?: string;
  withoutPersonalData?: boolean;
}

type Print = (line: string) => void;

/** Things a command needs closed at the end, last opened first closed. */
class Resources {
  private readonly closers: (() => Promise<unknown>)[] = [];

  add(close: () => Promise<unknown>): void {
    this.closers.unshift(close);
  }

  async close(): Promise<void> {
    for (const close of this.closers) await close();
  }

  async database(): Promise<ResolvedDatabase> {
    const database = await operatorDatabase();
    this.add(() => database.stop());
    return database;
  }

  store(url: string): EventStore {
    const store = createEventStore(url, { schema: process.env.EVENT_STORE_SCHEMA || undefined });
    this.add(() => store.close());
    return store;
  }

  /** The coop app's own tables (its member keys, its signing key), migrated if need be. */
  async coopTables(database: ResolvedDatabase, coopId: string, schema?: string) {
    const models = readModelsOf('coop', coopId, schema);
    const dataSource = createDataSource({ url: database.url, ...models });
    this.add(async () => dataSource.isInitialized && dataSource.destroy());
    await dataSource.initialize();
    return {
      memberKeys: new MemberKeyTable(dataSource),
      signingKey: new SigningKeyTable(dataSource, 'coop'),
      schema: models.schema,
    };
  }
}

const passphrase = () => process.env.BUNDLE_PASSPHRASE || undefined;

/** The key an app signs its bundles with, as its own tables hold it. */
export async function bundleKeyCommand(
  app: 'coop' | 'consortium',
  models: AppReadModels,
  print: Print,
): Promise<void> {
  const database = await operatorDatabase();
  const dataSource = createDataSource({ url: database.url, ...models });
  try {
    await dataSource.initialize();
    const publicKey = await new SigningKeyTable(dataSource, app).publicKey();
    if (!publicKey) {
      throw new Error(
        `no signing key in schema ${models.schema}: the app makes it at its first start`,
      );
    }
    print(`fingerprint ${keyFingerprint(publicKey)}`);
    print(`public key  ${publicKey}`);
  } finally {
    if (dataSource.isInitialized) await dataSource.destroy();
    await database.stop();
  }
}

export async function exportCommand(options: BundleCommandOptions, print: Print): Promise<void> {
  const coopId = options.coop!;
  const resources = new Resources();
  const partial = options.out && `${options.out}.partial`;
  try {
    const database = await resources.database();
    const coop = await resources.coopTables(database, coopId, options.schema);
    // The coop's own key, from its app's database: the operator signs as the coop only where
    // the coop app keeps its key, and a coop app that never started has none to sign with.
    const signer = await coop.signingKey.signer();
    if (!signer) {
      throw new Error(
        `no signing key for ${coopId} in schema ${coop.schema}: the coop app makes its key at its ` +
          'first start (start it once on this database, or give its schema with --schema)',
      );
    }
    const bundle = await prepareBundle({
      store: resources.store(process.env.EVENT_STORE_URL || database.url),
      coopId,
      signer,
      memberKeys: passphrase() ? coop.memberKeys : undefined,
      passphrase: passphrase(),
    });
    // Written beside the target and renamed when complete: a bundle at `out` is a whole one.
    const sink: Writable = partial ? createWriteStream(partial) : process.stdout;
    await pipeline(Readable.from(bundle.text(), { objectMode: false }), sink, { end: !!partial });
    if (partial) renameSync(partial, options.out!);
    const seal = bundle.sealed()!;
    const keys =
      bundle.manifest.personalData.memberKeys === 'wrapped'
        ? `${seal.memberKeyCount} member keys wrapped with BUNDLE_PASSPHRASE`
        : 'no member keys (set BUNDLE_PASSPHRASE to take them along)';
    print(
      `exported ${seal.eventCount} events of ${coopId}, ${keys}${options.out ? ` to ${options.out}` : ''}`,
    );
    print(`signed by coop ${coopId}, key ${keyFingerprint(signer.publicKey)}`);
    print(`seal hash ${seal.hash}`);
  } catch (error) {
    if (partial) rmSync(partial, { force: true });
    throw error;
  } finally {
    await resources.close();
  }
}

export async function verifyCommand(
  file: string,
  options: BundleCommandOptions,
  print: Print,
): Promise<void> {
  const broken = (error: unknown) => {
    throw error instanceof BrokenBundleError
      ? new Error(`${file} is broken: ${error.message}`)
      : error;
  };
  const expectKey = options.expectKey
    ? { key: options.expectKey, from: '--expect-key' }
    : await registryKey(file).catch(broken);
  const summary = await verifyBundle(createReadStream(file), {
    passphrase: passphrase(),
    sealHash: options.hash,
    expectKey: expectKey?.key,
  }).catch(broken);
  const { manifest } = summary;
  const keys =
    manifest.personalData.memberKeys === 'none'
      ? 'no member keys'
      : `${summary.memberKeyCount} member keys${passphrase() ? ', each opened with BUNDLE_PASSPHRASE' : ' (wrapped; set BUNDLE_PASSPHRASE to check they open)'}`;
  print(`${file}: sound`);
  print(
    `coop ${manifest.coopId}, ${manifest.format} version ${manifest.formatVersion}, created ${manifest.createdAt}`,
  );
  print(`${summary.eventCount} events, ${keys}, ${summary.lineCount} lines chained by SHA-256`);
  print(signedBy(summary, expectKey?.from));
  print(`seal hash ${summary.sealHash}${options.hash ? ' (as noted at export)' : ''}`);
}

/**
 * With EVENT_STORE_URL, the key the consortium recorded for the bundle's coop at its admission:
 * what a coop-signed bundle must be signed with. The consortium's own key is not in the registry:
 * a bundle it signed is checked with --expect-key.
 */
async function registryKey(file: string): Promise<{ key: string; from: string } | undefined> {
  const url = process.env.EVENT_STORE_URL;
  if (!url) return undefined;
  const manifest = await readManifest(createReadStream(file));
  const coopId = String(manifest.coopId);
  const refuse = (why: string) =>
    new Error(`${file} refused: ${why} (give --expect-key, or verify without EVENT_STORE_URL)`);
  if (manifest.signer?.party !== 'coop') {
    throw refuse(`it is signed by ${signerName(manifest)}, whose key the registry does not hold`);
  }
  const resources = new Resources();
  try {
    const key = await registeredCoopKey(resources.store(url), coopId);
    if (key === undefined) throw refuse(`the registry at EVENT_STORE_URL never admitted ${coopId}`);
    if (key === null) throw refuse(`the registry recorded no signing key for ${coopId}`);
    return { key, from: "the consortium's registry" };
  } finally {
    await resources.close();
  }
}

function signedBy(summary: BundleSummary, checkedAgainst: string | undefined): string {
  const { signer } = summary;
  const who = signer.party === 'coop' ? `coop ${signer.coopId}` : 'the consortium';
  return (
    `signed by ${who}, key ${signer.fingerprint}: ` +
    (checkedAgainst
      ? `the key expected by ${checkedAgainst}`
      : 'NOT checked against a known key (give --expect-key, or EVENT_STORE_URL to check the registry)')
  );
}

export async function importCommand(
  file: string,
  options: BundleCommandOptions,
  print: Print,
): Promise<void> {
  const resources = new Resources();
  const open = () => createReadStream(file);
  try {
    let store: EventStore | undefined;
    const report = await importBundle(
      open,
      async (manifest): Promise<ImportTarget> => {
        const database = await resources.database();
        store = resources.store(process.env.EVENT_STORE_URL || database.url);
        await store.init();
        const keysTravel =
          manifest.personalData.memberKeys === 'wrapped' && !options.withoutPersonalData;
        const memberKeys: MemberKeySink | undefined = keysTravel
          ? (await resources.coopTables(database, manifest.coopId, options.schema)).memberKeys
          : undefined;
        return { store, memberKeys };
      },
      {
        passphrase: passphrase(),
        withoutPersonalData: options.withoutPersonalData,
        expectKey: options.expectKey,
      },
    );
    const incubation = await receiveIncubationHistory(open, store!, {
      expectKey: options.expectKey,
      imported: report,
    });
    for (const line of describeImport(report, options.expectKey, incubation)) print(line);
  } catch (error) {
    // Both are found before the first write.
    if (error instanceof BrokenBundleError || error instanceof ImportRefused) {
      throw new Error(`${file} refused, nothing written: ${error.message}`);
    }
    throw error;
  } finally {
    await resources.close();
  }
}

function describeImport(
  report: ImportReport,
  expectKey: string | undefined,
  incubation: IncubationReceipt,
): string[] {
  const keys =
    typeof report.memberKeys === 'string'
      ? `member keys: ${report.memberKeys} (personal data stays sealed)`
      : `member keys: ${report.memberKeys.saved} saved, ${report.memberKeys.alreadyPresent} already there`;
  return [
    `imported ${report.coopId}: ${report.appended} events appended, ${report.alreadyPresent} already there` +
      (report.atomic ? ' (in one transaction)' : ''),
    signedBy({ signer: report.signer } as BundleSummary, expectKey && '--expect-key'),
    `${report.consortiumEvents} consortium events about the coop verified and kept in the bundle only`,
    ...describeIncubation(incubation),
    keys,
    `start the coop app with COOP_ID=${report.coopId} on this store: its read models rebuild from these events`,
  ];
}

function describeIncubation(receipt: IncubationReceipt): string[] {
  switch (receipt.outcome) {
    case 'none':
      return [];
    case 'unchecked':
      return [
        `pre-history of project ${receipt.projectId} NOT recorded: the signer was not checked ` +
          "(import again with --expect-key and the consortium's key)",
      ];
    case 'received':
      return [
        `pre-history of project ${receipt.projectId} (${receipt.name}) recorded as the coop's own`,
      ];
    case 'already received':
      return [`pre-history of project ${receipt.projectId} (${receipt.name}) already recorded`];
  }
}
