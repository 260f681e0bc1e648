/**
 * Money and time as exact integers. Every unit the federation counts has two decimals at the edge
 * (`"120.50"` EUR, `"3.5"` hours), so inside they are all integer hundredths: cents for EUR and SOL
 * (1 SOL = 1 EUR, but never summed with it), hundredths of an hour for volunteer time.
 */
export const CURRENCIES = ['EUR', 'SOL'] as const;
export type Currency = (typeof CURRENCIES)[number];
export type Unit = Currency | 'hours';

export interface Quantity<U extends Unit = Unit> {
  unit: U;
  hundredths: number;
}
export type Money = Quantity<Currency>;

/**
 * The largest single amount the federation records (`999999999.99`, in hundredths): every amount
 * that enters through an API or a bundle is at most this, so one typo or one rogue coop cannot
 * stop or bend a figure. Sums of such amounts are computed exactly (BigInt or SQL `numeric`).
 */
export const MAX_AMOUNT_HUNDREDTHS = 99_999_999_999;
export const MAX_AMOUNT = '999999999.99';

export function isWithinAmountBound(hundredths: number): boolean {
  return Number.isSafeInteger(hundredths) && hundredths >= 0 && hundredths <= MAX_AMOUNT_HUNDREDTHS;
}

/** Up to 12 integer digits: far above any coop's figures, far below 2^53 hundredths. */
const DECIMAL = /^(0|[1-9]\d{0,11})(?:\.(\d{1,2}))?$/;

/** `"120.5"` → 12050; null when the string is not a non-negative decimal with at most 2 decimals. */
export function parseHundredths(value: string): number | null {
  const match = DECIMAL.exec(value);
  if (!match) return null;
  const fraction = (match[2] ?? '').padEnd(2, '0');
  return Number(match[1]) * 100 + Number(fraction);
}

/** As parseHundredths, with an optional minus sign (a year's loss). */
export function parseSignedHundredths(value: string): number | null {
  const negative = value.startsWith('-');
  const magnitude = parseHundredths(negative ? value.slice(1) : value);
  return magnitude === null ? null : negative ? -magnitude : magnitude;
}

/**
 * 12050 → `"120.50"`; -500 → `"-5.00"`. A sum of many amounts may pass 2^53 hundredths: it comes
 * as a bigint (from SQL `numeric` or BigInt arithmetic) and is written out exactly.
 */
export function formatHundredths(hundredths: number | bigint): string {
  if (typeof hundredths === 'number' && !Number.isSafeInteger(hundredths))
    throw new Error(`not an integer amount: ${hundredths}`);
  const value = BigInt(hundredths);
  const sign = value < 0n ? '-' : '';
  const abs = value < 0n ? -value : value;
  return `${sign}${abs / 100n}.${String(abs % 100n).padStart(2, '0')}`;
}

export function money(currency: Currency, hundredths: number): Money {
  return { unit: currency, hundredths };
}
