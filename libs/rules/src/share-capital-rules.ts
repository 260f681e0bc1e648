import { LegalForm } from '@libs/contracts';
import { dated, DatedParameter } from './dated-parameter';

/**
 * Share-capital rules per legal form, as data. Amounts are EUR cents. Italian forms follow c.c.
 * art. 2525; the caps for natural persons were raised by the D.M. of 8 August 2024, in force from
 * 2024-10-18. French SCIC and SCOP set share values in their statutes, so no figure is checked.
 */
export interface ShareCapitalRules {
  minShareValue?: DatedParameter<number>;
  /** Natural persons only. */
  maxShareValue?: DatedParameter<number>;
  /** Natural persons only: nominal value of all shares one member holds. */
  maxHolding?: DatedParameter<number>;
  source?: string;
}

const ITALIAN: ShareCapitalRules = {
  minShareValue: dated({ since: '1942-04-21', value: 25_00 }),
  maxShareValue: dated(
    { since: '1942-04-21', value: 500_00 },
    { since: '2024-10-18', value: 719_00 },
  ),
  maxHolding: dated(
    { since: '1942-04-21', value: 100_000_00 },
    { since: '2024-10-18', value: 143_800_00 },
  ),
  source: 'c.c. art. 2525',
};

export const SHARE_CAPITAL_RULES: Record<LegalForm, ShareCapitalRules> = {
  social_coop_a: ITALIAN,
  social_coop_b: ITALIAN,
  coop: ITALIAN,
  scic: {},
  scop: {},
  association: {},
};
