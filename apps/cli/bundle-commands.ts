import { createReadStream, createWriteStream, renameSync, rmSync } from 'node:fs';
import { Readable, Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createDataSource, ResolvedDatabase } from '@libs/database';
import { EventStore } from '@libs/event-store';
import { createEventStore } from '@libs/event-store/event-store.factory';
import {
  BrokenBundleError,
  importBundle,
  ImportRefused,
  ImportReport,
  ImportTarget,
  MemberKeySink,
  prepareBundle,
  verifyBundle,
} from '@libs/portability';
import { MemberKeyTable } from '../coop/src/export/member-key-table';
import { operatorDatabase } from './connection';
import { readModelsOf } from './read-models';

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

  store(database: ResolvedDatabase): EventStore {
    const store = createEventStore(process.env.EVENT_STORE_URL || database.url, {
      schema: process.env.EVENT_STORE_SCHEMA || undefined,
    });
    this.add(() => store.close());
    return store;
  }

  /** The coop app's own tables (where the member keys live), migrated if need be. */
  async memberKeys(database: ResolvedDatabase, coopId: string, schema?: string) {
    const dataSource = createDataSource({
      url: database.url,
      ...readModelsOf('coop', coopId, schema),
    });
    this.add(async () => dataSource.isInitialized && dataSource.destroy());
    await dataSource.initialize();
    return new MemberKeyTable(dataSource);
  }
}

const passphrase = () => process.env.BUNDLE_PASSPHRASE || undefined;

export async function exportCommand(options: BundleCommandOptions, print: Print): Promise<void> {
  const coopId = options.coop!;
  const resources = new Resources();
  const partial = options.out && `${options.out}.partial`;
  try {
    const database = await resources.database();
    const bundle = await prepareBundle({
      store: resources.store(database),
      coopId,
      memberKeys: passphrase()
        ? await resources.memberKeys(database, coopId, options.schema)
        : undefined,
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
    print(`seal hash ${seal.hash} (note it apart from the bundle: verify --hash checks it)`);
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
  const summary = await verifyBundle(createReadStream(file), {
    passphrase: passphrase(),
    sealHash: options.hash,
  }).catch((error: unknown) => {
    throw error instanceof BrokenBundleError
      ? new Error(`${file} is broken: ${error.message}`)
      : error;
  });
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
  print(`seal hash ${summary.sealHash}${options.hash ? ' (as noted at export)' : ''}`);
}

export async function importCommand(
  file: string,
  options: BundleCommandOptions,
  print: Print,
): Promise<void> {
  const resources = new Resources();
  try {
    const report = await importBundle(
      () => createReadStream(file),
      async (manifest): Promise<ImportTarget> => {
        const database = await resources.database();
        const store = resources.store(database);
        await store.init();
        const keysTravel =
          manifest.personalData.memberKeys === 'wrapped' && !options.withoutPersonalData;
        const memberKeys: MemberKeySink | undefined = keysTravel
          ? await resources.memberKeys(database, manifest.coopId, options.schema)
          : undefined;
        return { store, memberKeys };
      },
      { passphrase: passphrase(), withoutPersonalData: options.withoutPersonalData },
    );
    for (const line of describeImport(report)) print(line);
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

function describeImport(report: ImportReport): string[] {
  const keys =
    typeof report.memberKeys === 'string'
      ? `member keys: ${report.memberKeys} (personal data stays sealed)`
      : `member keys: ${report.memberKeys.saved} saved, ${report.memberKeys.alreadyPresent} already there`;
  return [
    `imported ${report.coopId}: ${report.appended} events appended, ${report.alreadyPresent} already there`,
    `${report.consortiumEvents} consortium events about the coop verified and kept in the bundle only`,
    keys,
    `start the coop app with COOP_ID=${report.coopId} on this store: its read models rebuild from these events`,
  ];
}
