import { Currency } from '@libs/contracts';

/** The kind of the lines of member coops' money. */
export const COOP_MONEY_KIND = 'contribution';

/** One movement of money in or out of the consortium, as the accountant reads it. */
export interface LedgerLine {
  date: string;
  direction: 'in' | 'out';
  /** An income kind (`grant`, `sales`…), `contribution` (member coops), or `disbursement`. */
  kind: string;
  counterpart: string;
  coopId: string | null;
  currency: Currency;
  /** Exact hundredths. */
  hundredths: bigint;
  reference: string;
  /** The event that recorded it. */
  eventId: string;
}

export const LEDGER_COLUMNS = [
  'date',
  'direction',
  'kind',
  'counterpart',
  'coopId',
  'currency',
  'amount',
  'reference',
  'eventId',
] as const;
