import { ResourceEvent, ResourceShared } from '@libs/contracts';
import { Decider, NotFound, StateConflict } from '@libs/aggregates';

export type ResourceCommand =
  | ({ type: 'ShareResource' } & ResourceShared['data'])
  | { type: 'WithdrawResource'; withdrawnOn: string };

export type ResourceState = (ResourceShared['data'] & { withdrawn: boolean }) | null;

export function evolve(state: ResourceState, event: ResourceEvent): ResourceState {
  switch (event.type) {
    case 'ResourceShared':
      return { ...event.data, withdrawn: false };
    case 'ResourceWithdrawn':
      return state && { ...state, withdrawn: true };
  }
}

export function decide(command: ResourceCommand, state: ResourceState): ResourceEvent[] {
  switch (command.type) {
    case 'ShareResource': {
      if (state) throw new StateConflict(`resource ${command.resourceId} is already shared`);
      const { type: _type, ...data } = command;
      return [{ type: 'ResourceShared', data }];
    }
    case 'WithdrawResource':
      if (!state) throw new NotFound('no such resource');
      if (state.withdrawn) throw new StateConflict('the resource is already withdrawn');
      return [
        {
          type: 'ResourceWithdrawn',
          data: { resourceId: state.resourceId, withdrawnOn: command.withdrawnOn },
        },
      ];
  }
}

export const resourceDecider: Decider<ResourceState, ResourceCommand, ResourceEvent> = {
  initialState: () => null,
  evolve,
  decide,
};
