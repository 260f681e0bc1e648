import { formatHundredths, MemberCategory, ShareSubscription } from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { SHARE_CAPITAL_SOURCE, ShareCapitalContext, shareLimits } from '@libs/rules';
import { nominalTotal } from './holding-bound';

/**
 * Checks a subscription of shares against the limits of c.c. 2525 that hold for this member of this
 * coop, on the date it is made. `heldBefore` is the nominal value (cents) the member already holds.
 */
export function checkShareSubscription(input: {
  context: ShareCapitalContext;
  category: MemberCategory;
  on: string;
  shares: ShareSubscription;
  heldBefore: bigint;
}): void {
  const limits = shareLimits(input.context, input.category, input.on);
  const source = SHARE_CAPITAL_SOURCE;
  const value = input.shares.nominalValue.hundredths;

  if (limits.minShareValue !== null && value < limits.minShareValue) {
    throw new RuleViolation(
      'share_value_minimum',
      `a share's nominal value must be at least ${formatHundredths(limits.minShareValue)} EUR`,
      source,
    );
  }
  if (limits.maxShareValue !== null && value > limits.maxShareValue) {
    throw new RuleViolation(
      'share_value_maximum',
      `where the capital is in azioni, a natural person's share may not exceed ${formatHundredths(limits.maxShareValue)} EUR of nominal value on ${input.on}`,
      source,
    );
  }
  if (limits.maxHolding !== null) {
    const after = input.heldBefore + nominalTotal(input.shares);
    if (after > limits.maxHolding) {
      throw new RuleViolation(
        'member_holding_maximum',
        `a natural person may hold at most ${formatHundredths(limits.maxHolding)} EUR of shares on ${input.on}; this would make ${formatHundredths(after)} EUR`,
        source,
      );
    }
  }
}
