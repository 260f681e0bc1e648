import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { PROJECT_AGGREGATE, ProjectEvent } from '@libs/contracts';
import { ProjectCommand, projectDecider, ProjectState } from './project.decider';

/** A command for one citizen project in incubation, sent on the CommandBus. */
export class ProjectChange extends AggregateCommand<ProjectCommand, ProjectState, ProjectEvent> {}

@CommandHandler(ProjectChange)
export class ProjectHandler extends handlerOf(PROJECT_AGGREGATE, projectDecider) {}
