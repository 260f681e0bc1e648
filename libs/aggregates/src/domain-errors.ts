/**
 * Refusals the domain can give, mapped to HTTP by the problem-details filter:
 * RuleViolation → 422 (names the rule), StateConflict → 409, NotFound → 404.
 */
export abstract class DomainError extends Error {}

/** A domain rule refuses the command; `rule` is a stable name such as `share_value_at_least_25_eur`. */
export class RuleViolation extends DomainError {
  constructor(
    readonly rule: string,
    message: string,
    readonly source?: string,
  ) {
    super(message);
    this.name = 'RuleViolation';
  }
}

/**
 * The command conflicts with the current state (a withdrawn member, an already decided vote…);
 * `rule`, when given, names the conflict for clients (`booking_overlaps`).
 */
export class StateConflict extends DomainError {
  constructor(
    message: string,
    readonly rule?: string,
  ) {
    super(message);
    this.name = 'StateConflict';
  }
}

export class NotFound extends DomainError {
  constructor(message: string) {
    super(message);
    this.name = 'NotFound';
  }
}
