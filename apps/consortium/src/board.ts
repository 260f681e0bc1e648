import { DecisionRule, parseDecisionRule } from './decision-rule';

/** The board as configured: who sits on it (`BOARD_MEMBERS`) and how it decides. */
export interface Board {
  members: string[];
  rule: DecisionRule;
}

export const BOARD = Symbol('BOARD');

export function readBoard(env: NodeJS.ProcessEnv): Board {
  const members = (env.BOARD_MEMBERS ?? '')
    .split(',')
    .map((sub) => sub.trim())
    .filter(Boolean);
  return { members: [...new Set(members)], rule: parseDecisionRule(env.BOARD_DECISION_RULE) };
}
