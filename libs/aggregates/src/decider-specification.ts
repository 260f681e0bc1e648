import { AssertionError, deepStrictEqual } from 'node:assert';
import { inspect, isDeepStrictEqual } from 'node:util';
import { DomainEvent } from '@libs/contracts';
import { Decider } from './decider';

/**
 * A decider's behaviour told as examples: given the events of its past, when a command, then the
 * events it decides (exactly), or the refusal it gives.
 *
 *   const spec = DeciderSpecification.for(memberDecider);
 *   spec.given([admitted]).when(payCapital).then([capitalPaid]);
 *   spec.given([admitted]).when(payTooMuch).thenThrows(RuleViolation, { rule: 'paid_at_most_subscribed' });
 *
 * It needs no test framework: a failed expectation throws an AssertionError whose message names
 * the command and shows the difference, so any runner reports it.
 */
export class DeciderSpecification<State, Command, Event extends DomainEvent> {
  private constructor(private readonly decider: Decider<State, Command, Event>) {}

  static for<State, Command, Event extends DomainEvent>(
    decider: Decider<State, Command, Event>,
  ): DeciderSpecification<State, Command, Event> {
    return new DeciderSpecification(decider);
  }

  /** The stream's past, as the repository would read it (nothing: a new stream). */
  given(history: readonly Event[] = []): {
    when(command: Command): Decision<State, Command, Event>;
  } {
    return { when: (command) => new Decision(this.decider, history, command) };
  }
}

/** What the state must hold: the fields named, at any depth of plain objects; the rest is free. */
export type StatePattern<T> = T extends readonly unknown[] | Map<unknown, unknown> | Set<unknown>
  ? T
  : T extends object
    ? { [K in keyof T]?: StatePattern<T[K]> }
    : T;

/** The fields a refusal must carry; a string field may be given as a pattern. */
export type RefusalPattern<E> = {
  [K in keyof E]?: E[K] extends string | undefined ? E[K] | RegExp : E[K];
};

// Abstract so that an abstract class (DomainError, StateConflict's parents) can be expected too.
type ErrorClass<E extends Error> = abstract new (...args: never[]) => E;

export class Decision<State, Command, Event extends DomainEvent> {
  constructor(
    private readonly decider: Decider<State, Command, Event>,
    private readonly history: readonly Event[],
    private readonly command: Command,
  ) {}

  /** The command decides exactly these events, in this order (none: `then([])`). */
  then(expected: readonly Event[]): { andState(pattern: StatePattern<State>): void } {
    const outcome = this.decide();
    if ('refusal' in outcome) {
      throw this.failure(
        `expected the events\n${show(expected)}\nbut it was refused: ${showError(outcome.refusal)}`,
        outcome.refusal,
      );
    }
    this.compare('decided other events', outcome.events, expected);
    return {
      andState: (pattern) => {
        const state = [...this.history, ...outcome.events].reduce(
          this.decider.evolve,
          this.decider.initialState(),
        );
        this.compare('the state afterwards differs', projectOnto(state, pattern), pattern);
      },
    };
  }

  /** The command is accepted and changes nothing: an idempotent repeat. */
  thenNothingHappened(): void {
    this.then([]);
  }

  /** The command is refused with this error class and, when given, these fields (`rule`, `message`). */
  thenThrows<E extends Error>(errorClass: ErrorClass<E>, pattern: RefusalPattern<E> = {}): void {
    const outcome = this.decide();
    const wanted = `${errorClass.name}${Object.keys(pattern).length ? ` ${show(pattern)}` : ''}`;
    if (!('refusal' in outcome)) {
      throw this.failure(`expected a refusal: ${wanted}\nbut it decided\n${show(outcome.events)}`);
    }
    const error = outcome.refusal;
    if (!(error instanceof errorClass)) {
      throw this.failure(`expected a refusal: ${wanted}\nbut got ${showError(error)}`, error);
    }
    const fields = error as unknown as Record<string, unknown>;
    const unmatched = Object.entries(pattern as Record<string, unknown>).filter(([field, value]) =>
      value instanceof RegExp
        ? !(typeof fields[field] === 'string' && value.test(fields[field]))
        : !isDeepStrictEqual(fields[field], value),
    );
    if (unmatched.length) {
      const actual = Object.fromEntries(unmatched.map(([field]) => [field, fields[field]]));
      throw this.failure(
        `expected a refusal: ${wanted}\nbut got ${showError(error)}, where ${show(actual)}`,
        error,
      );
    }
  }

  private decide(): { events: Event[] } | { refusal: unknown } {
    const { initialState, evolve, decide } = this.decider;
    const state = this.history.reduce(evolve, initialState());
    try {
      return { events: decide(this.command, state) };
    } catch (refusal) {
      return { refusal };
    }
  }

  private compare(what: string, actual: unknown, expected: unknown): void {
    try {
      deepStrictEqual(actual, expected);
    } catch (error) {
      if (!(error instanceof AssertionError)) throw error;
      throw this.failure(`${what}:\n${error.message}`);
    }
  }

  private failure(message: string, cause?: unknown): AssertionError {
    const failure = new AssertionError({
      message: `when ${show(this.command)}\n${message}`,
      operator: 'DeciderSpecification',
    });
    if (cause !== undefined) failure.cause = cause;
    return failure;
  }
}

const show = (value: unknown) => inspect(value, { depth: 6, breakLength: 100 });

const showError = (error: unknown) =>
  error instanceof Error ? `${error.name}: ${error.message}` : show(error);

const isPlainObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' &&
  value !== null &&
  [Object.prototype, null].includes(Object.getPrototypeOf(value));

/** The part of `actual` that `pattern` names, so that a strict comparison shows only what differs. */
function projectOnto(actual: unknown, pattern: unknown): unknown {
  if (!isPlainObject(actual) || !isPlainObject(pattern)) return actual;
  return Object.fromEntries(
    Object.keys(pattern).map((field) => [field, projectOnto(actual[field], pattern[field])]),
  );
}
