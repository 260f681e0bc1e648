import { formatHundredths } from '@libs/contracts';
import { LEDGER_COLUMNS, LedgerLine } from './ledger-line';

/**
 * A field as RFC 4180 wants it; a field a spreadsheet would read as a formula (`=`, `+`, `-`, `@`)
 * is prefixed with a quote, so that a funder's or supplier's name never runs in the accountant's
 * spreadsheet. Amounts are written by the app, never such text.
 */
function field(value: string): string {
  const safe = /^[=+\-@\t\r]/.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(safe) ? `"${safe.replace(/"/g, '""')}"` : safe;
}

function row(line: LedgerLine): string {
  return [
    field(line.date),
    line.direction,
    field(line.kind),
    field(line.counterpart),
    field(line.coopId ?? ''),
    line.currency,
    formatHundredths(line.hundredths),
    field(line.reference),
    line.eventId,
  ].join(',');
}

/**
 * The ledger as CSV, one line per movement, amounts as exact decimal strings: written page by page
 * as the ledger is read, so a year of many thousand lines is never held whole.
 */
export async function* ledgerCsv(pages: AsyncIterable<LedgerLine[]>): AsyncGenerator<string> {
  yield LEDGER_COLUMNS.join(',') + '\r\n';
  for await (const lines of pages) yield lines.map((line) => row(line) + '\r\n').join('');
}
