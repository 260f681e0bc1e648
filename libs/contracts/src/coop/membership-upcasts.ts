import type { ContractUpcaster } from '../contract-upcasters';

interface ExitWithClearReason {
  reason: string | null;
  [field: string]: unknown;
}

/**
 * Exits of schema 1 carried their reason in clear. An upcast cannot seal it (it is pure, and the
 * member's key lives in the coop's database), nor can the stored event be rewritten: the reason
 * reads as `reasonInClear`, which every view forgets once the member's data is erased.
 */
function exitReasonInClear(data: unknown): unknown {
  const { reason, ...rest } = data as ExitWithClearReason;
  return reason === null
    ? { ...rest, reason: null }
    : { ...rest, reason: null, reasonInClear: reason };
}

export const COOP_UPCASTS: ContractUpcaster[] = [
  { type: 'MemberWithdrew', fromVersion: 1, upcast: exitReasonInClear },
  { type: 'MemberExcluded', fromVersion: 1, upcast: exitReasonInClear },
];
