import { coopStreamPrefix, RESOURCE_AGGREGATE, ResourceEvent } from '@libs/contracts';
import { Projection, rowProjection } from '@libs/projections';
import { ResourceRow } from './resource.entity';

export function resourcesProjection(coopId: string): Projection {
  return rowProjection<ResourceRow>({
    name: 'resources',
    version: 1,
    filter: { coopId, streamPrefix: `${coopStreamPrefix(coopId)}${RESOURCE_AGGREGATE}/` },
    entity: ResourceRow,
    key: (event) => (event.data as { resourceId: string }).resourceId,
    evolve: (row, recorded) => {
      const event = recorded as unknown as ResourceEvent;
      switch (event.type) {
        case 'ResourceShared':
          return { ...event.data, withdrawnOn: null };
        case 'ResourceWithdrawn':
          return row ? { ...row, withdrawnOn: event.data.withdrawnOn } : null;
      }
    },
  });
}
