import { dated, DatedParameter } from './dated-parameter';
import { ITALIAN_COOPS, ITALIAN_SOCIAL_COOPS, RuledForm } from './legal-forms';

/** A figure of a rule that the law updates, with what each value means. */
export interface RuleParameter {
  name: string;
  /** How to read the values: `EUR cents`, `basis points`, or a word list. */
  unit: string;
  values: DatedParameter<number | string>;
  /** Where each reading comes from, when the values come from different texts. */
  sources?: string[];
}

/**
 * One rule of the federation's model, as data: the forms whose law states it, its figure in words,
 * its dated parameters and its source. The checks and indicators read their sources and their
 * scope from here, and `docs/rules.md` is written from it.
 */
export interface Rule {
  id: string;
  title: string;
  appliesTo: readonly RuledForm[];
  figure: string;
  source: string;
  parameters?: RuleParameter[];
}

const SINCE_CIVIL_CODE = '1942-04-21';
/** D.M. 8 Aug 2024, published in GU n. 245 of 18 Oct 2024: the c.c. 2525 caps raised. */
const DM_2024 = '2024-10-18';

/** A c.c. 2525 amount (EUR cents) as the civil code set it, then as the D.M. of 2024 raised it. */
function raisedByDm2024(name: string, before: number, after: number): RuleParameter {
  return {
    name,
    unit: 'EUR cents',
    values: dated({ since: SINCE_CIVIL_CODE, value: before }, { since: DM_2024, value: after }),
    sources: ['c.c. art. 2525', 'D.M. 8 Aug 2024 (GU n. 245 of 18 Oct 2024)'],
  };
}

/**
 * The maximum rate of postal interest-bearing bonds, the base of the c.c. 2514 dividend cap. It
 * changes with each issue of bonds: the consortium keeps the value its accounts use up to date
 * here (basis points).
 */
export const POSTAL_BOND_MAX_RATE: DatedParameter<number> = dated(
  { since: '2004-01-01', value: 250 },
  { since: '2023-01-01', value: 300 },
);

/** Reading of the type-B quota's base: does it count the disadvantaged workers themselves? */
export type QuotaBase = 'all_workers' | 'workers_not_disadvantaged';
export const TYPE_B_QUOTA_BASE: DatedParameter<QuotaBase> = dated<QuotaBase>(
  { since: '1991-11-08', value: 'workers_not_disadvantaged' },
  { since: '2008-04-24', value: 'all_workers' },
);

