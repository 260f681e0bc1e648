import { LegalForm, MemberCategory } from '@libs/contracts';
import { Indicator, ratioIndicator } from './indicator';

/** Active members counted by category, and the workers among them flagged disadvantaged. */
export interface MembershipCounts {
  byCategory: Record<MemberCategory, number>;
  disadvantagedWorkers: number;
}

/**
 * The indicators a coop watches (alerts, never blocks): volunteers at most half of all members
 * (every form), and for type-B social coops disadvantaged workers at least 30% of workers.
 */
export function membershipIndicators(
  counts: MembershipCounts,
  legalForm: LegalForm | null,
): Indicator[] {
  const total = Object.values(counts.byCategory).reduce((sum, n) => sum + n, 0);
  const indicators = [
    ratioIndicator('volunteers_at_most_half', counts.byCategory.volunteer, total),
  ];
  if (legalForm === 'social_coop_b') {
    indicators.push(
      ratioIndicator(
        'disadvantaged_workers_at_least_30pct',
        counts.disadvantagedWorkers,
        counts.byCategory.worker,
      ),
    );
  }
  return indicators;
}

/** Only members enrolled for at least 90 days vote (c.c. art. 2538). */
export const VOTING_SENIORITY_DAYS = 90;
