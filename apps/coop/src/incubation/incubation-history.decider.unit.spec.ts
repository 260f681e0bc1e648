import { StateConflict } from '@libs/aggregates';
import {
  decide,
  evolve,
  IncubationHistory,
  incubationHistoryDecider,
} from './incubation-history.decider';

const PROJECT = '0b6c7a52-7c1e-4a43-9d0e-3f7e2a1c5d10';
const OTHER = '5f0e1d2c-3b4a-4958-8776-a5b4c3d2e1f0';

const history = (projectId = PROJECT): IncubationHistory => ({
  coopId: 'ciclofficina',
  projectId,
  receivedOn: '2027-04-02',
  bundle: { sealHash: 'a'.repeat(64), signedBy: 'b'.repeat(64) },
  name: 'Ciclofficina',
  themes: ['mobility'],
  territory: 'Torino',
  stages: [{ stage: 'constitution', from: '2027-03-01', to: '2027-04-01' }],
  support: [],
  funds: [],
  graduation: { legalForm: 'social_coop_b', graduatedOn: '2027-04-01' },
});

const receive = (projectId?: string) => ({
  type: 'ReceiveIncubationHistory' as const,
  history: history(projectId),
});

describe('the pre-history a coop receives from the consortium', () => {
  it('given none received, when the project’s history comes, then it is recorded', () => {
    expect(decide(receive(), incubationHistoryDecider.initialState())).toEqual([
      { type: 'IncubationHistoryReceived', data: history() },
    ]);
  });

  it('given it was received, when the same project’s history comes again, then nothing is recorded', () => {
    const state = evolve(
      incubationHistoryDecider.initialState(),
      decide(receive(), { received: null })[0],
    );
    expect(decide(receive(), state)).toEqual([]);
  });

  it('given it was received, when another project’s history comes, then it is refused', () => {
    const state = evolve({ received: null }, decide(receive(), { received: null })[0]);
    expect(() => decide(receive(OTHER), state)).toThrow(StateConflict);
  });
});
