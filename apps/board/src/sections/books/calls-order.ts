import { FundingApplication } from '../../api/types';

const DAY_MS = 86_400_000;

/** An open call whose deadline falls within the next 30 days: the board must act on it first. */
export function isSoon(call: FundingApplication, today: string): boolean {
  const days = (Date.parse(call.deadline) - Date.parse(today)) / DAY_MS;
  return call.status === 'open' && days >= 0 && days <= 30;
}

/** The calls with a deadline within 30 days first, then the others, each by deadline. */
export function callsInOrder(calls: FundingApplication[], today: string): FundingApplication[] {
  return [...calls].sort(
    (a, b) =>
      Number(isSoon(b, today)) - Number(isSoon(a, today)) || a.deadline.localeCompare(b.deadline),
  );
}
