import { decision, DEFAULT_DECISION_RULE, parseDecisionRule } from './decision-rule';

const tally = (pro: number, against: number, abstain = 0) => ({ for: pro, against, abstain });

describe('the board’s decision rule (default: quorum of half, simple majority of votes cast)', () => {
  const rule = DEFAULT_DECISION_RULE;

  it('approves once enough for-votes make the outcome certain', () => {
    expect(decision(rule, tally(1, 0), 3)).toBeNull();
    expect(decision(rule, tally(2, 0), 3)).toBe('approved');
    expect(decision(rule, tally(2, 1), 5)).toBeNull();
    expect(decision(rule, tally(3, 1), 5)).toBe('approved');
  });

  it('rejects once approval has become impossible', () => {
    expect(decision(rule, tally(0, 2), 3)).toBe('rejected');
    expect(decision(rule, tally(1, 1), 2)).toBe('rejected');
  });

  it('does not count abstentions as votes cast, but counts them for the quorum', () => {
    expect(decision(rule, tally(1, 0, 2), 3)).toBe('approved');
    expect(decision(rule, tally(0, 0, 3), 3)).toBe('rejected');
  });

  it('needs the quorum', () => {
    const strict = parseDecisionRule('3/4:simple');
    expect(decision(strict, tally(2, 0), 4)).toBeNull();
    expect(decision(strict, tally(3, 0), 4)).toBe('approved');
  });

  it('reads a configured rule and refuses nonsense', () => {
    expect(parseDecisionRule('2/3:two_thirds')).toEqual({
      quorum: { numerator: 2, denominator: 3 },
      majority: 'two_thirds',
    });
    expect(() => parseDecisionRule('3/2:simple')).toThrow();
    expect(() => parseDecisionRule('half')).toThrow();
  });
});
