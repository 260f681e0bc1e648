import { LegalForm, SOCIAL_COOP_FORMS } from '@libs/contracts';
import {
  applies,
  ConsortiumLegalForm,
  countIndicator,
  Indicator,
  MembershipCounts,
  membershipIndicators,
  ratioIndicator,
  TypeBQuota,
  withdrawalReviewIndicator,
} from '@libs/rules';

/** A member coop as the rules see it. */
export interface CoopFacts {
  coopId: string;
  legalForm: LegalForm | null;
  membership: MembershipCounts;
  /** Set while the coop's request to leave awaits the board (c.c. 2532: 60 days to examine it). */
  withdrawalRequestedOn?: string | null;
  /** The type-B quota's terms from the workforce the coop records by month, when it does. */
  workforce?: TypeBQuota;
}

export interface ComplianceReport {
  consortium: Indicator[];
  coops: { coopId: string; indicators: Indicator[] }[];
}

/** Alerts before the indicators that are fine, each group in its given order. */
export function alertsFirst(indicators: Indicator[]): Indicator[] {
  return [
    ...indicators.filter((i) => i.status === 'alert'),
    ...indicators.filter((i) => i.status !== 'alert'),
  ];
}

/**
 * The model's indicators (the domain's vocabulary), alerts first everywhere: for each member coop, the rules on
 * its members that its own law states (see `membershipIndicators`) and, while its request to leave
 * awaits the board, the 60-day review, the coops with an alert listed first; for the consortium, social coops at least 70%
 * of the member coops and at least three of them (for an Italian consorzio only), and the SOL share
 * of the money paid at most 20%.
 */
export function complianceReport(
  coops: CoopFacts[],
  solShare: Indicator,
  consortiumForm: ConsortiumLegalForm = 'consorzio',
  today?: string,
): ComplianceReport {
  const social = coops.filter(
    (coop) => coop.legalForm !== null && SOCIAL_COOP_FORMS.includes(coop.legalForm),
  ).length;
  const perCoop = coops.map((coop) => ({
    coopId: coop.coopId,
    indicators: alertsFirst([
      ...(coop.withdrawalRequestedOn && today
        ? [withdrawalReviewIndicator(coop.withdrawalRequestedOn, today)]
        : []),
      ...membershipIndicators(coop.membership, coop.legalForm, coop.workforce),
    ]),
  }));
  const inAlert = (entry: (typeof perCoop)[number]) =>
    entry.indicators.some((i) => i.status === 'alert');
  return {
    consortium: alertsFirst([
      // Only the consortium's own law: the 70% and the three coops are Italian rules.
      ...(applies('at_least_three_member_coops', consortiumForm)
        ? [countIndicator('at_least_three_member_coops', coops.length)]
        : []),
      ...(applies('social_coops_at_least_70pct', consortiumForm)
        ? [ratioIndicator('social_coops_at_least_70pct', social, coops.length)]
        : []),
      solShare,
    ]),
    coops: [...perCoop.filter(inAlert), ...perCoop.filter((entry) => !inAlert(entry))],
  };
}
