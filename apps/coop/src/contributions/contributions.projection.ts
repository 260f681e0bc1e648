import { CONTRIBUTION_AGGREGATE, ContributionEvent, coopStreamPrefix } from '@libs/contracts';
import { Projection, rowProjection } from '@libs/projections';
import { ContributionState, evolve } from './contribution.decider';
import { ContributionRow } from './contribution.entity';

export function contributionsProjection(coopId: string): Projection {
  return rowProjection<ContributionRow>({
    name: 'contributions',
    version: 1,
    filter: { coopId, streamPrefix: `${coopStreamPrefix(coopId)}${CONTRIBUTION_AGGREGATE}/` },
    entity: ContributionRow,
    key: (event) => (event.data as { contributionId: string }).contributionId,
    evolve: (row, recorded) => {
      const before = row ? fromRow(row) : null;
      const after = evolve(before, recorded as unknown as ContributionEvent);
      return after ? toRow(after, recorded.streamVersion) : (row ?? null);
    },
  });
}

function fromRow({
  unit,
  hundredths,
  version: _version,
  ...row
}: ContributionRow): ContributionState {
  return { ...row, quantity: { unit, hundredths } };
}

function toRow(state: NonNullable<ContributionState>, version: number): ContributionRow {
  const { quantity, ...rest } = state;
  return { ...rest, unit: quantity.unit, hundredths: quantity.hundredths, version };
}
