import { inClear, keyIdsOf } from './member-in-clear';
import { newMemberKey, seal, sealNote } from '@libs/personal-data';

describe('a member in clear: what its key opens', () => {
  const key = newMemberKey();
  const person = { displayName: 'Mario Rossi', email: 'mario@example.org' };
  const dates = { effectiveOn: '2027-06-15', reimbursementDueOn: '2028-10-27' };
  const member = {
    personalData: seal(person, 'k1', key),
    exit: { ...dates, reason: sealNote('Mario Rossi (born 1970-01-01) left', 'k1', key) },
  };

  it('opens name, e-mail and exit reason while the key lives', () => {
    expect(keyIdsOf(member)).toEqual(['k1', 'k1']);
    expect(inClear(member, new Map([['k1', key]]))).toEqual({
      ...person,
      exitReason: 'Mario Rossi (born 1970-01-01) left',
    });
  });

  it('reads all of it as null once the key is destroyed', () => {
    expect(inClear(member, new Map())).toEqual({
      displayName: null,
      email: null,
      exitReason: null,
    });
  });

  it('reads a reason from before sealing as written, and nothing for a member still in', () => {
    const legacy = { personalData: null, exit: { ...dates, reason: null, reasonInClear: 'old' } };
    expect(inClear(legacy, new Map()).exitReason).toBe('old');
    expect(keyIdsOf({ personalData: null, exit: null })).toEqual([]);
    expect(inClear({ personalData: null, exit: null }, new Map())).toEqual({
      displayName: null,
      email: null,
      exitReason: null,
    });
  });
});
