import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SealedPersonalData } from '@libs/contracts';
import { forgetInStoredAnswers } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { MemberKeyRow } from './member-key.entity';
import { newMemberKey, open, PersonalData, seal } from './personal-data.cipher';

/** Crypto-shredding: seal with a per-member key, open while the key lives, erase by destroying it. */
@Injectable()
export class PersonalDataVault {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seal(memberId: string, data: PersonalData): Promise<SealedPersonalData> {
    const keyId = randomUUID();
    const key = newMemberKey();
    await this.db.getRepository(MemberKeyRow).insert({ keyId, memberId, key });
    return seal(data, keyId, key);
  }

  /** The personal data, or nulls once erased. */
  async open(sealed: SealedPersonalData | null): Promise<PersonalData> {
    if (!sealed) return { displayName: null, email: null };
    const row = await this.db.getRepository(MemberKeyRow).findOneBy({ keyId: sealed.keyId });
    return row ? open(sealed, row.key) : { displayName: null, email: null };
  }

  /** Forgets a key that sealed nothing kept (its admission was refused). */
  async discardKey(keyId: string): Promise<void> {
    await this.db.getRepository(MemberKeyRow).delete({ keyId });
  }

  /** Opens many at once, with one query for their keys. */
  async openAll(sealed: (SealedPersonalData | null)[]): Promise<PersonalData[]> {
    const keyIds = sealed.filter((s): s is SealedPersonalData => s !== null).map((s) => s.keyId);
    const rows = keyIds.length
      ? await this.db.getRepository(MemberKeyRow).findBy({ keyId: In(keyIds) })
      : [];
    const keys = new Map(rows.map((row) => [row.keyId, row.key]));
    return sealed.map((s) => {
      const key = s && keys.get(s.keyId);
      return s && key ? open(s, key) : { displayName: null, email: null };
    });
  }

  async erase(memberId: string): Promise<void> {
    await this.db.getRepository(MemberKeyRow).delete({ memberId });
    // A deleted row lingers in the table's pages until vacuumed: vacuum, so the key is really gone.
    await this.db.query(`VACUUM ${qualifiedTable(this.db, 'member_keys')}`);
    // Answers kept for retries showed the member in clear: a replay must not bring them back.
    await forgetInStoredAnswers(this.db, { memberId }, ['displayName', 'email']);
  }
}
