import { randomUUID } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { money, parseHundredths } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { CommandMeta, MoneyDto, today } from '@libs/api-conventions';
import { raisedHoldingCap, ShareCapitalContext } from '@libs/rules';
import { CommandBus } from '@nestjs/cqrs';
import { MemberChange, MemberHandler } from './member.command-handler';
import { CoopProfileService } from '../profile';
import { MemberCommand } from './member.commands';
import { MemberState } from './member.decider';
import {
  AdmitMemberDto,
  ChangeCategoryDto,
  ExcludeMemberDto,
  PayCapitalDto,
  SharesDto,
  SubscribeSharesDto,
  WithdrawMemberDto,
} from './membership.dto';
import { MemberRow } from './member.entity';
import { PersonalDataVault, SealedNote } from './personal-data/personal-data.vault';

/** The membership commands of the public API, from DTOs to member commands; rules live in the decider. */
@Injectable()
export class MembershipService {
  constructor(
    private readonly memberHandler: MemberHandler,
    private readonly commandBus: CommandBus,
    private readonly profile: CoopProfileService,
    private readonly vault: PersonalDataVault,
    @InjectDataSource() private readonly db: DataSource,
  ) {}

  async admit(dto: AdmitMemberDto, meta: CommandMeta) {
    const memberId = dto.memberId ?? randomUUID();
    const shareRules = await this.shareRules();
    const personalData =
      dto.displayName !== undefined || dto.email !== undefined
        ? await this.vault.seal(memberId, {
            displayName: dto.displayName ?? null,
            email: dto.email ?? null,
          })
        : null;
    try {
      const result = await this.run(
        memberId,
        meta,
        {
          type: 'AdmitMember',
          memberId,
          shareRules,
          category: dto.category,
          disadvantaged: dto.disadvantaged ?? false,
          admittedOn: dto.admittedOn,
          shares: shares(dto.shares),
          personalData,
        },
        { creates: true },
      );
      return { memberId, version: result.version };
    } catch (error) {
      // The admission was refused: the key sealed nothing that was recorded.
      if (personalData) await this.vault.discardKey(personalData.keyId);
      throw error;
    }
  }

  async subscribeShares(memberId: string, dto: SubscribeSharesDto, meta: CommandMeta) {
    const shareRules = await this.shareRules();
    return this.run(memberId, meta, {
      type: 'SubscribeShares',
      shareRules,
      subscribedOn: dto.subscribedOn,
      shares: shares(dto.shares),
    });
  }

  payCapital(memberId: string, dto: PayCapitalDto, meta: CommandMeta) {
    return this.run(memberId, meta, {
      type: 'PayCapital',
      paidOn: dto.paidOn,
      amount: MoneyDto.toMoney(dto.amount),
    });
  }

  changeCategory(memberId: string, dto: ChangeCategoryDto, meta: CommandMeta) {
    return this.run(memberId, meta, {
      type: 'ChangeCategory',
      changedOn: dto.changedOn,
      category: dto.category,
      disadvantaged: dto.disadvantaged ?? false,
    });
  }

  /** The reason is sealed with the member's key before it reaches an event. */
  async withdraw(memberId: string, dto: WithdrawMemberDto, meta: CommandMeta) {
    const reason =
      dto.reason === undefined ? null : await this.vault.sealNote(memberId, dto.reason);
    return this.undoneIfRefused(reason, () =>
      this.run(memberId, meta, {
        type: 'Withdraw',
        requestedOn: dto.requestedOn,
        reason: reason?.sealed ?? null,
        accountsApprovedOn: dto.accountsApprovedOn,
      }),
    );
  }

  async exclude(memberId: string, dto: ExcludeMemberDto, meta: CommandMeta) {
    const reason = await this.vault.sealNote(memberId, dto.reason);
    return this.undoneIfRefused(reason, () =>
      this.run(memberId, meta, {
        type: 'Exclude',
        decidedOn: dto.decidedOn,
        reason: reason.sealed,
        accountsApprovedOn: dto.accountsApprovedOn,
      }),
    );
  }

  /** Destroys the member's key first: even if recording the erasure failed, the data is gone. */
  async erasePersonalData(memberId: string, meta: CommandMeta) {
    const { state } = await this.load(memberId);
    if (state) await this.vault.erase(memberId);
    return this.run(memberId, meta, { type: 'ErasePersonalData', erasedOn: today() });
  }

  load(memberId: string): Promise<{ state: MemberState; version: number }> {
    return this.memberHandler.current(memberId);
  }

  /** A command refused after its note was sealed leaves no key behind that sealed nothing kept. */
  private async undoneIfRefused<R>(note: SealedNote | null, record: () => Promise<R>): Promise<R> {
    try {
      return await record();
    } catch (error) {
      await note?.undo();
      throw error;
    }
  }

  private run(memberId: string, meta: CommandMeta, command: MemberCommand, options = {}) {
    return this.commandBus.execute(new MemberChange(memberId, command, meta, options));
  }

  /** The coop's form and, when its statutes raise the holding cap past 500 members, its capital. */
  private async shareRules(): Promise<ShareCapitalContext> {
    const profile = await this.profile.shareRules();
    if (!profile) {
      throw new RuleViolation(
        'profile_before_members',
        'describe the coop with its legal form (PUT /coop) first: the share rules depend on it',
      );
    }
    const { legalForm, shareForm, statutesRaiseHoldingCap } = profile;
    if (!statutesRaiseHoldingCap) return { legalForm, shareForm, raisedHoldingCap: null };
    // Summed in SQL `numeric`, read as text: exact whatever the capital.
    const active: { members: string; capital: string } | undefined = await this.db
      .getRepository(MemberRow)
      .createQueryBuilder('m')
      .select('count(*)', 'members')
      .addSelect('coalesce(sum(m.subscribed), 0)::text', 'capital')
      .where("m.status = 'active'")
      .getRawOne();
    return {
      legalForm,
      shareForm,
      raisedHoldingCap: raisedHoldingCap(
        statutesRaiseHoldingCap,
        Number(active?.members ?? 0),
        BigInt(active?.capital ?? '0'),
      ),
    };
  }
}

function shares(dto: SharesDto) {
  if (dto.nominalValue.currency !== 'EUR') {
    throw new RuleViolation('share_capital_in_eur', 'shares have a nominal value in EUR');
  }
  return {
    count: dto.count,
    nominalValue: money('EUR', parseHundredths(dto.nominalValue.amount)!),
  };
}
