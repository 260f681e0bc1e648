import { MemberCategory } from '@libs/contracts';
import { moneyJson, MoneyJson } from '@libs/api-conventions';
import { TotalLine } from '../pooled-means';
import { CoopMembership } from './coop-membership';
import { MemberCoop } from './member-coop';

/** A coop in `GET /coops`: what it says of itself, the board's decisions, members, money. */
export interface MemberCoopView extends Omit<MemberCoop, 'status'> {
  status: NonNullable<MemberCoop['status']>;
  /** Active members. */
  members: {
    total: number;
    byCategory: Record<MemberCategory, number>;
    disadvantagedWorkers: number;
  };
  /** Share capital of the active members. */
  capital: { subscribed: MoneyJson; paid: MoneyJson };
  /** Contributions to the pooled fund to date, one line per unit (EUR, SOL, hours). */
  contributions: TotalLine[];
}

export function memberCoopView(
  coop: MemberCoop & { status: NonNullable<MemberCoop['status']> },
  membership: CoopMembership,
  contributions: TotalLine[],
): MemberCoopView {
  return {
    coopId: coop.coopId,
    status: coop.status,
    name: coop.name,
    legalForm: coop.legalForm,
    themes: coop.themes,
    territory: coop.territory,
    appliedOn: coop.appliedOn,
    admittedOn: coop.admittedOn,
    withdrawalRequestedOn: coop.withdrawalRequestedOn,
    withdrawnOn: coop.withdrawnOn,
    admissionOverride: coop.admissionOverride,
    members: {
      total: membership.total,
      byCategory: membership.byCategory,
      disadvantagedWorkers: membership.disadvantagedWorkers,
    },
    capital: {
      subscribed: moneyJson('EUR', membership.capital.subscribed),
      paid: moneyJson('EUR', membership.capital.paid),
    },
    contributions,
  };
}
