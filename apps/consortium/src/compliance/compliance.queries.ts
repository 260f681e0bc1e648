import { Inject, Injectable } from '@nestjs/common';
import { today } from '@libs/api-conventions';
import { ConsortiumLegalForm } from '@libs/rules';
import { CONSORTIUM_FORM } from '../consortium-form';
import { PooledMeansQueries } from '../pooled-means';
import { CoopStatus } from '../registry';
import { CoopsQueries } from '../registry';
import { CoopWorkforceQueries } from '../registry';
import { ComplianceReport, complianceReport } from './compliance';

/**
 * Member coops for the rules: admitted ones, and those that asked to leave but are not settled
 * yet (still members, as the board's registry counts them when it admits another).
 */
const MEMBER_STATUSES: CoopStatus[] = ['admitted', 'withdrawing'];

@Injectable()
export class ComplianceQueries {
  constructor(
    private readonly coops: CoopsQueries,
    private readonly pooled: PooledMeansQueries,
    @Inject(CONSORTIUM_FORM) private readonly form: ConsortiumLegalForm,
    private readonly workforce: CoopWorkforceQueries,
  ) {}

  async report(): Promise<ComplianceReport> {
    const members = await this.coops.inStatus(MEMBER_STATUSES);
    const [membership, solShare, workforce] = await Promise.all([
      this.coops.membership(members.map((coop) => coop.coopId)),
      this.pooled.solShareToDate(),
      this.workforce.quotas(members.map((coop) => coop.coopId)),
    ]);
    return complianceReport(
      members.map((coop) => ({
        coopId: coop.coopId,
        legalForm: coop.legalForm,
        membership: membership.get(coop.coopId)!,
        withdrawalRequestedOn: coop.status === 'withdrawing' ? coop.withdrawalRequestedOn : null,
        workforce: workforce.get(coop.coopId),
      })),
      solShare,
      this.form,
      today(),
    );
  }
}
