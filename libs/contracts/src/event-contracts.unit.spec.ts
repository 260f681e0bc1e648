import { eventContractProblem } from './event-contracts';

const COOP = 'velo-solidaire';

describe('the contract an event is checked against before a bundle is imported', () => {
  it('accepts the fields added to a payload without a new version, and refuses others', () => {
    // given a profile written before and after the share form was asked
    const profile = {
      coopId: COOP,
      name: 'Vélo Solidaire',
      legalForm: 'social_coop_b',
      themes: ['mobility'],
      territory: 'Torino',
    };
    const at = {
      type: 'CoopProfileSet',
      schemaVersion: 1,
      streamId: `coop/${COOP}/profile/${COOP}`,
    };
    // then both are sound, a wrong value of the optional field and an unknown field are not
    expect(eventContractProblem({ ...at, data: profile }, COOP)).toBeNull();
    expect(
      eventContractProblem({ ...at, data: { ...profile, shareForm: 'quote' } }, COOP),
    ).toBeNull();
    expect(eventContractProblem({ ...at, data: { ...profile, shareForm: 'bonds' } }, COOP)).toMatch(
      /data\.shareForm/,
    );
    expect(eventContractProblem({ ...at, data: { ...profile, extra: 1 } }, COOP)).toMatch(
      /data\.extra is not a member/,
    );
  });

  it('places the workforce of a coop in that coop’s own stream', () => {
    const workforce = {
      type: 'WorkforceRecorded',
      schemaVersion: 1,
      data: { month: '2027-03', workers: 12, disadvantaged: 4 },
    };
    expect(
      eventContractProblem({ ...workforce, streamId: `coop/${COOP}/workforce/${COOP}` }, COOP),
    ).toBeNull();
    expect(
      eventContractProblem({ ...workforce, streamId: `coop/${COOP}/workforce/other` }, COOP),
    ).toMatch(/belongs in stream/);
  });

  it('takes a coop’s pre-history in its own incubation stream, without the project’s contact', () => {
    const received = {
      type: 'IncubationHistoryReceived',
      schemaVersion: 1,
      streamId: `coop/${COOP}/incubation/${COOP}`,
      data: {
        coopId: COOP,
        projectId: '0b6c7a52-7c1e-4a43-9d0e-3f7e2a1c5d10',
        receivedOn: '2027-04-02',
        bundle: { sealHash: 'a'.repeat(64), signedBy: 'b'.repeat(64) },
        name: 'Ciclofficina',
        themes: ['mobility'],
        territory: 'Torino',
        stages: [{ stage: 'idea', from: '2027-01-01', to: '2027-04-01' }],
        support: [],
        funds: [],
        graduation: { legalForm: 'social_coop_b', graduatedOn: '2027-04-01' },
      },
    };
    expect(eventContractProblem(received, COOP)).toBeNull();
    expect(
      eventContractProblem({ ...received, data: { ...received.data, contact: null } }, COOP),
    ).toMatch(/data\.contact is not a member/);
    expect(
      eventContractProblem({ ...received, streamId: 'consortium/incubation/x' }, COOP),
    ).toMatch(/belongs in stream/);
  });
});
