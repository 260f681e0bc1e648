/**
 * Valid request bodies of the coop API (the public API), each open to overrides: a test changes only what
 * it is about, so what it sends says what it checks.
 */
export const eur = (amount: string) => ({ amount, currency: 'EUR' });
export const sol = (amount: string) => ({ amount, currency: 'SOL' });

export const PROFILE = {
  name: 'Velo Solidaire',
  legalForm: 'social_coop_b',
  themes: ['mobility', 'work'],
  territory: 'Bologna, quartiere Navile',
};

export function admission(overrides: Record<string, unknown> = {}) {
  return {
    category: 'worker',
    admittedOn: '2025-01-15',
    shares: { count: 4, nominalValue: eur('50.00') },
    ...overrides,
  };
}

export function contribution(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'dues',
    amount: eur('120.50'),
    period: '2025-03',
    theme: 'mobility',
    status: 'paid',
    ...overrides,
  };
}

export function resource(overrides: Record<string, unknown> = {}) {
  return {
    kind: 'vehicle',
    title: 'Cargo bike with trailer',
    themes: ['mobility'],
    terms: { type: 'free' },
    ...overrides,
  };
}
