import { CoopUnderTest, createdId, startCoop } from '../coop/coop-app';
import { contribution, PROFILE } from '../coop/sample-requests';
import { TestSchemas } from '../support/apps';

/**
 * The two coops the consortium's end-to-end tests federate: a type-B social coop, and a SCIC,
 * which is not a social coop (so admitting it after the first breaks the 70% rule).
 */
export const VELO = { coopId: 'velo-solidaire', profile: PROFILE } as const;
export const HABITAT = {
  coopId: 'habitat-partage',
  profile: {
    name: 'Habitat Partagé',
    legalForm: 'scic',
    themes: ['housing', 'civic'],
    territory: 'Bologna, quartiere San Donato',
  },
} as const;

export type MemberCoopSpec = typeof VELO | typeof HABITAT;

/** Each coop's app as a real process on the store of `schemas`, started side by side. */
export function startCoops(
  schemas: TestSchemas,
  ...coops: MemberCoopSpec[]
): Promise<CoopUnderTest[]> {
  return Promise.all(coops.map(({ coopId }) => startCoop(schemas, coopId)));
}

/** The coop's admin describes it to the federation and applies to the consortium. */
export async function applyToConsortium(coop: CoopUnderTest, spec: MemberCoopSpec): Promise<void> {
  expect((await coop.admin('PUT', '/coop', spec.profile)).status).toBe(200);
  expect((await coop.admin('POST', '/consortium/application')).status).toBe(201);
}

/** Records a contribution through the coop's API; its id. */
export async function contribute(
  coop: CoopUnderTest,
  overrides: Record<string, unknown>,
): Promise<string> {
  return createdId(
    await coop.admin('POST', '/contributions', contribution(overrides)),
    'contributionId',
  );
}

/** Runs `task` on every item with at most `concurrency` in flight, as a client pool would. */
export async function inParallel<T>(
  items: T[],
  concurrency: number,
  task: (item: T, index: number) => Promise<void>,
): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      await task(items[index], index);
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
}
