import { AssertionError } from 'node:assert';
import { DomainEvent } from '@libs/contracts';
import { Decider } from './decider';
import { DeciderSpecification } from './decider-specification';
import { RuleViolation, StateConflict } from './domain-errors';

// A counter that a rule keeps at or below 10; adding 0 changes nothing.
type Incremented = DomainEvent<'Incremented', { by: number }>;
interface CounterState {
  count: number;
  steps: number;
}
const counter: Decider<CounterState, { by: number }, Incremented> = {
  initialState: () => ({ count: 0, steps: 0 }),
  evolve: (state, event) => ({ count: state.count + event.data.by, steps: state.steps + 1 }),
  decide: ({ by }, { count }) => {
    if (count + by > 10) throw new RuleViolation('counter_at_most_10', `${count + by} is over 10`);
    return by === 0 ? [] : [{ type: 'Incremented', data: { by } }];
  },
};
const incremented = (by: number): Incremented => ({ type: 'Incremented', data: { by } });
const spec = DeciderSpecification.for(counter);

/** The message a wrong expectation fails with (and fails the test when it does not fail). */
function failureOf(expectation: () => void): string {
  try {
    expectation();
  } catch (error) {
    expect(error).toBeInstanceOf(AssertionError);
    return (error as AssertionError).message;
  }
  throw new Error('the expectation held, it should have failed');
}

describe('a decider specification', () => {
  it('holds when the command decides exactly the events expected, from the history given', () => {
    spec
      .given([incremented(4)])
      .when({ by: 2 })
      .then([incremented(2)]);
    spec.given().when({ by: 0 }).thenNothingHappened();
    spec
      .given([incremented(4), incremented(6)])
      .when({ by: 1 })
      .thenThrows(RuleViolation, {
        rule: 'counter_at_most_10',
        message: /11 is over 10/,
      });
  });

  it('fails on other events, naming the command and showing the difference', () => {
    const message = failureOf(() =>
      spec
        .given([incremented(4)])
        .when({ by: 2 })
        .then([incremented(3)]),
    );
    expect(message).toContain('when { by: 2 }');
    expect(message).toContain('decided other events');
    expect(message).toMatch(/\+\s+by: 2/);
    expect(message).toMatch(/-\s+by: 3/);
  });

  it('fails on a missing or an extra event', () => {
    expect(
      failureOf(() =>
        spec
          .given()
          .when({ by: 0 })
          .then([incremented(0)]),
      ),
    ).toContain('decided other events');
    expect(failureOf(() => spec.given().when({ by: 1 }).thenNothingHappened())).toContain(
      "type: 'Incremented'",
    );
  });

  it('fails when events were expected and the command was refused, saying why', () => {
    const message = failureOf(() =>
      spec
        .given([incremented(10)])
        .when({ by: 1 })
        .then([incremented(1)]),
    );
    expect(message).toContain('but it was refused: RuleViolation: 11 is over 10');
  });

  it('fails when a refusal was expected and the command was accepted, showing its events', () => {
    const message = failureOf(() => spec.given().when({ by: 1 }).thenThrows(RuleViolation));
    expect(message).toContain('expected a refusal: RuleViolation');
    expect(message).toContain('but it decided');
    expect(message).toContain('by: 1');
  });

  it('fails on a refusal of another class, or with another rule or message', () => {
    const over = spec.given([incremented(10)]).when({ by: 1 });
    expect(failureOf(() => over.thenThrows(StateConflict))).toContain(
      'expected a refusal: StateConflict\nbut got RuleViolation: 11 is over 10',
    );
    expect(
      failureOf(() => over.thenThrows(RuleViolation, { rule: 'counter_at_most_9' })),
    ).toContain("where { rule: 'counter_at_most_10' }");
    expect(failureOf(() => over.thenThrows(RuleViolation, { message: /is over 11/ }))).toContain(
      "where { message: '11 is over 10' }",
    );
  });

  it('checks the named fields of the state after the events, and fails on a difference', () => {
    const accepted = spec
      .given([incremented(4)])
      .when({ by: 2 })
      .then([incremented(2)]);
    accepted.andState({ count: 6 });
    const message = failureOf(() => accepted.andState({ count: 7 }));
    expect(message).toContain('the state afterwards differs');
    expect(message).not.toContain('steps');
  });
});
