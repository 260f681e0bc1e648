import { Injectable, OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { BundleSigner, SigningKeyTable } from '@libs/portability';

/**
 * The coop's own Ed25519 key, which signs its export bundles: made at the app's first start and
 * kept in its database. Its public key goes with the coop's application to the consortium, which
 * records it at admission; the private key never leaves this database and this process.
 */
@Injectable()
export class CoopSigningKey implements OnModuleInit {
  private readonly table: SigningKeyTable;

  constructor(@InjectDataSource() db: DataSource) {
    this.table = new SigningKeyTable(db, 'coop');
  }

  async onModuleInit(): Promise<void> {
    await this.table.ensure();
  }

  async publicKey(): Promise<string> {
    return (await this.table.ensure()).publicKey;
  }

  async signer(): Promise<BundleSigner> {
    await this.table.ensure();
    return (await this.table.signer())!;
  }
}
