import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { RESOURCE_AGGREGATE, ResourceEvent } from '@libs/contracts';
import { ResourceCommand, resourceDecider, ResourceState } from './resource.decider';

/** A command for one resource the coop shares, sent on the CommandBus. */
export class ResourceChange extends AggregateCommand<
  ResourceCommand,
  ResourceState,
  ResourceEvent
> {}

@CommandHandler(ResourceChange)
export class ResourceHandler extends handlerOf(RESOURCE_AGGREGATE, resourceDecider) {}
