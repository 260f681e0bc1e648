import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { RegistryModule } from '../registry';
import { CatalogueController } from './catalogue.controller';
import { CatalogueQueries } from './catalogue.queries';
import { CATALOGUE_READ_SIDE } from './catalogue.read-side';

@Module({
  imports: [ProjectionsModule.forFeature(CATALOGUE_READ_SIDE), RegistryModule],
  controllers: [CatalogueController],
  providers: [CatalogueQueries],
  exports: [CatalogueQueries],
})
export class CatalogueModule {}
