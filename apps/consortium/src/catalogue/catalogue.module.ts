import { Module } from '@nestjs/common';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueries } from './catalogue.queries';

@Module({
  controllers: [CatalogueController],
  providers: [CatalogueQueries],
  exports: [CatalogueQueries],
})
export class CatalogueModule {}
