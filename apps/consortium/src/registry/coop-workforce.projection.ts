import { rowProjection } from '@libs/projections';
import {
  COOP_WORKFORCE_EVENT_TYPES,
  coopWorkforceMonthOf,
  evolveCoopWorkforceMonth,
} from './coop-workforce';
import { CoopWorkforceRow } from './coop-workforce.entity';

/** `coop_workforce` from every coop's workforce stream. */
export const coopWorkforceProjection = rowProjection<CoopWorkforceRow>({
  name: 'coop_workforce',
  version: 1,
  eventTypes: [...COOP_WORKFORCE_EVENT_TYPES],
  entity: CoopWorkforceRow,
  key: coopWorkforceMonthOf,
  evolve: evolveCoopWorkforceMonth,
});
