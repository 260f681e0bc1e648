/** The federation's shared words (the domain's vocabulary), as the values events and APIs carry. */

export const THEMES = ['housing', 'consumption', 'mobility', 'work', 'civic'] as const;
export type Theme = (typeof THEMES)[number];

export const LEGAL_FORMS = [
  'social_coop_a',
  'social_coop_b',
  'scic',
  'scop',
  'coop',
  'association',
] as const;
export type LegalForm = (typeof LEGAL_FORMS)[number];

/** Social coops under L. 381/1991: the consortium's 70% rule counts these. */
export const SOCIAL_COOP_FORMS: readonly LegalForm[] = ['social_coop_a', 'social_coop_b'];

/** How an Italian coop's capital is divided (c.c. 2525): the per-share cap is for azioni only. */
export const SHARE_FORMS = ['azioni', 'quote'] as const;
export type ShareForm = (typeof SHARE_FORMS)[number];

export const MEMBER_CATEGORIES = [
  'worker',
  'beneficiary',
  'volunteer',
  'supporter',
  'public_body',
  'legal_person',
] as const;
export type MemberCategory = (typeof MEMBER_CATEGORIES)[number];

/** Categories whose members are legal persons: the per-share and per-member caps don't apply. */
export const LEGAL_PERSON_CATEGORIES: readonly MemberCategory[] = ['public_body', 'legal_person'];

export const PILLARS = ['market', 'non_market', 'non_monetary'] as const;
export type Pillar = (typeof PILLARS)[number];

export const CONTRIBUTION_KINDS = {
  dues: 'market',
  sales: 'market',
  grant: 'non_market',
  donation: 'non_market',
  eu_call: 'non_market',
  public_partnership: 'non_market',
  volunteering: 'non_monetary',
  skill_exchange: 'non_monetary',
  barter: 'non_monetary',
  self_production: 'non_monetary',
  // Hours of a training given to other coops (popular education).
  training: 'non_monetary',
} as const satisfies Record<string, Pillar>;
export type ContributionKind = keyof typeof CONTRIBUTION_KINDS;

export function pillarOf(kind: ContributionKind): Pillar {
  return CONTRIBUTION_KINDS[kind];
}

export const RESOURCE_KINDS = ['equipment', 'vehicle', 'space', 'skill'] as const;
export type ResourceKind = (typeof RESOURCE_KINDS)[number];

export const RESOURCE_TERMS = ['free', 'at_cost', 'sol', 'hours'] as const;
export type ResourceTermsType = (typeof RESOURCE_TERMS)[number];
