import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { SealedPersonalData } from '@libs/contracts';
import { qualifiedTable } from '@libs/database';
// The coop app's cipher, as it seals members: one scheme for every person the federation records.
import { newMemberKey, open, seal } from '@libs/personal-data';
import { ProjectContactKeyRow } from './project-contact-key.entity';

/** A project's contact person as the board reads them. */
export interface ProjectContact {
  name: string;
  email: string | null;
}

/** Crypto-shredding of a project's contact: sealed with the project's key, erased by destroying it. */
@Injectable()
export class ProjectContactVault {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** Seals the contact with a new key of the project's; `discard` forgets it if the opening fails. */
  async seal(
    projectId: string,
    contact: ProjectContact,
  ): Promise<{ sealed: SealedPersonalData; discard(): Promise<void> }> {
    const keyId = randomUUID();
    const key = newMemberKey();
    await this.db.getRepository(ProjectContactKeyRow).insert({ keyId, projectId, key });
    return {
      sealed: seal({ displayName: contact.name, email: contact.email }, keyId, key),
      discard: async () => {
        await this.db.getRepository(ProjectContactKeyRow).delete({ keyId });
      },
    };
  }

  /** The contact in clear, or null once erased (or never given). */
  async open(sealed: SealedPersonalData | null): Promise<ProjectContact | null> {
    if (!sealed) return null;
    const row = await this.db
      .getRepository(ProjectContactKeyRow)
      .findOneBy({ keyId: sealed.keyId });
    if (!row) return null;
    const { displayName, email } = open(sealed, row.key);
    return { name: displayName ?? '', email };
  }

  async erase(projectId: string): Promise<void> {
    await this.db.getRepository(ProjectContactKeyRow).delete({ projectId });
    // A deleted row lingers in the table's pages until vacuumed: vacuum, so the key is really gone.
    await this.db.query(`VACUUM ${qualifiedTable(this.db, 'project_contact_keys')}`);
  }
}
