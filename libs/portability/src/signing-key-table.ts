import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';
import {
  BundleSigner,
  keyFingerprint,
  newSigningKey,
  SIGNATURE_ALGORITHM,
  signerOf,
} from './bundle-signature';

interface KeyRow {
  public_key: string;
  private_key: Buffer;
}

/**
 * An app's bundle-signing key in its own database (`bundle_signing_key`, created by
 * CreateBundleSigningKey1765000000000). The app makes it at its first start (`ensure`); the
 * private key is only ever read into the process that signs, never sent anywhere.
 */
export class SigningKeyTable {
  private readonly table: string;

  constructor(
    private readonly db: DataSource,
    private readonly party: BundleSigner['party'],
  ) {
    this.table = qualifiedTable(db, 'bundle_signing_key');
  }

  /** The key, made now if the app has none yet; several processes may race, one key wins. */
  async ensure(): Promise<{ publicKey: string; fingerprint: string }> {
    const existing = await this.row();
    if (existing) return this.described(existing.public_key);
    const made = newSigningKey();
    await this.db.query(
      `INSERT INTO ${this.table} (id, algorithm, public_key, private_key) VALUES (1, $1, $2, $3)
       ON CONFLICT (id) DO NOTHING`,
      [SIGNATURE_ALGORITHM, made.publicKey, made.privateKey],
    );
    return this.described((await this.row())!.public_key);
  }

  /** The public key, or null when the app never made one. */
  async publicKey(): Promise<string | null> {
    return (await this.row())?.public_key ?? null;
  }

  /** A signer with the app's key; null when it has none (the app never started on this database). */
  async signer(): Promise<BundleSigner | null> {
    const row = await this.row();
    return row ? signerOf(this.party, row.public_key, row.private_key) : null;
  }

  private async row(): Promise<KeyRow | undefined> {
    const rows: KeyRow[] = await this.db.query(
      `SELECT public_key, private_key FROM ${this.table} WHERE id = 1`,
    );
    return rows[0];
  }

  private described(publicKey: string) {
    return { publicKey, fingerprint: keyFingerprint(publicKey) };
  }
}
