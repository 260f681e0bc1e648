import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { NotFound } from '@libs/aggregates';
import {
  DEFAULT_PAGE_SIZE,
  moneyJson,
  MoneyJson,
  Page,
  PageCursor,
  pageOf,
  today,
} from '@libs/api-conventions';
import { bigintOfNumeric } from '@libs/database';
import { Indicator } from '@libs/rules';
import { addDays } from '@libs/rules';
import { MemberState } from './member.decider';
import { MemberRow } from './member.entity';
import { memberView, MemberView } from './member.view';
import { membershipIndicators, votingSeniorityDays } from '@libs/rules';
import { MembershipService } from './membership.service';
import { MembersQuery } from './membership.dto';
import { PersonalDataVault } from './personal-data/personal-data.vault';
import { WorkforceService } from '../workforce';
import { CoopProfileService } from '../profile';

export interface MembershipSummary {
  members: { total: number; byCategory: Record<MemberCategory, number>; mayVote: number };
  capital: { subscribed: MoneyJson; paid: MoneyJson; reimbursed: MoneyJson };
  indicators: Indicator[];
}

const MEMBERS_CURSOR = new PageCursor<[string, string]>('members');
/** Reads: one member from its stream (exact, with its ETag); lists and figures from the read model. */
@Injectable()
export class MembersQueries {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly membership: MembershipService,
    private readonly vault: PersonalDataVault,
    private readonly profile: CoopProfileService,
    private readonly workforce: WorkforceService,
  ) {}

  async one(memberId: string): Promise<MemberView> {
    const { state, version } = await this.membership.load(memberId);
    return this.viewOf(memberId, state, version);
  }

  /** The member as its stream stands at `version` (loaded, or just changed by a command). */
  async viewOf(memberId: string, state: MemberState, version: number): Promise<MemberView> {
    if (!state) throw new NotFound(`no member ${memberId}`);
    return memberView(
      state,
      version,
      await this.vault.open(state),
      today(),
      votingSeniorityDays(await this.profile.legalForm()),
    );
  }

  async list(query: MembersQuery): Promise<Page<MemberView>> {
    const limit = query.limit ?? DEFAULT_PAGE_SIZE;
    const after = MEMBERS_CURSOR.read(query.cursor);
    const rows = await this.db
      .getRepository(MemberRow)
      .createQueryBuilder('m')
      .where(query.status ? 'm.status = :status' : 'TRUE', { status: query.status })
      .andWhere(query.category ? 'm.category = :category' : 'TRUE', { category: query.category })
      .andWhere(after ? '(m.admitted_on, m.member_id) > (:day, :id)' : 'TRUE', {
        day: after?.[0],
        id: after?.[1],
      })
      .orderBy('m.admitted_on')
      .addOrderBy('m.member_id')
      .limit(limit + 1)
      .getMany();
    const people = await this.vault.openAll(rows);
    const day = today();
    const seniority = votingSeniorityDays(await this.profile.legalForm());
    const page = pageOf(
      rows.map((row, i) => ({ row, person: people[i] })),
      limit,
      ({ row, person }) => memberView(row, row.version, person, day, seniority),
      ({ row }) => [row.admittedOn, row.memberId],
      MEMBERS_CURSOR,
    );
    return page;
  }

  async summary(): Promise<MembershipSummary> {
    const members = this.db.getRepository(MemberRow);
    const legalForm = await this.profile.legalForm();
    const votingSince = addDays(today(), -votingSeniorityDays(legalForm));
    const byCategoryRows: {
      category: MemberCategory;
      n: string;
      disadvantaged: string;
      voters: string;
    }[] = await members
      .createQueryBuilder('m')
      .select('m.category', 'category')
      .addSelect('count(*)', 'n')
      .addSelect('count(*) FILTER (WHERE m.disadvantaged)', 'disadvantaged')
      .addSelect('count(*) FILTER (WHERE m.admitted_on <= :votingSince)', 'voters')
      .where("m.status = 'active'")
      .setParameter('votingSince', votingSince)
      .groupBy('m.category')
      .getRawMany();
    // Summed in SQL `numeric` and read as bigints: exact whatever the number of members.
    const capital:
      { subscribed: string; paid: string; reimbursed: string; public_bodies: string } | undefined =
      await members
        .createQueryBuilder('m')
        .select("coalesce(sum(m.subscribed) FILTER (WHERE m.status = 'active'), 0)", 'subscribed')
        .addSelect("coalesce(sum(m.paid) FILTER (WHERE m.status = 'active'), 0)", 'paid')
        .addSelect('coalesce(sum(m.reimbursed), 0)', 'reimbursed')
        .addSelect(
          "coalesce(sum(m.subscribed) FILTER (WHERE m.status = 'active' AND m.category = 'public_body'), 0)",
          'public_bodies',
        )
        .getRawOne();

    const byCategory = Object.fromEntries(MEMBER_CATEGORIES.map((c) => [c, 0])) as Record<
      MemberCategory,
      number
    >;
    let disadvantagedWorkers = 0;
    let voters = 0;
    for (const row of byCategoryRows) {
      byCategory[row.category] = Number(row.n);
      voters += Number(row.voters);
      if (row.category === 'worker') disadvantagedWorkers = Number(row.disadvantaged);
    }
    const total = Object.values(byCategory).reduce((sum, n) => sum + n, 0);
    return {
      members: { total, byCategory, mayVote: voters },
      capital: {
        subscribed: moneyJson('EUR', bigintOfNumeric(capital?.subscribed ?? '0')),
        paid: moneyJson('EUR', bigintOfNumeric(capital?.paid ?? '0')),
        reimbursed: moneyJson('EUR', bigintOfNumeric(capital?.reimbursed ?? '0')),
      },
      indicators: membershipIndicators(
        {
          byCategory,
          disadvantagedWorkers,
          capital: {
            subscribed: bigintOfNumeric(capital?.subscribed ?? '0'),
            publicBodies: bigintOfNumeric(capital?.public_bodies ?? '0'),
          },
        },
        legalForm,
        // The quota as the law counts it, once the coop records its workforce month by month.
        (await this.workforce.view()).view.quota ?? undefined,
      ),
    };
  }
}
