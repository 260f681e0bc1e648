import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AccessRefused, Actor } from '@libs/auth';
import { CoopStatusQuery } from './coop-status.query';
import type { CoopStatus } from './registry';

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
  constructor(private readonly queryBus: QueryBus) {}

  /** The caller's coop, if the board admitted it (and it has not left); otherwise 403. */
  async coopOf(actor: Actor): Promise<string> {
    const coopId = actor.coopId;
    if (!coopId) throw new AccessRefused(MEMBER_COOP_ADMIN_RULE, 'this token acts for no coop');
    const status = await this.queryBus.execute(new CoopStatusQuery(coopId));
    if (!status || !MEMBER_STATUSES.includes(status)) {
      throw new AccessRefused(MEMBER_COOP_ADMIN_RULE, `coop ${coopId} ${standing(status)}`);
    }
    return coopId;
  }

  async isMember(coopId: string): Promise<boolean> {
    const status = await this.queryBus.execute(new CoopStatusQuery(coopId));
    return status !== null && MEMBER_STATUSES.includes(status);
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
