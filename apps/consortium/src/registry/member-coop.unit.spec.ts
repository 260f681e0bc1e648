import { RecordedEvent } from '@libs/event-store';
import { consortiumStream, PROJECT_AGGREGATE, ProjectGraduated } from '@libs/contracts';
import { coopEvents, on, recorded, registryEvents } from '@tests/consortium/federation-events';
import { evolveMemberCoop, MemberCoop, memberCoopOf } from './member-coop';

function fold(events: RecordedEvent[]): MemberCoop | undefined {
  return events.reduce<MemberCoop | undefined>((coop, event) => {
    const coopId = memberCoopOf(event);
    return coopId ? evolveMemberCoop(coop, event, coopId) : coop;
  }, undefined);
}

describe('a member coop as the consortium folds it', () => {
  const velo = coopEvents('velo-solidaire');

  it('goes applicant → admitted → withdrawing → withdrawn, with the profile it gave', () => {
    const history = [
      velo.profileSet('social_coop_b', ['mobility', 'work'], 'Velo Solidaire'),
      velo.applied('2027-01-10'),
    ].map(recorded);
    expect(fold(history)).toMatchObject({
      coopId: 'velo-solidaire',
      status: 'applicant',
      name: 'Velo Solidaire',
      legalForm: 'social_coop_b',
      themes: ['mobility', 'work'],
      territory: 'Bologna',
      appliedOn: '2027-01-10',
      admittedOn: null,
    });

    history.push(recorded(registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b')));
    expect(fold(history)).toMatchObject({ status: 'admitted', admittedOn: '2027-02-01' });
    history.push(recorded(velo.withdrawalRequested('2027-06-01')));
    expect(fold(history)).toMatchObject({
      status: 'withdrawing',
      withdrawalRequestedOn: '2027-06-01',
    });
    history.push(recorded(registryEvents.withdrawalSettled('velo-solidaire')));
    expect(fold(history)).toMatchObject({ status: 'withdrawn', withdrawnOn: '2027-07-01' });
  });

  it('keeps a settled withdrawal final, while still showing a later profile', () => {
    const coop = fold(
      [
        velo.profileSet('social_coop_b'),
        velo.applied(),
        registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b'),
        registryEvents.withdrawalSettled('velo-solidaire'),
        velo.profileSet('scop', ['work'], 'Velo Scop'),
        velo.withdrawalRequested(),
      ].map(recorded),
    );
    expect(coop).toMatchObject({ status: 'withdrawn', name: 'Velo Scop', legalForm: 'scop' });
  });

  it('records the board’s override of the composition rule', () => {
    const override = { rule: 'social_coops_at_least_70pct', reason: 'pilot', by: 'board-1' };
    const coop = fold(
      [velo.applied(), registryEvents.coopAdmitted('velo-solidaire', 'scop', override)].map(
        recorded,
      ),
    );
    expect(coop).toMatchObject({
      status: 'admitted',
      legalForm: 'scop',
      admissionOverride: override,
    });
  });

  it('takes a coop’s side only from its own profile stream, and the board’s from the registry', () => {
    const fromOwnStream = recorded(velo.applied());
    const onAnotherCoopsStream = recorded({
      ...velo.applied(),
      streamId: 'coop/habitat-partage/profile/velo-solidaire',
    });
    const onAMemberStream = recorded({
      ...velo.applied(),
      streamId: 'coop/velo-solidaire/member/velo-solidaire',
    });
    const notTheRegistry = recorded({
      ...registryEvents.coopAdmitted('velo-solidaire', 'scop'),
      streamId: 'consortium/budget/2027',
    });
    expect(memberCoopOf(fromOwnStream)).toBe('velo-solidaire');
    expect(memberCoopOf(onAnotherCoopsStream)).toBeNull();
    expect(memberCoopOf(onAMemberStream)).toBeNull();
    expect(memberCoopOf(notTheRegistry)).toBeNull();
    expect(memberCoopOf(recorded(registryEvents.coopAdmitted('velo-solidaire', 'scop')))).toBe(
      'velo-solidaire',
    );
  });

  it('takes a graduated project as an applicant, its own profile speaking for it once given', () => {
    const P1 = '00000000-0000-4000-8000-0000000000f1';
    const graduated = (projectId: string, streamOf = projectId) =>
      recorded(
        on(consortiumStream(PROJECT_AGGREGATE, streamOf), null, 'ProjectGraduated', {
          projectId,
          coopId: 'ciclofficina',
          legalForm: 'scop',
          graduatedOn: '2027-06-01',
          name: 'Ciclofficina',
          themes: ['mobility'],
          territory: 'Torino',
        } satisfies ProjectGraduated['data']),
      );
    expect(fold([graduated(P1)])).toMatchObject({
      coopId: 'ciclofficina',
      status: 'applicant',
      appliedOn: '2027-06-01',
      name: 'Ciclofficina',
      legalForm: 'scop',
    });
    const own = coopEvents('ciclofficina');
    expect(
      fold([
        graduated(P1),
        recorded(own.profileSet('social_coop_b', ['work'], 'Ciclofficina Barriera')),
      ]),
    ).toMatchObject({ status: 'applicant', name: 'Ciclofficina Barriera', themes: ['work'] });
    // A graduation off its project's stream names no coop.
    expect(fold([graduated(P1, '00000000-0000-4000-8000-0000000000f2')])).toBeUndefined();
  });
});
