import { foldRows, keyEvents } from '@libs/projections';
import { coopEvents, recorded } from '@tests/consortium/federation-events';
import { CoopMember, coopMemberOf, evolveCoopMember } from './coop-member';
import { coopMembership } from './coop-membership';

const SAME_ID = '00000000-0000-4000-8000-000000000001';
const OTHER = '00000000-0000-4000-8000-000000000002';
const THIRD = '00000000-0000-4000-8000-000000000003';

function members(...events: ReturnType<typeof recorded>[]): CoopMember[] {
  return foldRows(new Map(), keyEvents(events, coopMemberOf), evolveCoopMember).upserts;
}

/** Active members grouped as the database sums them. */
function membershipOf(rows: CoopMember[]) {
  return coopMembership(
    rows
      .filter((m) => m.status === 'active')
      .map((m) => ({
        category: m.category,
        members: 1,
        disadvantaged: m.disadvantaged ? 1 : 0,
        subscribed: m.subscribed,
        paid: m.paid,
      })),
  );
}

describe('members per coop', () => {
  const velo = coopEvents('velo-solidaire');
  const habitat = coopEvents('habitat-partage');

  it('counts a member in its current category, and no longer once it has left', () => {
    const rows = members(
      ...[
        velo.memberAdmitted(SAME_ID, 'volunteer'),
        velo.memberAdmitted(OTHER, 'worker'),
        velo.memberAdmitted(THIRD, 'worker', { disadvantaged: true }),
        velo.categoryChanged(SAME_ID, 'worker', true),
        velo.memberWithdrew(OTHER),
      ].map(recorded),
    );
    expect(membershipOf(rows)).toMatchObject({
      total: 2,
      byCategory: { worker: 2, volunteer: 0 },
      disadvantagedWorkers: 2,
    });
  });

  it('sums the capital subscribed and paid up', () => {
    const rows = members(
      ...[
        velo.memberAdmitted(SAME_ID, 'worker', { shares: 2, nominal: 2500 }),
        velo.sharesSubscribed(SAME_ID, 3, 2500),
        velo.capitalPaid(SAME_ID, 7500),
      ].map(recorded),
    );
    expect(membershipOf(rows).capital).toEqual({
      subscribed: 12500n,
      paid: 7500n,
      publicBodies: 0n,
    });
  });

  it('keeps two coops’ members apart even when they carry the same id', () => {
    const rows = members(
      ...[
        velo.memberAdmitted(SAME_ID, 'worker'),
        habitat.memberAdmitted(SAME_ID, 'volunteer'),
        habitat.memberWithdrew(SAME_ID),
      ].map(recorded),
    );
    expect(rows.map((m) => [m.coopId, m.category, m.status]).sort()).toEqual([
      ['habitat-partage', 'volunteer', 'withdrawn'],
      ['velo-solidaire', 'worker', 'active'],
    ]);
  });

  it('ignores a member event that is not on that member’s stream', () => {
    const misplaced = recorded({
      ...velo.memberAdmitted(SAME_ID, 'worker'),
      streamId: `coop/velo-solidaire/member/${OTHER}`,
    });
    expect(coopMemberOf(misplaced)).toBeNull();
  });
});
