/** A line of the pooled means as clients read it: amounts as decimal strings with two places. */
interface Line {
  unit: string;
  pledged: string;
  paid: string;
}

/** The breakdowns of a pooled-means view that must agree with each other. */
interface Breakdowns {
  byMonth: (Line & { month: string })[];
  byPillar: (Line & { pillar: string })[];
  byMonthAndPillar: (Line & { month: string; pillar: string })[];
}

/**
 * The month-by-pillar lines, added up per month (per pillar) and unit, are the month (pillar)
 * lines: one ledger, three breakdowns that never disagree.
 */
export function expectMonthByPillarToAddUp(view: Breakdowns): void {
  const lines = view.byMonthAndPillar;
  expect(addedUp(lines, (line) => line.month)).toEqual(addedUp(view.byMonth, (line) => line.month));
  expect(addedUp(lines, (line) => line.pillar)).toEqual(
    addedUp(view.byPillar, (line) => line.pillar),
  );
}

function addedUp<L extends Line>(lines: L[], key: (line: L) => string): Map<string, bigint[]> {
  const sums = new Map<string, bigint[]>();
  for (const line of lines) {
    const id = `${key(line)} ${line.unit}`;
    const [pledged, paid] = sums.get(id) ?? [0n, 0n];
    sums.set(id, [pledged + hundredths(line.pledged), paid + hundredths(line.paid)]);
  }
  return sums;
}

/** Exact: the decimal string's two places are the hundredths. */
const hundredths = (amount: string): bigint => BigInt(amount.replace('.', ''));
