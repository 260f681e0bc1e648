import { CommandHandler } from '@nestjs/cqrs';
import { AggregateCommand, handlerOf } from '@libs/aggregates';
import { REGISTRY_AGGREGATE, RegistryEvent } from '@libs/contracts';
import { RegistryCommand, registryDecider, RegistryState } from './registry.decider';

/** A command for the registry of member coops: admissions and withdrawals, sent on the CommandBus. */
export class RegistryChange extends AggregateCommand<
  RegistryCommand,
  RegistryState,
  RegistryEvent
> {}

@CommandHandler(RegistryChange)
export class RegistryHandler extends handlerOf(REGISTRY_AGGREGATE, registryDecider) {}
