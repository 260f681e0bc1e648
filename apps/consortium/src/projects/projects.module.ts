import { Module } from '@nestjs/common';
import { ProjectionsModule } from '@libs/projections';
import { ExportModule } from '../export';
import { ProjectExportController } from './project-export.controller';
import { ProjectContactVault } from './project-contact.vault';
import { ProjectsController } from './projects.controller';
import { ProjectsQueries } from './projects.queries';
import { ProjectsService } from './projects.service';
import { PROJECTS_READ_SIDE } from './projects.read-side';
import { ProjectHandler } from './project.command-handler';

/** Incubation: `/projects`, the citizen projects the consortium hosts before they are coops. */
@Module({
  imports: [ProjectionsModule.forFeature(PROJECTS_READ_SIDE), ExportModule],
  controllers: [ProjectsController, ProjectExportController],
  providers: [ProjectHandler, ProjectsService, ProjectsQueries, ProjectContactVault],
  exports: [ProjectsQueries],
})
export class ProjectsModule {}
