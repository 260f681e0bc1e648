import {
  ContributionKind,
  Currency,
  MemberCategory,
  ResourceKind,
  ResourceTermsType,
  Theme,
  Vote,
} from '@libs/contracts';

/**
 * The demo federation's history, as the coops and the board would record it through the API.
 * Every item has a stable `key`: the ids it is recorded under and its Idempotency-Key derive from
 * it, so that seeding again after a crash records nothing twice.
 */
export interface DemoMember {
  key: string;
  displayName: string;
  email: string;
  category: MemberCategory;
  disadvantaged?: true;
  admittedOn: string;
  shares: { count: number; nominalValue: string };
  /** Capital paid up, instalment by instalment: `[paidOn, amount in EUR]`. */
  payments: [string, string][];
}

export interface DemoResource {
  key: string;
  kind: ResourceKind;
  title: string;
  description: string;
  themes: Theme[];
  terms: { type: ResourceTermsType; price?: Money; hours?: string };
}

export interface DemoContribution {
  key: string;
  kind: ContributionKind;
  amount?: Money;
  hours?: string;
  period: string;
  theme: Theme;
  status: 'pledged' | 'paid';
  source?: string;
  /** A pledge that the coop then pays (on the day it is seeded). */
  paidLater?: true;
}

export interface DemoCoop {
  members: DemoMember[];
  resources: DemoResource[];
  contributions: DemoContribution[];
  /** Why the board admits this coop although it is not a social coop (the 70% rule). */
  admissionOverride?: string;
}

export interface DemoAllocation {
  key: string;
  title: string;
  purpose: string;
  theme: Theme;
  beneficiaryCoopId?: string;
  amount: Money;
  /** Votes by board member, in `BOARD_MEMBERS` order. */
  votes: Vote[];
}

export interface DemoHistory {
  coops: Record<string, DemoCoop>;
  budget: { periodId: string; allocations: DemoAllocation[] };
}

interface Money {
  amount: string;
  currency: Currency;
}

const eur = (amount: string): Money => ({ amount, currency: 'EUR' });
const sol = (amount: string): Money => ({ amount, currency: 'SOL' });

