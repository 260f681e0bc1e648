import { ForbiddenException, Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource, In } from 'typeorm';
import { Actor } from '@libs/auth';
import { CoopStatus } from './member-coop';
import { MemberCoopRow } from './member-coop.entity';

/** A member until its withdrawal is settled, as the pooled means count it. */
const MEMBER_STATUSES: CoopStatus[] = ['admitted', 'withdrawing'];

/**
 * Who may act for a coop in what the coops share with each other (trainings, bookings, hours):
 * the admin of a coop the board admitted, as the registry has it.
 */
@Injectable()
export class AdmittedCoops {
  constructor(@InjectDataSource() private readonly db: DataSource) {}

  /** The caller's coop, if the board admitted it (and it has not left); otherwise 403. */
  async coopOf(actor: Actor): Promise<string> {
    const coopId = actor.coopId;
    if (!coopId) throw new ForbiddenException('this token acts for no coop');
    if (!(await this.isMember(coopId))) {
      throw new ForbiddenException(`coop ${coopId} is not admitted to the consortium`);
    }
    return coopId;
  }

  async isMember(coopId: string): Promise<boolean> {
    return this.db.getRepository(MemberCoopRow).existsBy({ coopId, status: In(MEMBER_STATUSES) });
  }
}
