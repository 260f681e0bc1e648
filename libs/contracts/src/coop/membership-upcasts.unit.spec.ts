import { COOP_SCHEMA_VERSIONS } from './schema-versions';
import { COOP_UPCASTS } from './membership-upcasts';

describe('exits recorded before reasons were sealed (schema 1)', () => {
  const v1 = {
    memberId: 'm-1',
    requestedOn: '2025-05-02',
    effectiveOn: '2025-12-31',
    reason: 'Mario Rossi moved away',
    reimbursement: { amount: { unit: 'EUR', hundredths: 0 }, dueOn: '2026-10-27' },
  };

  it.each(['MemberWithdrew', 'MemberExcluded'] as const)(
    '%s of schema 1 reads as schema 2: no sealed reason, the old one as reasonInClear',
    (type) => {
      const upcast = COOP_UPCASTS.find((u) => u.type === type && u.fromVersion === 1)!;
      expect(COOP_SCHEMA_VERSIONS[type]).toBe(2);
      expect(upcast.upcast(v1)).toEqual({
        ...v1,
        reason: null,
        reasonInClear: 'Mario Rossi moved away',
      });
      expect(upcast.upcast({ ...v1, reason: null })).toEqual({ ...v1, reason: null });
    },
  );
});
