import { rowProjection } from '@libs/projections';
import { EXCHANGE_EVENT_TYPES, evolveExchange, exchangeOf } from './exchange';
import { ExchangeRow } from './exchange.entity';

/** `exchanges` from the consortium's exchange streams: what the time accounts sum. */
export const exchangesProjection = rowProjection<ExchangeRow>({
  name: 'exchanges',
  version: 1,
  eventTypes: [...EXCHANGE_EVENT_TYPES],
  entity: ExchangeRow,
  key: exchangeOf,
  evolve: evolveExchange,
});