/** Every month of `today`'s year up to its month: `2027-01` … `2027-03`. */
function monthsSoFar(today: string): string[] {
  const year = today.slice(0, 4);
  const last = Number(today.slice(5, 7));
  return Array.from({ length: last }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`);
}

/** The monthly dues to the pooled fund: paid up to last month, this month's still pledged. */
function monthlyDues(today: string, amount: Money, theme: Theme): DemoContribution[] {
  const months = monthsSoFar(today);
  return months.map((period, i) => ({
    key: `dues-${period}`,
    kind: 'dues',
    amount,
    period,
    theme,
    status: i === months.length - 1 ? 'pledged' : 'paid',
    source: 'monthly dues',
  }));
}

function member(
  key: string,
  displayName: string,
  category: MemberCategory,
  admittedOn: string,
  shares: [count: number, nominalValue: string],
  payments: [string, string][],
  disadvantaged?: true,
): DemoMember {
  const email = `${key}@example.org`;
  return {
    key,
    displayName,
    email,
    category,
    admittedOn,
    shares: { count: shares[0], nominalValue: shares[1] },
    payments,
    ...(disadvantaged ? { disadvantaged } : {}),
  };
}

/** The history as of `today` (ISO date): the budget is this year's, dues run to this month. */
export function demoHistory(today: string): DemoHistory {
  const year = Number(today.slice(0, 4));
  const firstOfMonth = `${today.slice(0, 7)}-01`;
  const ago = (years: number, monthDay: string) => `${year - years}-${monthDay}`;
  const month = (m: number) =>
    `${year}-${String(Math.min(m, Number(today.slice(5, 7)))).padStart(2, '0')}`;

  const veloSolidaire: DemoCoop = {
    members: [
      member(
        'samira-benali',
        'Samira Benali',
        'worker',
        ago(4, '03-02'),
        [4, '50.00'],
        [[ago(4, '03-02'), '200.00']],
      ),
      member(
        'lucas-martin',
        'Lucas Martin',
        'worker',
        ago(3, '09-15'),
        [2, '50.00'],
        [
          [ago(3, '09-15'), '50.00'],
          [ago(1, '09-15'), '50.00'],
        ],
        true,
      ),
      member(
        'ines-moreau',
        'Inès Moreau',
        'worker',
        ago(2, '01-10'),
        [2, '50.00'],
        [[ago(2, '01-10'), '50.00']],
        true,
      ),
      member(
        'karim-haddad',
        'Karim Haddad',
        'worker',
        ago(1, '06-03'),
        [2, '50.00'],
        [[ago(1, '06-03'), '100.00']],
      ),
      member(
        'jeanne-roux',
        'Jeanne Roux',
        'volunteer',
        ago(3, '04-20'),
        [1, '50.00'],
        [[ago(3, '04-20'), '50.00']],
      ),
      member(
        'paul-girard',
        'Paul Girard',
        'supporter',
        ago(2, '11-05'),
        [10, '50.00'],
        [[ago(2, '11-05'), '500.00']],
      ),
    ],
    resources: [
      {
        key: 'repair-stands',
        kind: 'equipment',
        title: 'Repair stands and a full tool kit',
        description: 'Four stands, truing stands and tools, in the workshop on Saturdays.',
        themes: ['mobility'],
        terms: { type: 'hours', hours: '2' },
      },
      {
        key: 'cargo-bike',
        kind: 'vehicle',
        title: 'Cargo bike with trailer',
        description: 'Electric-assist, 150 kg load; for moves, markets and deliveries.',
        themes: ['mobility'],
        terms: { type: 'at_cost', price: eur('15.00') },
      },
      {
        key: 'mechanics-training',
        kind: 'skill',
        title: 'Bike mechanics training (2 days)',
        description: 'For members of any coop who want to maintain their own fleet.',
        themes: ['mobility', 'work'],
        terms: { type: 'sol', price: sol('80.00') },
      },
    ],
    contributions: [
      ...monthlyDues(today, eur('60.00'), 'mobility'),
      {
        key: 'workshop-sales',
        kind: 'sales',
        amount: eur('1450.00'),
        period: month(6),
        theme: 'mobility',
        status: 'paid',
        source: 'repairs billed to member coops',
      },
      {
        key: 'repairs-in-sol',
        kind: 'sales',
        amount: sol('240.00'),
        period: month(7),
        theme: 'mobility',
        status: 'paid',
        source: 'repairs paid in SOL',
      },
      {
        key: 'eu-mobility-call',
        kind: 'eu_call',
        amount: eur('3000.00'),
        period: month(3),
        theme: 'work',
        status: 'pledged',
        source: 'EU call: inclusive urban mobility',
        paidLater: true,
      },
      {
        key: 'saturday-volunteers',
        kind: 'volunteering',
        hours: '36.5',
        period: month(9),
        theme: 'mobility',
        status: 'paid',
        source: 'Saturday workshop volunteers',
      },
    ],
  };

  const casaComune: DemoCoop = {
    admissionOverride:
      'Intergenerational housing is a founding theme of the federation; the board will seek new social coops to restore the 70% share.',
    members: [
      member(
        'giulia-ferri',
        'Giulia Ferri',
        'beneficiary',
        ago(5, '02-01'),
        [20, '100.00'],
        [[ago(5, '02-01'), '2000.00']],
      ),
      member(
        'marc-lefebvre',
        'Marc Lefebvre',
        'beneficiary',
        ago(5, '02-01'),
        [20, '100.00'],
        [
          [ago(5, '02-01'), '1000.00'],
          [ago(1, '02-01'), '1000.00'],
        ],
      ),
      member(
        'odette-blanc',
        'Odette Blanc',
        'beneficiary',
        ago(4, '10-12'),
        [20, '100.00'],
        [[ago(4, '10-12'), '2000.00']],
      ),
      member(
        'yasmine-kaci',
        'Yasmine Kaci',
        'beneficiary',
        ago(2, '07-01'),
        [20, '100.00'],
        [[ago(2, '07-01'), '1200.00']],
      ),
      member(
        'thomas-petit',
        'Thomas Petit',
        'worker',
        ago(3, '05-15'),
        [2, '100.00'],
        [[ago(3, '05-15'), '200.00']],
      ),
      member(
        'caisse-solidaire',
        'Caisse solidaire du Centre',
        'legal_person',
        ago(5, '01-20'),
        [100, '100.00'],
        [[ago(5, '01-20'), '10000.00']],
      ),
    ],
    resources: [
      {
        key: 'common-room',
        kind: 'space',
        title: 'Common room for meetings (30 seats)',
        description: 'Ground floor, step-free, with a kitchen; evenings and weekends.',
        themes: ['housing', 'civic'],
        terms: { type: 'sol', price: sol('20.00') },
      },
      {
        key: 'guest-room',
        kind: 'space',
        title: 'Guest room for visiting members',
        description: 'Two beds; members of federated coops travelling for the federation.',
        themes: ['housing'],
        terms: { type: 'free' },
      },
    ],
    contributions: [
      ...monthlyDues(today, eur('80.00'), 'housing'),
      {
        key: 'foundation-donation',
        kind: 'donation',
        amount: eur('2000.00'),
        period: month(4),
        theme: 'housing',
        status: 'pledged',
        source: 'Fondation Habitat Partagé',
        paidLater: true,
      },
      {
        key: 'renovation-skills',
        kind: 'skill_exchange',
        hours: '24',
        period: month(5),
        theme: 'housing',
        status: 'paid',
        source: 'insulation work taught to two coops',
      },
      {
        key: 'guest-nights',
        kind: 'barter',
        amount: sol('120.00'),
        period: month(8),
        theme: 'housing',
        status: 'paid',
        source: 'guest-room nights for training days',
      },
    ],
  };

  const bottegaCorta: DemoCoop = {
    admissionOverride:
      'A SCIC of producers, workers and customers: the federation needs its short supply chain; social coops will follow.',
    members: [
      member(
        'amandine-roche',
        'Amandine Roche',
        'worker',
        ago(2, '04-01'),
        [5, '40.00'],
        [[ago(2, '04-01'), '200.00']],
      ),
      member(
        'bruno-vidal',
        'Bruno Vidal',
        'worker',
        ago(2, '04-01'),
        [5, '40.00'],
        [[ago(2, '04-01'), '200.00']],
      ),
      member(
        'gaec-trois-vallees',
        'GAEC des Trois Vallées',
        'legal_person',
        ago(2, '03-15'),
        [25, '40.00'],
        [[ago(2, '03-15'), '1000.00']],
      ),
      member(
        'commune-saillans',
        'Commune de Saillans',
        'public_body',
        ago(1, '01-30'),
        [20, '40.00'],
        [[ago(1, '01-30'), '800.00']],
      ),
      member(
        'lea-fontaine',
        'Léa Fontaine',
        'beneficiary',
        ago(2, '05-10'),
        [1, '40.00'],
        [[ago(2, '05-10'), '40.00']],
      ),
      member(
        'hugo-marchand',
        'Hugo Marchand',
        'beneficiary',
        ago(1, '09-02'),
        [1, '40.00'],
        [[ago(1, '09-02'), '40.00']],
      ),
      // The last member of the last coop joins last: the seed's completion mark (seed.ts).
      member(
        'nadia-ferreira',
        'Nadia Ferreira',
        'beneficiary',
        firstOfMonth,
        [1, '40.00'],
        [[firstOfMonth, '40.00']],
      ),
    ],
    resources: [
      {
        key: 'refrigerated-van',
        kind: 'vehicle',
        title: 'Refrigerated van',
        description: '3.5 t, driven by its owner; pooled rounds to the valley farms on Tuesdays.',
        themes: ['consumption'],
        terms: { type: 'at_cost', price: eur('40.00') },
      },
      {
        key: 'logistics-workshop',
        kind: 'skill',
        title: 'Short supply chain logistics workshop',
        description: 'Half a day: pooled orders, cold chain, delivery rounds.',
        themes: ['consumption', 'work'],
        terms: { type: 'hours', hours: '3' },
      },
    ],
    contributions: [
      ...monthlyDues(today, sol('50.00'), 'consumption'),
      {
        key: 'pooled-purchasing-fees',
        kind: 'sales',
        amount: eur('2400.00'),
        period: month(5),
        theme: 'consumption',
        status: 'paid',
        source: 'pooled purchasing fees',
      },
      {
        key: 'regional-grant',
        kind: 'grant',
        amount: eur('5000.00'),
        period: month(10),
        theme: 'consumption',
        status: 'pledged',
        source: 'Région: short supply circuits',
      },
      {
        key: 'shop-volunteers',
        kind: 'volunteering',
        hours: '48',
        period: month(10),
        theme: 'consumption',
        status: 'paid',
        source: 'Saturday shop volunteers',
      },
    ],
  };

  return {
    coops: {
      'velo-solidaire': veloSolidaire,
      'casa-comune': casaComune,
      'bottega-corta': bottegaCorta,
    },
    budget: {
      periodId: String(year),
      allocations: [
        {
          key: 'shared-accounting',
          title: 'Shared accounting service',
          purpose:
            'A part-time accountant shared by the member coops: bookkeeping, payroll, annual accounts.',
          theme: 'work',
          amount: eur('2400.00'),
          votes: ['for', 'for'],
        },
        {
          key: 'cargo-bikes',
          title: 'Two cargo bikes for Bottega Corta’s deliveries',
          purpose:
            'Built and maintained by Vélo Solidaire’s workshop: deliveries to the valley without the van.',
          theme: 'mobility',
          beneficiaryCoopId: 'bottega-corta',
          amount: sol('600.00'),
          votes: ['for', 'abstain'],
        },
      ],
    },
  };
}
