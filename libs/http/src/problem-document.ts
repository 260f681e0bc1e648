/**
 * RFC 9457 problem details: the body of every error answer (`application/problem+json`).
 * `type` names the kind of problem; `about:blank` means "nothing more than the HTTP status".
 */
export interface ProblemDocument {
  type: string;
  title: string;
  status: number;
  detail: string;
  /** The request path the problem occurred on. */
  instance?: string;
  /** For invalid input: every failing field, nested paths joined with dots (`shares.count`). */
  errors?: FieldError[];
  /** For a refused domain rule: its stable name (`share_value_at_least_25_eur`). */
  rule?: string;
}

export interface FieldError {
  field: string;
  message: string;
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';

const problemType = (name: string): string => `urn:coop-federation:problem:${name}`;

/** The problem types clients can tell apart; anything else is `about:blank` with its status. */
export const ProblemType = {
  generic: 'about:blank',
  invalidInput: problemType('invalid-input'),
  ruleViolation: problemType('rule-violation'),
  stateConflict: problemType('state-conflict'),
  concurrencyConflict: problemType('concurrency-conflict'),
  preconditionFailed: problemType('precondition-failed'),
  notFound: problemType('not-found'),
} as const;
