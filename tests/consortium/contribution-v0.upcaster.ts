// The fix for the parked-event test's poison: an upcaster from a ContributionRecorded of schema
// version 0 (an early writer's shape: `amount: { amount: "12.34", currency }`, no `quantity`) to
// version 1. The release under test has none, so its pooled-means view cannot apply such an event
// and parks it; the operator's retry runs with this module in EVENT_UPCASTERS.
import { parseHundredths } from '@libs/contracts';
import type { Upcaster } from '@libs/event-store';

interface ContributionRecordedV0 {
  amount: { amount: string; currency: 'EUR' | 'SOL' };
  [field: string]: unknown;
}

export const upcasters: Upcaster[] = [
  {
    type: 'ContributionRecorded',
    fromVersion: 0,
    upcast(data) {
      const { amount, ...rest } = data as ContributionRecordedV0;
      const hundredths = parseHundredths(amount.amount);
      if (hundredths === null) throw new Error(`not an amount: ${amount.amount}`);
      return { ...rest, quantity: { unit: amount.currency, hundredths } };
    },
  },
];
