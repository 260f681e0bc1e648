import { Currency } from '@libs/contracts';

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
  /** The event that recorded it; null on the member coops' daily line (pooled, many events). */
  eventId: string | null;
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
