import { Injectable, Logger, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BundleSigner, SigningKeyTable } from '@libs/portability';

/**
 * The consortium's own Ed25519 key. When the consortium exports a coop's history it is the
 * exporter: the bundle's content (its range, its creation time) is its own, so it signs with its
 * own key and the manifest says so (`signer.party: consortium`); it never holds a coop's key.
 * Made at the app's first start, kept in its database; its fingerprint is logged at start.
 */
@Injectable()
export class ConsortiumSigningKey implements OnModuleInit {
  private readonly table: SigningKeyTable;

  constructor(@InjectDataSource() db: DataSource) {
    this.table = new SigningKeyTable(db, 'consortium');
  }

  async onModuleInit(): Promise<void> {
    const { fingerprint } = await this.table.ensure();
    new Logger('Export').log(
      `bundles exported here are signed by the consortium's key ${fingerprint}`,
    );
  }

  async signer(): Promise<BundleSigner> {
    await this.table.ensure();
    return (await this.table.signer())!;
  }
}
