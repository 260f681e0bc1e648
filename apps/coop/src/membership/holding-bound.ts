import {
  formatHundredths,
  MAX_AMOUNT,
  MAX_AMOUNT_HUNDREDTHS,
  ShareSubscription,
} from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';

/** The nominal value (cents) a subscription adds to a member's holding, exactly. */
export function nominalTotal(shares: ShareSubscription): bigint {
  return BigInt(shares.count) * BigInt(shares.nominalValue.hundredths);
}

/**
 * A member's subscribed capital, all subscriptions together, is at most one amount
 * (`MAX_AMOUNT`): whatever the legal form (legal persons have no legal cap), so that no member's
 * capital is a figure the federation cannot record, pay up or owe back as one amount.
 */
export function checkHoldingBound(heldBefore: bigint, shares: ShareSubscription): void {
  const after = heldBefore + nominalTotal(shares);
  if (after > BigInt(MAX_AMOUNT_HUNDREDTHS)) {
    throw new RuleViolation(
      'member_holding_bound',
      `a member may hold at most ${MAX_AMOUNT} EUR of shares in all; this would make ${formatHundredths(after)} EUR`,
    );
  }
}
