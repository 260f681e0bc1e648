import { LegalForm } from '@libs/contracts';

/** Whose law a form answers to: a form gets its own law's rules and no other's. */
export type Jurisdiction = 'IT' | 'FR';

/**
 * The consortium's own legal form, a setting of the deployment (`CONSORTIUM_LEGAL_FORM`): an
 * Italian consortium of social coops, or a French SCIC (as in the founding project and the seed).
 */
export const CONSORTIUM_LEGAL_FORMS = ['consorzio', 'scic'] as const;
export type ConsortiumLegalForm = (typeof CONSORTIUM_LEGAL_FORMS)[number];

/** Every form a rule can apply to: a coop's forms, and the Italian consorzio. */
export type RuledForm = LegalForm | 'consorzio';

export const JURISDICTION: Record<RuledForm, Jurisdiction> = {
  social_coop_a: 'IT',
  social_coop_b: 'IT',
  coop: 'IT',
  consorzio: 'IT',
  scic: 'FR',
  scop: 'FR',
  association: 'FR',
};

/** Italian social coops (L. 381/1991). */
export const ITALIAN_SOCIAL_COOPS: readonly RuledForm[] = ['social_coop_a', 'social_coop_b'];
/** Italian cooperatives under the civil code: social coops and ordinary coops. */
export const ITALIAN_COOPS: readonly RuledForm[] = ['social_coop_a', 'social_coop_b', 'coop'];

/** Reads `CONSORTIUM_LEGAL_FORM`; unset means an Italian consorzio of social coops. */
export function consortiumLegalForm(value: string | undefined): ConsortiumLegalForm {
  const form = (value ?? '').trim() || 'consorzio';
  if (!(CONSORTIUM_LEGAL_FORMS as readonly string[]).includes(form)) {
    throw new Error(
      `CONSORTIUM_LEGAL_FORM must be one of ${CONSORTIUM_LEGAL_FORMS.join(', ')}; got "${form}"`,
    );
  }
  return form as ConsortiumLegalForm;
}
