import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { AccessRefused, Actor } from '@libs/auth';
import { CoopStatus } from './member-coop';
import { MemberCoopRow } from './member-coop.entity';

/** A member until its withdrawal is settled, as the pooled means count it. */
const MEMBER_STATUSES: CoopStatus[] = ['admitted', 'withdrawing'];

/** The rule a coop admin's token meets only while the board counts their coop a member. */
export const MEMBER_COOP_ADMIN_RULE = 'member_coop_admin';

/**
 * Who may act for a coop in what the coops share with each other (trainings, bookings, hours),
 * and read what the consortium does with their money: the admin of a coop the board admitted, as
 * the registry has it.
 */
@Injectable()
export class AdmittedCoops {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The caller's coop, if the board admitted it (and it has not left); otherwise 403. */
  async coopOf(actor: Actor): Promise<string> {
    const coopId = actor.coopId;
    if (!coopId) throw new AccessRefused(MEMBER_COOP_ADMIN_RULE, 'this token acts for no coop');
    const row = await this.db
      .getRepository(MemberCoopRow)
      .findOne({ where: { coopId }, select: { coopId: true, status: true } });
    if (!row?.status || !MEMBER_STATUSES.includes(row.status)) {
      throw new AccessRefused(MEMBER_COOP_ADMIN_RULE, `coop ${coopId} ${standing(row?.status)}`);
    }
    return coopId;
  }

  async isMember(coopId: string): Promise<boolean> {
    return this.db.getRepository(MemberCoopRow).existsBy({ coopId, status: In(MEMBER_STATUSES) });
  }
}

function standing(status: CoopStatus | null | undefined): string {
  switch (status) {
    case 'applicant':
      return 'is an applicant: the board has not admitted it to the consortium yet';
    case 'withdrawn':
      return 'has left the consortium';
    default:
      return 'is not admitted to the consortium';
  }
}
