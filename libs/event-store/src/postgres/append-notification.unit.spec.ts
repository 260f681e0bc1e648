import { mayMatch, parseAppended } from './append-notification';

describe('which subscriptions a notification wakes', () => {
  const appended = parseAppended(
    JSON.stringify({ types: ['ContributionRecorded'], coops: ['velo-solidaire', null] }),
  );

  it('given events of one type and coop, wakes the subscriptions whose filter may match them', () => {
    expect(mayMatch(undefined, appended)).toBe(true);
    expect(mayMatch({ coopId: 'velo-solidaire' }, appended)).toBe(true);
    expect(mayMatch({ eventTypes: ['MemberAdmitted', 'ContributionRecorded'] }, appended)).toBe(
      true,
    );
    expect(mayMatch({ streamPrefix: 'coop-casa-comune' }, appended)).toBe(true);
  });

  it('given events of one type and coop, leaves asleep those of another coop or other types', () => {
    expect(mayMatch({ coopId: 'casa-comune' }, appended)).toBe(false);
    expect(mayMatch({ eventTypes: ['MemberAdmitted'] }, appended)).toBe(false);
    expect(mayMatch({ coopId: 'velo-solidaire', eventTypes: ['MemberAdmitted'] }, appended)).toBe(
      false,
    );
  });

  it('given a coop’s own events, leaves asleep a subscription to the consortium’s streams about it', () => {
    const own = parseAppended(
      JSON.stringify({
        types: ['ContributionRecorded'],
        coops: ['velo-solidaire'],
        categories: ['coop'],
      }),
    );
    const aboutIt = { coopId: 'velo-solidaire', streamPrefix: 'consortium/' };
    expect(mayMatch(aboutIt, own)).toBe(false);
    expect(mayMatch({ coopId: 'velo-solidaire', streamPrefix: 'coop/velo-solidaire/' }, own)).toBe(
      true,
    );
    expect(mayMatch({ streamPrefix: 'co' }, own)).toBe(true);
    const decided = parseAppended(
      JSON.stringify({
        types: ['CoopAdmitted'],
        coops: ['velo-solidaire'],
        categories: ['consortium'],
      }),
    );
    expect(mayMatch(aboutIt, decided)).toBe(true);
    // An older trigger names no categories: anything may match.
    expect(mayMatch(aboutIt, appended)).toBe(true);
  });

  it('given an empty or unreadable payload (too many to name), wakes everyone', () => {
    for (const payload of ['', 'not json', '{"types":"x"}', undefined]) {
      expect(mayMatch({ coopId: 'casa-comune' }, parseAppended(payload))).toBe(true);
    }
  });
});
