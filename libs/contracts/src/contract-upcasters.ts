import { COOP_UPCASTS } from './coop/membership-upcasts';

/**
 * The upcasters every reader of the federation's events registers (the shape of `Upcaster` in
 * `@libs/event-store`): an event stored with an older schema version reads in today's shape.
 */
export interface ContractUpcaster {
  type: string;
  fromVersion: number;
  upcast(data: unknown): unknown;
}

/** Version 1 had no bundle-signing key: it reads as none. */
const withoutBundleKey = (data: unknown) => ({ ...(data as object), bundleKey: null });

export const CONTRACT_UPCASTERS: readonly ContractUpcaster[] = [
  { type: 'ConsortiumApplicationSubmitted', fromVersion: 1, upcast: withoutBundleKey },
  { type: 'CoopAdmitted', fromVersion: 1, upcast: withoutBundleKey },
  ...COOP_UPCASTS,
];
