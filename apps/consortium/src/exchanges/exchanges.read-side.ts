import { ReadSide } from '@libs/projections';
import { ExchangeRow } from './exchange.entity';
import { exchangesProjection } from './exchanges.projection';
import { Exchanges1765418000003 } from './migrations/1765418000003-exchanges';

export const EXCHANGES_READ_SIDE: ReadSide = {
  entities: [ExchangeRow],
  migrations: [Exchanges1765418000003],
  projections: () => [exchangesProjection],
};
