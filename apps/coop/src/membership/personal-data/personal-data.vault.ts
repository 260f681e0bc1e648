import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { SealedPersonalData } from '@libs/contracts';
import { forgetInStoredAnswers } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { MemberKeyRow } from './member-key.entity';
import { inClear, keyIdsOf, MemberInClear, SealedParts } from './member-in-clear';
import { newMemberKey, PersonalData, seal, sealNote } from '@libs/personal-data';

/** A note sealed for a command, and how to forget the key made for it if the command is refused. */
export interface SealedNote {
  sealed: SealedPersonalData;
  undo(): Promise<void>;
}

/**
 * What answers kept for Idempotency-Key retries may show of a member as a person: the member view's
 * name, e-mail and exit reason.
 */
const PERSONAL_FIELDS_IN_ANSWERS = [['displayName'], ['email'], ['exit', 'reason']];

/** Crypto-shredding: seal with a per-member key, open while the key lives, erase by destroying it. */
@Injectable()
export class PersonalDataVault {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  async seal(memberId: string, data: PersonalData): Promise<SealedPersonalData> {
    const { keyId, key } = await this.newKey(memberId);
    return seal(data, keyId, key);
  }

  /**
   * Seals a free text about the member with the member's key (the newest one: erasure destroys
   * them all), or with a new key of the member's when it has none left (admitted without a name,
   * or erased before).
   */
  async sealNote(memberId: string, text: string): Promise<SealedNote> {
    const existing = await this.db
      .getRepository(MemberKeyRow)
      .findOne({ where: { memberId }, order: { createdAt: 'DESC' } });
    if (existing) {
      return { sealed: sealNote(text, existing.keyId, existing.key), undo: async () => {} };
    }
    const { keyId, key } = await this.newKey(memberId);
    return { sealed: sealNote(text, keyId, key), undo: () => this.discardKey(keyId) };
  }

  /** Forgets a key that sealed nothing kept (its admission was refused). */
  async discardKey(keyId: string): Promise<void> {
    await this.db.getRepository(MemberKeyRow).delete({ keyId });
  }

  /** The member's personal data and exit reason, or nulls once erased. */
  async open(member: SealedParts): Promise<MemberInClear> {
    const [opened] = await this.openAll([member]);
    return opened;
  }

  /** Opens many at once, with one query for their keys. */
  async openAll(members: SealedParts[]): Promise<MemberInClear[]> {
    const keyIds = [...new Set(members.flatMap(keyIdsOf))];
    const rows = keyIds.length
      ? await this.db.getRepository(MemberKeyRow).findBy({ keyId: In(keyIds) })
      : [];
    const keys = new Map(rows.map((row) => [row.keyId, row.key]));
    return members.map((member) => inClear(member, keys));
  }

  async erase(memberId: string): Promise<void> {
    await this.db.getRepository(MemberKeyRow).delete({ memberId });
    // A deleted row lingers in the table's pages until vacuumed: vacuum, so the key is really gone.
    await this.db.query(`VACUUM ${qualifiedTable(this.db, 'member_keys')}`);
    // Answers kept for retries showed the member in clear: a replay must not bring them back.
    await forgetInStoredAnswers(this.db, { memberId }, PERSONAL_FIELDS_IN_ANSWERS);
  }

  private async newKey(memberId: string): Promise<{ keyId: string; key: Buffer }> {
    const keyId = randomUUID();
    const key = newMemberKey();
    await this.db.getRepository(MemberKeyRow).insert({ keyId, memberId, key });
    return { keyId, key };
  }
}
