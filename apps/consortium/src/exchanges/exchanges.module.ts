import { Module } from '@nestjs/common';
import { RegistryModule } from '../registry/registry.module';
import { ExchangeHandlers } from './exchange.handlers';
import { ExchangesController } from './exchanges.controller';
import { TimeAccountsQueries } from './time-accounts.queries';

@Module({
  imports: [RegistryModule],
  controllers: [ExchangesController],
  providers: [TimeAccountsQueries, ExchangeHandlers],
  exports: [TimeAccountsQueries],
})
export class ExchangesModule {}
