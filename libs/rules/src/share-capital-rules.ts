import { LegalForm, MemberCategory, ShareForm } from '@libs/contracts';
import { DatedParameter, valueOn } from './dated-parameter';
import { applies, RULE_BOOK, RuleId } from './rule-book';

/**
 * c.c. art. 2525 as written, for the forms it rules (Italian coops). Amounts are EUR cents, the
 * figures the dated parameters of the rule book (raised by the D.M. of 8 Aug 2024 from 18 Oct 2024).
 * Other forms (a SCIC, a SCOP, an association) set share values in their statutes: nothing checked.
 */
export const SHARE_CAPITAL_SOURCE = 'c.c. art. 2525';

/** What the share rules need to know of the coop, beyond the member and the shares. */
export interface ShareCapitalContext {
  legalForm: LegalForm;
  /** Default `azioni`: the stricter reading when the coop has not said. */
  shareForm: ShareForm;
  /** Set when the statutes raise the holding cap and the coop has more than 500 members. */
  raisedHoldingCap: { capital: bigint } | null;
}

/** The coop's own members that c.c. 2525 holds to its limits: natural persons, not financing ones. */
const OUTSIDE_HOLDING_LIMITS: readonly MemberCategory[] = [
  'public_body',
  'legal_person',
  'supporter',
];
const LEGAL_PERSONS: readonly MemberCategory[] = ['public_body', 'legal_person'];

/** Members in more than this number allow statutes to raise the holding cap. */
export const RAISED_HOLDING_CAP_MEMBERS = 500;
/** The raised cap: 2% of the capital. */
export const RAISED_HOLDING_CAP_PERCENT = 2;

/**
 * The raised holding cap's base, when it applies: the statutes say so and the coop has more than
 * 500 members; null otherwise.
 */
export function raisedHoldingCap(
  statutesRaiseHoldingCap: boolean,
  members: number,
  capital: bigint,
): ShareCapitalContext['raisedHoldingCap'] {
  return statutesRaiseHoldingCap && members > RAISED_HOLDING_CAP_MEMBERS ? { capital } : null;
}

function parameter(rule: RuleId): DatedParameter<number> {
  return RULE_BOOK[rule].parameters![0].values as DatedParameter<number>;
}

export interface ShareLimits {
  minShareValue: number | null;
  maxShareValue: number | null;
  maxHolding: bigint | null;
}

/** The limits that hold for this member of this coop on this date; null where none applies. */
export function shareLimits(
  context: ShareCapitalContext,
  category: MemberCategory,
  on: string,
): ShareLimits {
  const ruled = (rule: RuleId) => applies(rule, context.legalForm);
  const legalPerson = LEGAL_PERSONS.includes(category);
  const minShareValue =
    ruled('share_value_minimum') && !legalPerson
      ? valueOn(parameter('share_value_minimum'), on)
      : null;
  const maxShareValue =
    ruled('share_value_maximum') && !legalPerson && context.shareForm === 'azioni'
      ? valueOn(parameter('share_value_maximum'), on)
      : null;
  let maxHolding: bigint | null = null;
  if (ruled('member_holding_maximum') && !OUTSIDE_HOLDING_LIMITS.includes(category)) {
    maxHolding = BigInt(valueOn(parameter('member_holding_maximum'), on));
    if (context.raisedHoldingCap) {
      const raised = (context.raisedHoldingCap.capital * BigInt(RAISED_HOLDING_CAP_PERCENT)) / 100n;
      if (raised > maxHolding) maxHolding = raised;
    }
  }
  return { minShareValue, maxShareValue, maxHolding };
}
