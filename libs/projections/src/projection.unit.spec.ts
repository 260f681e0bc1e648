import { subscriptionFilter } from './projection';

describe('subscriptionFilter', () => {
  it('uses eventTypes as the filter on types', () => {
    expect(subscriptionFilter({ eventTypes: ['MemberAdmitted'] })).toEqual({
      eventTypes: ['MemberAdmitted'],
    });
  });

  it('keeps the types in both when the filter names types too, and the other criteria', () => {
    expect(
      subscriptionFilter({
        filter: { coopId: 'velo-solidaire', eventTypes: ['MemberAdmitted', 'MemberLeft'] },
        eventTypes: ['MemberLeft', 'ShareSubscribed'],
      }),
    ).toEqual({ coopId: 'velo-solidaire', eventTypes: ['MemberLeft'] });
  });

  it('refuses types that leave nothing in common', () => {
    expect(() =>
      subscriptionFilter({
        filter: { eventTypes: ['MemberAdmitted'] },
        eventTypes: ['MemberLeft'],
      }),
    ).toThrow(/no type in common/);
  });

  it('is no filter at all when the projection names none', () => {
    expect(subscriptionFilter({})).toBeUndefined();
  });
});
