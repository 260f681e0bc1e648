import { Module } from '@nestjs/common';
import { ProjectContactVault } from './project-contact.vault';
import { ProjectsController } from './projects.controller';
import { ProjectsQueries } from './projects.queries';
import { ProjectsService } from './projects.service';

/** Incubation: `/projects`, the citizen projects the consortium hosts before they are coops. */
@Module({
  controllers: [ProjectsController],
  providers: [ProjectsService, ProjectsQueries, ProjectContactVault],
  exports: [ProjectsQueries],
})
export class ProjectsModule {}
