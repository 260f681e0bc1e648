import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { RegistryModule } from '../registry';
import { ExchangeHandlers } from './exchange.handlers';
import { ExchangesController } from './exchanges.controller';
import { TimeAccountsQueries } from './time-accounts.queries';
import { EXCHANGES_READ_SIDE } from './exchanges.read-side';
import { ExchangeHandler } from './exchange.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(EXCHANGES_READ_SIDE), RegistryModule],
  controllers: [ExchangesController],
  providers: [ExchangeHandler, TimeAccountsQueries, ExchangeHandlers],
  exports: [TimeAccountsQueries],
})
export class ExchangesModule {}
