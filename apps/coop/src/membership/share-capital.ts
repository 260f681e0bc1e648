import {
  formatHundredths,
  LEGAL_PERSON_CATEGORIES,
  LegalForm,
  MemberCategory,
  ShareSubscription,
} from '@libs/contracts';
import { RuleViolation } from '@libs/aggregates';
import { SHARE_CAPITAL_RULES, valueOn } from '@libs/rules';
import { nominalTotal } from './holding-bound';

/**
 * Checks a subscription of shares against the legal form's rule set, on the date it is made.
 * `heldBefore` is the nominal value (cents) the member already holds.
 */
export function checkShareSubscription(input: {
  legalForm: LegalForm;
  category: MemberCategory;
  on: string;
  shares: ShareSubscription;
  heldBefore: bigint;
}): void {
  const rules = SHARE_CAPITAL_RULES[input.legalForm];
  const source = rules.source;
  const value = input.shares.nominalValue.hundredths;
  const naturalPerson = !LEGAL_PERSON_CATEGORIES.includes(input.category);

  if (rules.minShareValue) {
    const min = valueOn(rules.minShareValue, input.on);
    if (value < min) {
      throw new RuleViolation(
        'share_value_minimum',
        `a share's nominal value must be at least ${formatHundredths(min)} EUR`,
        source,
      );
    }
  }
  if (!naturalPerson) return;
  if (rules.maxShareValue) {
    const max = valueOn(rules.maxShareValue, input.on);
    if (value > max) {
      throw new RuleViolation(
        'share_value_maximum',
        `a natural person's share may not exceed ${formatHundredths(max)} EUR of nominal value on ${input.on}`,
        source,
      );
    }
  }
  if (rules.maxHolding) {
    const max = BigInt(valueOn(rules.maxHolding, input.on));
    const after = input.heldBefore + nominalTotal(input.shares);
    if (after > max) {
      throw new RuleViolation(
        'member_holding_maximum',
        `a natural person may hold at most ${formatHundredths(max)} EUR of shares on ${input.on}; this would make ${formatHundredths(after)} EUR`,
        source,
      );
    }
  }
}
