import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { CoopWithdrawalSettled, REGISTRY_ID } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { CommandMeta, MoneyDto, moneyJson, MoneyJson, today } from '@libs/api-conventions';
import { qualifiedTable } from '@libs/database';
import { AllocationIndex } from '../budgets';

import { CommandBus } from '@nestjs/cqrs';
import { RegistryChange } from './registry.command-handler';
import { BudgetHandler } from '../budgets';
import { AdmissionService } from './admission.service';

import { SettleWithdrawalDto } from './settlement.dto';

export interface SettlementView {
  coopId: string;
  status: 'withdrawn';
  settledOn: string;
  capitalOwed: MoneyJson;
  dueOn: string;
  /** The close of the exit year (c.c. 2532). */
  leavesOn: string;
  /** The coop's share of a loss, deducted from the capital owed back (c.c. 2535). */
  lossDeducted: MoneyJson;
  cancelledPledges: string[];
  withdrawnResources: string[];
  /** Allocations proposed or approved to the coop's benefit: the board decides what becomes of them. */
  openAllocations: { allocationId: string; periodId: string; status: string }[];
}

/** Capital in EUR cents; none when not given. */
function eurCents(dto: MoneyDto | undefined): number {
  if (!dto) return 0;
  const amount = MoneyDto.toMoney(dto);
  if (amount.unit !== 'EUR')
    throw new RuleViolation('capital_in_eur', 'capital is owed back in EUR');
  return amount.hundredths;
}

/** The board settles a coop that asked to leave (issue: a member coop leaves with its history). */
@Injectable()
export class SettlementService {
  constructor(
    private readonly budgetHandler: BudgetHandler,
    private readonly commandBus: CommandBus,
    private readonly admission: AdmissionService,
    private readonly allocations: AllocationIndex,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async settle(
    coopId: string,
    dto: SettleWithdrawalDto,
    meta: CommandMeta,
  ): Promise<SettlementView> {
    const application = await this.admission.application(coopId);
    const capital = eurCents(dto.capitalOwed);
    const lossShare = eurCents(dto.lossShare);
    const openAllocations = await this.openAllocations(coopId);
    const { events } = await this.commandBus.execute(
      new RegistryChange(
        REGISTRY_ID,
        {
          type: 'SettleWithdrawal',
          coopId,
          withdrawalRequested: application.withdrawalRequested,
          noticeGivenOn: application.withdrawalRequestedOn,
          settledOn: dto.settledOn ?? today(),
          capitalOwed: capital,
          lossShare,
          accountsApprovedOn: dto.accountsApprovedOn,
          openPledges: await this.ids('pooled_open_pledges', 'contribution_id', coopId),
          resources: await this.ids(
            'catalogue_resources',
            'resource_id',
            coopId,
            'AND withdrawn_on IS NULL',
          ),
          openAllocations: openAllocations.map((a) => a.allocationId),
        },
        meta,
        { aboutCoop: coopId },
      ),
    );
    const settled = events[0].data as CoopWithdrawalSettled['data'];
    return {
      coopId,
      status: 'withdrawn',
      settledOn: settled.settledOn,
      capitalOwed: moneyJson('EUR', settled.capitalOwed.hundredths),
      dueOn: settled.dueOn,
      leavesOn: `${settled.exitYear}-12-31`,
      lossDeducted: moneyJson('EUR', settled.lossDeducted?.hundredths ?? 0),
      cancelledPledges: settled.cancelledPledges,
      withdrawnResources: settled.withdrawnResources,
      openAllocations,
    };
  }

  private async ids(table: string, column: string, coopId: string, extra = ''): Promise<string[]> {
    const rows: { id: string }[] = await this.db.query(
      `SELECT ${column} AS id FROM ${qualifiedTable(this.db, table)} WHERE coop_id = $1 ${extra} ORDER BY 1`,
      [coopId],
    );
    return rows.map((row) => row.id);
  }

  private async openAllocations(coopId: string): Promise<SettlementView['openAllocations']> {
    const open: SettlementView['openAllocations'] = [];
    for (const { allocationId, periodId } of await this.allocations.toCoop(coopId)) {
      const { state } = await this.budgetHandler.current(periodId);
      const status = state.allocations[allocationId]?.status;
      if (status === 'proposed' || status === 'approved')
        open.push({ allocationId, periodId, status });
    }
    return open;
  }
}
