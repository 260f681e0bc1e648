import { IncomeKind, ReportLanguage } from '@libs/contracts';

/** The newsletter's words in each language it is written in. */
export interface NewsletterWording {
  title: (quarter: string) => string;
  period: (from: string, to: string) => string;
  editorial: string;
  noEditorial: string;
  figures: string;
  paid: (unit: string) => string;
  pledged: (unit: string) => string;
  hoursGiven: string;
  coopsAdmitted: string;
  coopsLeft: string;
  allocationsApproved: string;
  amountApproved: (unit: string) => string;
  allocationsRejected: string;
  trainingsHeld: string;
  trainingHours: string;
  exchangesConfirmed: string;
  exchangedHours: string;
  resourcesAdded: string;
  complianceAlerts: string;
  coopsInAlert: string;
  ownIncome: (unit: string) => string;
  /** A part of the own income: `kind` is one of `incomeKinds`. */
  ofIncome: (kind: string, unit: string) => string;
  incomeKinds: Record<IncomeKind, string>;
  disbursed: (unit: string) => string;
  disbursements: string;
  chart: string;
  published: (day: string) => string;
  draft: string;
}

export const NEWSLETTER_WORDING: Record<ReportLanguage, NewsletterWording> = {
  fr: {
    title: (quarter) => `Lettre du consortium : ${quarter}`,
    period: (from, to) => `Du ${from} au ${to}`,
    editorial: 'Éditorial',
    noEditorial: 'Pas d’éditorial pour ce trimestre.',
    figures: 'Les chiffres du trimestre',
    paid: (unit) => `Moyens mis en commun, versés (${unit})`,
    pledged: (unit) => `Promis, pas encore versés (${unit})`,
    hoursGiven: 'Heures données',
    coopsAdmitted: 'Coopératives admises',
    coopsLeft: 'Coopératives sorties',
    allocationsApproved: 'Affectations approuvées par le conseil',
    amountApproved: (unit) => `Montant approuvé (${unit})`,
    allocationsRejected: 'Affectations rejetées',
    trainingsHeld: 'Formations tenues',
    trainingHours: 'Heures de formation',
    exchangesConfirmed: 'Échanges confirmés',
    exchangedHours: 'Heures échangées',
    resourcesAdded: 'Ressources ajoutées au catalogue',
    complianceAlerts: 'Alertes de conformité du consortium',
    coopsInAlert: 'Coopératives membres en alerte',
    ownIncome: (unit) => `Recettes propres du consortium (${unit})`,
    ofIncome: (kind, unit) => `dont ${kind} (${unit})`,
    incomeKinds: {
      grant: 'subventions',
      donation: 'dons',
      eu_call: 'appels européens',
      public_partnership: 'partenariats publics',
      sales: 'ventes',
      other: 'autres',
    },
    disbursed: (unit) => `Décaissé sur les affectations (${unit})`,
    disbursements: 'Décaissements',
    chart: 'Versé par mois',
    published: (day) => `Publié le ${day}`,
    draft: 'Brouillon, non publié',
  },
  it: {
    title: (quarter) => `Lettera del consorzio: ${quarter}`,
    period: (from, to) => `Dal ${from} al ${to}`,
    editorial: 'Editoriale',
    noEditorial: 'Nessun editoriale per questo trimestre.',
    figures: 'I numeri del trimestre',
    paid: (unit) => `Mezzi messi in comune, versati (${unit})`,
    pledged: (unit) => `Promessi, non ancora versati (${unit})`,
    hoursGiven: 'Ore donate',
    coopsAdmitted: 'Cooperative ammesse',
    coopsLeft: 'Cooperative uscite',
    allocationsApproved: 'Stanziamenti approvati dal consiglio',
    amountApproved: (unit) => `Importo approvato (${unit})`,
    allocationsRejected: 'Stanziamenti respinti',
    trainingsHeld: 'Formazioni svolte',
    trainingHours: 'Ore di formazione',
    exchangesConfirmed: 'Scambi confermati',
    exchangedHours: 'Ore scambiate',
    resourcesAdded: 'Risorse aggiunte al catalogo',
    complianceAlerts: 'Allerte di conformità del consorzio',
    coopsInAlert: 'Cooperative socie in allerta',
    ownIncome: (unit) => `Entrate proprie del consorzio (${unit})`,
    ofIncome: (kind, unit) => `di cui ${kind} (${unit})`,
    incomeKinds: {
      grant: 'contributi',
      donation: 'donazioni',
      eu_call: 'bandi europei',
      public_partnership: 'partenariati pubblici',
      sales: 'vendite',
      other: 'altro',
    },
    disbursed: (unit) => `Erogato sugli stanziamenti (${unit})`,
    disbursements: 'Erogazioni',
    chart: 'Versato per mese',
    published: (day) => `Pubblicato il ${day}`,
    draft: 'Bozza, non pubblicata',
  },
  en: {
    title: (quarter) => `The consortium's letter: ${quarter}`,
    period: (from, to) => `From ${from} to ${to}`,
    editorial: 'Editorial',
    noEditorial: 'No editorial for this quarter.',
    figures: "The quarter's figures",
    paid: (unit) => `Pooled means paid (${unit})`,
    pledged: (unit) => `Pledged, not yet paid (${unit})`,
    hoursGiven: 'Hours given',
    coopsAdmitted: 'Coops admitted',
    coopsLeft: 'Coops that left',
    allocationsApproved: 'Allocations the board approved',
    amountApproved: (unit) => `Amount approved (${unit})`,
    allocationsRejected: 'Allocations rejected',
    trainingsHeld: 'Trainings held',
    trainingHours: 'Training hours',
    exchangesConfirmed: 'Exchanges confirmed',
    exchangedHours: 'Hours exchanged',
    resourcesAdded: 'Resources added to the catalogue',
    complianceAlerts: "The consortium's compliance alerts",
    coopsInAlert: 'Member coops with an alert',
    ownIncome: (unit) => `The consortium's own income (${unit})`,
    ofIncome: (kind, unit) => `of which ${kind} (${unit})`,
    incomeKinds: {
      grant: 'grants',
      donation: 'donations',
      eu_call: 'EU calls',
      public_partnership: 'public partnerships',
      sales: 'sales',
      other: 'other',
    },
    disbursed: (unit) => `Paid out on allocations (${unit})`,
    disbursements: 'Disbursements',
    chart: 'Paid by month',
    published: (day) => `Published on ${day}`,
    draft: 'Draft, not published',
  },
};
