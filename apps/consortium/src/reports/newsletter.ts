import { ReportLanguage } from '@libs/contracts';
import { NEWSLETTER_WORDING, NewsletterWording } from './newsletter-wording';
import { QuarterlyReport } from './quarterly-report';
import { ReportState } from './report.decider';

/** A bar of the chart: one unit paid in one month. */
export interface Bar {
  unit: 'EUR' | 'SOL';
  /** Exact, in hundredths. */
  hundredths: bigint;
  text: string;
}

/**
 * The newsletter as the reader sees it, in their language, every number and day already written
 * in their locale: the HTML page and the PDF both draw this, so they show the same figures.
 */
export interface Newsletter {
  language: ReportLanguage;
  title: string;
  period: string;
  editorialHeading: string;
  editorial: string | null;
  noEditorial: string;
  figuresHeading: string;
  figures: { label: string; value: string }[];
  chartHeading: string;
  chart: { month: string; bars: Bar[] }[];
  status: string;
}

const hundredthsOf = (decimal: string) => BigInt(decimal.replace('.', ''));

/**
 * Writes an exact decimal string (`"1234.50"`) in the locale's format. `Intl` takes the decimal as
 * a string, so no digit is lost to a float, and groups every thousand (Italian would otherwise
 * leave four-digit numbers ungrouped).
 */
export function localNumber(language: ReportLanguage, decimal: string, fractionDigits = 2): string {
  return new Intl.NumberFormat(language, {
    minimumFractionDigits: fractionDigits,
    maximumFractionDigits: fractionDigits,
    useGrouping: 'always',
  } as Intl.NumberFormatOptions).format(decimal as unknown as number);
}

export function localDay(language: ReportLanguage, day: string): string {
  return new Intl.DateTimeFormat(language, { dateStyle: 'long', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
}

function localMonth(language: ReportLanguage, month: string): string {
  return new Intl.DateTimeFormat(language, {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
}

/** Aggregated figures only: counts and sums, never a coop's member, nor any reason. */
export function newsletterOf(
  report: QuarterlyReport,
  state: ReportState,
  language: ReportLanguage,
): Newsletter {
  const words = NEWSLETTER_WORDING[language];
  const amount = (decimal: string) => localNumber(language, decimal);
  const count = (n: number) => localNumber(language, String(n), 0);
  const total = (unit: string) => report.pooledMeans.totals.find((line) => line.unit === unit)!;
  return {
    language,
    title: words.title(report.quarter),
    period: words.period(localDay(language, report.from), localDay(language, report.to)),
    editorialHeading: words.editorial,
    editorial: state.editorial[language] ?? null,
    noEditorial: words.noEditorial,
    figuresHeading: words.figures,
    figures: [
      { label: words.paid('EUR'), value: amount(total('EUR').paid) },
      { label: words.pledged('EUR'), value: amount(total('EUR').pledged) },
      { label: words.paid('SOL'), value: amount(total('SOL').paid) },
      { label: words.pledged('SOL'), value: amount(total('SOL').pledged) },
      { label: words.hoursGiven, value: amount(total('hours').paid) },
      { label: words.coopsAdmitted, value: count(report.coops.admitted.length) },
      { label: words.coopsLeft, value: count(report.coops.left.length) },
      ...decisionFigures(report, words, amount, count),
      { label: words.trainingsHeld, value: count(report.trainings.held) },
      { label: words.trainingHours, value: amount(report.trainings.hours) },
      { label: words.exchangesConfirmed, value: count(report.exchanges.confirmed) },
      { label: words.exchangedHours, value: amount(report.exchanges.hours) },
      { label: words.resourcesAdded, value: count(report.resources.added) },
      { label: words.complianceAlerts, value: count(report.compliance.alerts.length) },
      { label: words.coopsInAlert, value: count(report.compliance.coopsInAlert) },
      ...booksFigures(report, words, amount, count),
    ],
    chartHeading: words.chart,
    chart: report.months.map((month) => ({
      month: localMonth(language, month),
      bars: (['EUR', 'SOL'] as const).map((unit) => {
        const paid =
          report.pooledMeans.byMonth.find((line) => line.month === month && line.unit === unit)
            ?.paid ?? '0.00';
        return { unit, hundredths: hundredthsOf(paid), text: `${amount(paid)} ${unit}` };
      }),
    })),
    status: state.publishedOn
      ? words.published(localDay(language, state.publishedOn))
      : words.draft,
  };
}

/** How many allocations the board approved and for how much (per currency), how many it rejected. */
function decisionFigures(
  report: QuarterlyReport,
  words: NewsletterWording,
  amount: (decimal: string) => string,
  count: (n: number) => string,
): { label: string; value: string }[] {
  const of = (outcome: 'approved' | 'rejected') =>
    report.decisions.filter((tally) => tally.outcome === outcome);
  const decided = (outcome: 'approved' | 'rejected') =>
    of(outcome).reduce((sum, tally) => sum + tally.decisions, 0);
  return [
    { label: words.allocationsApproved, value: count(decided('approved')) },
    ...of('approved').map((tally) => ({
      label: words.amountApproved(tally.unit),
      value: amount(tally.amount),
    })),
    { label: words.allocationsRejected, value: count(decided('rejected')) },
  ];
}

/**
 * The consortium's own money: what it received (in all, then by kind) and paid out, per currency;
 * sums and counts, never a funder or a payee.
 */
function booksFigures(
  report: QuarterlyReport,
  words: NewsletterWording,
  amount: (decimal: string) => string,
  count: (n: number) => string,
): { label: string; value: string }[] {
  const { totals, income, disbursements } = report.books;
  return [
    ...totals.flatMap(({ currency, received }) => [
      { label: words.ownIncome(currency), value: amount(received) },
      ...income
        .filter((line) => line.currency === currency)
        .map((line) => ({
          label: words.ofIncome(words.incomeKinds[line.kind], currency),
          value: amount(line.amount),
        })),
    ]),
    ...totals.map(({ currency, disbursed }) => ({
      label: words.disbursed(currency),
      value: amount(disbursed),
    })),
    {
      label: words.disbursements,
      value: count(disbursements.reduce((sum, line) => sum + line.disbursements, 0)),
    },
  ];
}

/**
 * Each bar's length out of `full`, in proportion to the longest bar (computed on the exact
 * hundredths; only the drawn length is rounded). Negative sums (corrections) draw as nothing.
 */
export function barLengths(newsletter: Newsletter, full: number): number[][] {
  const values = newsletter.chart.flatMap((month) => month.bars.map((bar) => bar.hundredths));
  const longest = values.reduce((max, v) => (v > max ? v : max), 0n);
  return newsletter.chart.map((month) =>
    month.bars.map((bar) =>
      longest === 0n || bar.hundredths <= 0n
        ? 0
        : Number((bar.hundredths * BigInt(full * 100)) / longest) / 100,
    ),
  );
}
