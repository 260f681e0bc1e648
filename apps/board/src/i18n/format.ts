export type Unit = 'EUR' | 'SOL' | 'hours';

/**
 * Numbers and dates as the reader's language writes them (`Intl`). Amounts arrive as decimal
 * strings and are formatted as such (Intl reads a numeric string exactly): no float on the way.
 * SOL is not an ISO currency, but Intl places any three-letter code as it places EUR.
 */
export interface Formats {
  quantity(amount: string, unit: Unit): string;
  /** A ratio such as `"0.0774"` as a percentage; `null` (nothing to divide) as a dash. */
  percent(ratio: string | null): string;
  /** `YYYY-MM-DD`, a calendar day: no time zone may shift it. */
  day(day: string): string;
  /** `YYYY-MM`. */
  month(month: string): string;
  /** A whole number of things. */
  count(n: number): string;
}

type NumericString = `${number}`;

/** `locale`: a BCP 47 tag, see `formattingLocale`. */
export function formats(locale: string): Formats {
  const money = new Map<string, Intl.NumberFormat>();
  const moneyFormat = (currency: string) => {
    let format = money.get(currency);
    if (!format) {
      format = new Intl.NumberFormat(locale, { style: 'currency', currency });
      money.set(currency, format);
    }
    return format;
  };
  const hours = new Intl.NumberFormat(locale, {
    style: 'unit',
    unit: 'hour',
    unitDisplay: 'short',
    maximumFractionDigits: 2,
  });
  const percent = new Intl.NumberFormat(locale, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const integer = new Intl.NumberFormat(locale, { maximumFractionDigits: 0 });
  const day = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
  const month = new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });
  return {
    quantity: (amount, unit) =>
      (unit === 'hours' ? hours : moneyFormat(unit)).format(amount as NumericString),
    percent: (ratio) => (ratio === null ? '–' : percent.format(ratio as NumericString)),
    day: (value) => day.format(new Date(`${value}T00:00:00Z`)),
    month: (value) => month.format(new Date(`${value}-01T00:00:00Z`)),
    count: (n) => integer.format(n),
  };
}
