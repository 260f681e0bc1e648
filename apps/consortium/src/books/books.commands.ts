import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';

import { RuleViolation } from '@libs/aggregates';
import { CommandMeta, MoneyDto } from '@libs/api-conventions';
import { CommandBus } from '@nestjs/cqrs';
import { FundingApplicationChange } from './funding-application.command-handler';
import { IncomeChange } from './income.command-handler';
import { DisbursementsChange } from './disbursements.command-handler';
import { BudgetsService } from '../budgets';
import { ApplyForFundingDto, DisburseDto, FundingDecisionDto, RecordIncomeDto } from './books.dto';

/**
 * The books' commands, each against one aggregate: read it, decide with its pure decider, append
 * with the version read (decided again if another writer came first).
 */
@Injectable()
export class BooksCommands {
  constructor(
    private readonly commandBus: CommandBus,
    private readonly budgets: BudgetsService,
  ) {}

  /**
   * Money received: an awarded application's goes to its stream, where the award bounds it (and
   * the award itself was never counted as income); any other income to a stream of its own.
   */
  async recordIncome(dto: RecordIncomeDto, meta: CommandMeta): Promise<{ incomeId: string }> {
    const incomeId = randomUUID();
    const amount = MoneyDto.toMoney(dto.amount);
    if (dto.applicationId) {
      await this.commandBus.execute(
        new FundingApplicationChange(
          dto.applicationId,
          {
            type: 'ReceiveFunding',
            incomeId,
            kind: dto.kind,
            amount,
            receivedOn: dto.receivedOn,
            by: meta.actor,
          },
          meta,
        ),
      );
    } else {
      await this.commandBus.execute(
        new IncomeChange(
          incomeId,
          {
            type: 'RecordIncome',
            incomeId,
            kind: dto.kind,
            amount,
            receivedOn: dto.receivedOn,
            funder: dto.funder,
            by: meta.actor,
          },
          meta,
        ),
      );
    }
    return { incomeId };
  }

  async apply(dto: ApplyForFundingDto, meta: CommandMeta): Promise<{ applicationId: string }> {
    const applicationId = randomUUID();
    await this.commandBus.execute(
      new FundingApplicationChange(
        applicationId,
        {
          type: 'ApplyForFunding',
          applicationId,
          funder: dto.funder,
          call: dto.call,
          kind: dto.kind,
          requested: MoneyDto.toMoney(dto.requested),
          deadline: dto.deadline,
          theme: dto.theme ?? null,
          by: meta.actor,
        },
        meta,
      ),
    );
    return { applicationId };
  }

  async decide(applicationId: string, dto: FundingDecisionDto, meta: CommandMeta) {
    const { state } = await this.commandBus.execute(
      new FundingApplicationChange(
        applicationId,
        {
          type: 'DecideFunding',
          outcome: dto.outcome,
          decidedOn: dto.decidedOn,
          awarded: dto.awarded ? MoneyDto.toMoney(dto.awarded) : null,
          reportingDueOn: dto.reportingDueOn ?? null,
          by: meta.actor,
        },
        meta,
      ),
    );
    return { applicationId, status: state.status };
  }

  /**
   * Pays (part of) an allocation. The allocation's approval and amount are final once decided, so
   * reading them from the budget is safe; the period's disbursements are one stream, so two
   * payments drawing on the same cash are decided one after the other.
   */
  async disburse(
    allocationId: string,
    dto: DisburseDto,
    meta: CommandMeta,
  ): Promise<{ disbursementId: string }> {
    const payee = dto.payee.coopId
      ? { coopId: dto.payee.coopId }
      : dto.payee.name
        ? { name: dto.payee.name }
        : null;
    if (!payee || (dto.payee.coopId && dto.payee.name))
      throw new RuleViolation(
        'payee',
        'payee names a coop (coopId) or a supplier (name), one of them',
      );
    const { periodId, allocation, beneficiaryCoopId, received } = await this.budgets.toPay(
      allocationId,
      dto.paidOn,
    );
    const disbursementId = randomUUID();
    await this.commandBus.execute(
      new DisbursementsChange(
        periodId,
        {
          type: 'Disburse',
          periodId,
          disbursementId,
          allocation,
          amount: MoneyDto.toMoney(dto.amount),
          paidOn: dto.paidOn,
          payee,
          reference: dto.reference,
          by: meta.actor,
          received,
        },
        meta,
        // The coop paid, else the coop the allocation is for (a supplier paid on its behalf).
        { aboutCoop: 'coopId' in payee ? payee.coopId : beneficiaryCoopId },
      ),
    );
    return { disbursementId };
  }
}