const rules = [
  {
    id: 'volunteers_at_most_half',
    title: 'Volunteer members',
    appliesTo: ITALIAN_SOCIAL_COOPS,
    figure: 'volunteers are at most half of all members (an indicator)',
    source: 'L. 381/1991 art. 2',
  },
  {
    id: 'disadvantaged_workers_at_least_30pct',
    title: 'Type-B social coop: work integration',
    appliesTo: ['social_coop_b'],
    figure:
      'disadvantaged persons are at least 30% of the workers in force (worker members and employees, per head, annual average of the monthly workforce; volunteers never count: Ministry of Labour interpelli 4/2008 and 17/2015) (an indicator)',
    source: 'L. 381/1991 art. 4',
    parameters: [
      {
        name: 'base of the quota',
        unit: '`all_workers`: the disadvantaged count in the base; `workers_not_disadvantaged`: they do not',
        values: TYPE_B_QUOTA_BASE,
        sources: [
          'workers_not_disadvantaged: the reading of art. 4 that leaves the disadvantaged out of the base (earlier administrative practice)',
          'all_workers: INPS note 967 of 24 Apr 2008',
        ],
      },
    ],
  },
  {
    id: 'social_coops_at_least_70pct',
    title: 'Consortium of social coops: its membership base',
    appliesTo: ['consorzio'],
    figure:
      'social coops are at least 70% of the admitted member coops (an indicator; admitting a coop that would break it needs the board’s override)',
    source: 'L. 381/1991 art. 8',
  },
  {
    id: 'at_least_three_member_coops',
    title: 'Consortium of coops: its members',
    appliesTo: ['consorzio'],
    figure: 'at least 3 admitted member coops (an indicator)',
    source: 'D.L.C.P.S. 1577/1947 art. 27',
  },
  {
    id: 'sol_share_at_most_20pct',
    title: 'Complementary currency',
    appliesTo: ['consorzio', 'scic'],
    figure: 'SOL is at most 20% of the money paid into the pooled fund (an indicator)',
    source: 'the consortium’s funding charter (complementary currency up to 20%)',
  },
  {
    id: 'voting_seniority',
    title: 'Votes',
    appliesTo: [...ITALIAN_COOPS, 'consorzio'],
    figure: 'only members enrolled for at least 90 days vote',
    source: 'c.c. art. 2538',
  },
  {
    id: 'share_value_minimum',
    title: 'Share value: minimum',
    appliesTo: ITALIAN_COOPS,
    figure:
      'a natural person’s share is worth at least the minimum (legal persons are outside the limits)',
    source: 'c.c. art. 2525',
    parameters: [
      {
        name: 'minimum share value',
        unit: 'EUR cents',
        values: dated({ since: SINCE_CIVIL_CODE, value: 25_00 }),
      },
    ],
  },
  {
    id: 'share_value_maximum',
    title: 'Share value: maximum',
    appliesTo: ITALIAN_COOPS,
    figure:
      'where the capital is in azioni (not quote), a natural person’s share is worth at most the maximum',
    source: 'c.c. art. 2525',
    parameters: [raisedByDm2024('maximum share value (azioni)', 500_00, 719_00)],
  },
  {
    id: 'member_holding_maximum',
    title: 'Holding of a natural-person member',
    appliesTo: ITALIAN_COOPS,
    figure:
      'a natural-person member holds at most the cap in nominal value; when the statutes say so and the coop has more than 500 members, at most 2% of the capital instead (whichever is higher); not for legal persons nor financing members (supporters)',
    source: 'c.c. art. 2525',
    parameters: [raisedByDm2024('holding cap', 100_000_00, 143_800_00)],
  },
  {
    id: 'legal_reserve_at_least_30pct',
    title: 'Legal reserve (Italian closing)',
    appliesTo: ['consorzio'],
    figure: 'at least 30% of a year’s net profit goes to the legal reserve, whatever its size',
    source: 'c.c. art. 2545-quater',
  },
  {
    id: 'mutual_fund_3pct',
    title: 'Mutual fund for the promotion of cooperation',
    appliesTo: ['consorzio'],
    figure: '3% of a year’s net profit',
    source: 'L. 59/1992 art. 11',
  },
  {
    id: 'dividend_above_cap',
    title: 'Dividends of a prevailing-mutuality coop',
    appliesTo: ['consorzio'],
    figure:
      'dividends at most the postal-bond maximum rate plus 2.5 points on the paid-up capital; reserves are never distributed',
    source: 'c.c. art. 2514',
    parameters: [
      {
        name: 'postal-bond maximum rate (the cap adds 250)',
        unit: 'basis points',
        values: POSTAL_BOND_MAX_RATE,
      },
    ],
  },
  {
    id: 'scic_legal_reserve_15pct',
    title: 'SCIC legal reserve',
    appliesTo: ['scic'],
    figure: 'at least 15% of a year’s net profit goes to the legal reserve; no Italian 3% fund',
    source: 'loi 47-1775 art. 16',
  },
  {
    id: 'indivisible_reserves_below_minimum',
    title: 'SCIC indivisible reserves',
    appliesTo: ['scic'],
    figure:
      'after the legal reserve, at least 50% of the rest to statutory reserves: at least 57.5% of the profit indivisible in all',
    source: 'loi 47-1775 art. 19 nonies',
  },
  {
    id: 'scic_at_least_three_categories',
    title: 'SCIC member categories',
    appliesTo: ['scic'],
    figure:
      'at least 3 member categories, workers (or producers) and beneficiaries among them (an indicator)',
    source: 'loi 47-1775 art. 19 septies',
  },
  {
    id: 'public_bodies_at_most_half_capital',
    title: 'SCIC public bodies',
    appliesTo: ['scic'],
    figure: 'public bodies hold at most 50% of the capital (an indicator)',
    source: 'loi 47-1775 art. 19 septies',
  },
  {
    id: 'withdrawal_notice',
    title: 'Withdrawal of a member coop',
    appliesTo: [...ITALIAN_COOPS, 'consorzio', 'scic'],
    figure:
      'never partial; the board examines it within 60 days (an alert until it decides); the member leaves at the close of the year when notice is given at least 3 months before it, else at the close of the next (a SCIC consortium settles on this same calendar: none of the SCIC rules here fixes another)',
    source: 'c.c. art. 2532',
  },
  {
    id: 'reimbursement_of_shares',
    title: 'Reimbursement of shares',
    appliesTo: [...ITALIAN_COOPS, 'consorzio', 'scic'],
    figure:
      'on the accounts of the exit year, less the leaver’s share of a loss; paid within 180 days of their approval',
    source: 'c.c. art. 2535',
  },
] as const satisfies readonly Rule[];

export type RuleId = (typeof rules)[number]['id'];

export const RULE_BOOK: Record<RuleId, Rule> = Object.fromEntries(
  rules.map((rule) => [rule.id, rule]),
) as Record<RuleId, Rule>;

/** Does the form's law state this rule? */
export function applies(rule: RuleId, form: RuledForm | null): boolean {
  return form !== null && RULE_BOOK[rule].appliesTo.includes(form);
}
