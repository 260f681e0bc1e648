import { Vote } from '@libs/contracts';

/**
 * How the board decides an allocation. Default (configurable): a quorum of half the board must
 * take part (abstentions count for the quorum), and a simple majority of the votes cast (for
 * against against; abstentions are not votes cast). An allocation is decided as soon as the
 * outcome can no longer change, or when the whole board has voted.
 */
export interface DecisionRule {
  quorum: { numerator: number; denominator: number };
  majority: 'simple' | 'two_thirds';
}

export const DEFAULT_DECISION_RULE: DecisionRule = {
  quorum: { numerator: 1, denominator: 2 },
  majority: 'simple',
};

export type Tally = Record<Vote, number>;

export function decision(
  rule: DecisionRule,
  tally: Tally,
  boardSize: number,
): 'approved' | 'rejected' | null {
  const voted = tally.for + tally.against + tally.abstain;
  const remaining = Math.max(0, boardSize - voted);
  const quorumMet = voted * rule.quorum.denominator >= rule.quorum.numerator * boardSize;
  // `for` wins when it beats `against` in the majority's ratio: for/(for+against) > 1/2 or ≥ 2/3.
  const wins = (pro: number, contra: number) =>
    rule.majority === 'simple' ? pro > contra : pro > 0 && 3 * pro >= 2 * (pro + contra);
  if (quorumMet && wins(tally.for, tally.against + remaining)) return 'approved';
  if (!wins(tally.for + remaining, tally.against)) return 'rejected';
  if (remaining === 0) return quorumMet && wins(tally.for, tally.against) ? 'approved' : 'rejected';
  return null;
}

/** `BOARD_DECISION_RULE` = `<quorum numerator>/<denominator>:<simple|two_thirds>`, e.g. `1/2:simple`. */
export function parseDecisionRule(text: string | undefined): DecisionRule {
  if (!text) return DEFAULT_DECISION_RULE;
  const match = /^(\d+)\/(\d+):(simple|two_thirds)$/.exec(text.trim());
  if (!match || Number(match[2]) === 0 || Number(match[1]) > Number(match[2])) {
    throw new Error(`BOARD_DECISION_RULE must look like 1/2:simple or 2/3:two_thirds, not ${text}`);
  }
  return {
    quorum: { numerator: Number(match[1]), denominator: Number(match[2]) },
    majority: match[3] as DecisionRule['majority'],
  };
}
