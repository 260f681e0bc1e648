import { LegalForm, MEMBER_CATEGORIES, MemberCategory } from '@libs/contracts';
import { countIndicator, Indicator, ratioIndicator } from './indicator';
import { applies } from './rule-book';
import { TypeBQuota } from './type-b-quota';

/** Active members counted by category, and the workers among them flagged disadvantaged. */
export interface MembershipCounts {
  byCategory: Record<MemberCategory, number>;
  disadvantagedWorkers: number;
  /** Subscribed capital (EUR cents), all of it and the public bodies' part: for a SCIC. */
  capital?: { subscribed: bigint; publicBodies?: bigint };
}

/**
 * The indicators a coop watches (alerts, never blocks), only those its own law states: for Italian
 * social coops volunteers at most half of all members, and for type-B ones the disadvantaged
 * workers' quota (on the recorded workforce when given, else on the worker members); for a SCIC at
 * least three member categories with workers and beneficiaries, and public bodies at most half
 * the capital.
 */
export function membershipIndicators(
  counts: MembershipCounts,
  legalForm: LegalForm | null,
  workforce?: TypeBQuota,
): Indicator[] {
  const indicators: Indicator[] = [];
  if (applies('volunteers_at_most_half', legalForm)) {
    const total = Object.values(counts.byCategory).reduce((sum, n) => sum + n, 0);
    indicators.push(ratioIndicator('volunteers_at_most_half', counts.byCategory.volunteer, total));
  }
  if (applies('disadvantaged_workers_at_least_30pct', legalForm)) {
    indicators.push(
      workforce
        ? ratioIndicator(
            'disadvantaged_workers_at_least_30pct',
            workforce.disadvantaged,
            workforce.base,
          )
        : ratioIndicator(
            'disadvantaged_workers_at_least_30pct',
            counts.disadvantagedWorkers,
            counts.byCategory.worker,
          ),
    );
  }
  if (applies('scic_at_least_three_categories', legalForm)) {
    const present = MEMBER_CATEGORIES.filter((category) => counts.byCategory[category] > 0);
    const workersAndBeneficiaries =
      counts.byCategory.worker > 0 && counts.byCategory.beneficiary > 0;
    indicators.push(
      countIndicator('scic_at_least_three_categories', present.length, workersAndBeneficiaries),
    );
  }
  if (applies('public_bodies_at_most_half_capital', legalForm)) {
    indicators.push(
      ratioIndicator(
        'public_bodies_at_most_half_capital',
        counts.capital?.publicBodies ?? 0n,
        counts.capital?.subscribed ?? 0n,
      ),
    );
  }
  return indicators;
}

/** Only members enrolled for at least 90 days vote (c.c. art. 2538), where that code rules. */
export const VOTING_SENIORITY_DAYS = 90;

/** Days of membership before a member of this form votes: none where c.c. 2538 does not rule. */
export function votingSeniorityDays(legalForm: LegalForm | null): number {
  return legalForm === null || applies('voting_seniority', legalForm) ? VOTING_SENIORITY_DAYS : 0;
}
