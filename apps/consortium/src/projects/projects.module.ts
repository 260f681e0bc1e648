import { Module } from '@nestjs/common';
import { ExportModule } from '../export/export.module';
import { ProjectExportController } from './project-export.controller';
import { ProjectContactVault } from './project-contact.vault';
import { ProjectsController } from './projects.controller';
import { ProjectsQueries } from './projects.queries';
import { ProjectsService } from './projects.service';

/** Incubation: `/projects`, the citizen projects the consortium hosts before they are coops. */
@Module({
  imports: [ExportModule],
  controllers: [ProjectsController, ProjectExportController],
  providers: [ProjectsService, ProjectsQueries, ProjectContactVault],
  exports: [ProjectsQueries],
})
export class ProjectsModule {}
