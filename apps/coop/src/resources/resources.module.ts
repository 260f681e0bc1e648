import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { COOP_ID } from '../coop-id';
import { ResourcesController } from './resources.controller';
import { ResourcesService } from './resources.service';
import { RESOURCES_READ_SIDE } from './resources.read-side';
import { ResourceHandler } from './resource.command-handler';

@Module({
  imports: [ProjectionsModule.forFeature(RESOURCES_READ_SIDE, COOP_ID)],
  controllers: [ResourcesController],
  providers: [ResourceHandler, ResourcesService],
})
export class ResourcesModule {}
