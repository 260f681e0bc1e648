import { redacted } from './stored-answers';

describe('forgetting fields of a stored answer', () => {
  const paths = [['displayName'], ['email'], ['exit', 'reason']];

  it('sets each path that holds something to null, and nothing else', () => {
    const answer = {
      memberId: 'm-1',
      displayName: 'Mario Rossi',
      email: 'mario@example.org',
      exit: { effectiveOn: '2027-06-15', reason: 'Mario Rossi broke the statute' },
    };
    expect(redacted(answer, paths)).toEqual({
      memberId: 'm-1',
      displayName: null,
      email: null,
      exit: { effectiveOn: '2027-06-15', reason: null },
    });
    expect(answer.displayName).toBe('Mario Rossi');
  });

  it('gives back the very answer when there is nothing to forget', () => {
    for (const answer of [
      { memberId: 'm-1' },
      { memberId: 'm-1', displayName: null, email: null, exit: null },
      { memberId: 'm-1', exit: { reason: null } },
      null,
    ]) {
      expect(redacted(answer, paths)).toBe(answer);
    }
  });
});
