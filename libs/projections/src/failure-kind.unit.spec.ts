import { QueryFailedError } from 'typeorm';
import { failureKind, UnapplicableEventError } from './failure-kind';

/** A PostgreSQL error as `pg` throws it: an Error with its SQLSTATE in `code`. */
function postgresError(code: string, message = 'failed'): Error {
  return Object.assign(new Error(message), { code });
}

/** As the projection sees it through TypeORM's EntityManager. */
function throughTypeOrm(driverError: Error): QueryFailedError {
  return new QueryFailedError('INSERT …', [], driverError);
}

describe('why a batch failed: the event, or the moment', () => {
  it.each([
    ['22003', 'numeric value out of range'],
    ['22P02', 'invalid input syntax for type bigint'],
    ['22012', 'division by zero'],
    ['23502', 'null value violates not-null constraint'],
    ['23505', 'duplicate key value violates unique constraint'],
    ['23514', 'new row violates check constraint'],
  ])('the event, when PostgreSQL refuses its data (%s, %s)', (code, message) => {
    expect(failureKind(postgresError(code, message))).toBe('deterministic');
    expect(failureKind(throughTypeOrm(postgresError(code, message)))).toBe('deterministic');
  });

  it.each([
    ['08006', 'connection failure'],
    ['40001', 'could not serialize access'],
    ['40P01', 'deadlock detected'],
    ['53300', 'too many connections'],
    ['55P03', 'lock not available'],
    ['57014', 'canceling statement due to statement timeout'],
    ['57P01', 'terminating connection due to administrator command'],
    ['42P01', 'relation does not exist'],
  ])('the moment, when PostgreSQL fails for another reason (%s, %s)', (code, message) => {
    expect(failureKind(postgresError(code, message))).toBe('transient');
    expect(failureKind(throughTypeOrm(postgresError(code, message)))).toBe('transient');
  });

  it("the event, when the projection's code throws on it", () => {
    const data: { quantity?: { unit: string } } = {};
    let thrown: unknown;
    try {
      void data.quantity!.unit;
    } catch (error) {
      thrown = error;
    }
    expect(failureKind(thrown)).toBe('deterministic');
    expect(failureKind(new RangeError('Invalid time value'))).toBe('deterministic');
    expect(failureKind(new SyntaxError('Unexpected token'))).toBe('deterministic');
    expect(failureKind(new UnapplicableEventError('unknown unit: XYZ'))).toBe('deterministic');
  });

  it('the event, when an upcaster cannot read it', () => {
    const upcast = Object.assign(new Error('no amount'), { name: 'UpcastError' });
    expect(failureKind(upcast)).toBe('deterministic');
  });

  it('the moment, for the driver, the pool and anything unknown', () => {
    expect(failureKind(new Error('Connection terminated unexpectedly'))).toBe('transient');
    expect(failureKind(new Error('timeout exceeded when trying to connect'))).toBe('transient');
    expect(failureKind(Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' }))).toBe(
      'transient',
    );
    expect(failureKind('something odd')).toBe('transient');
    expect(failureKind(undefined)).toBe('transient');
  });

  it('follows the cause of a wrapped error', () => {
    const wrapped = new Error('batch failed', { cause: postgresError('22003') });
    expect(failureKind(wrapped)).toBe('deterministic');
    const transient = new Error('batch failed', { cause: postgresError('40001') });
    expect(failureKind(transient)).toBe('transient');
  });
});
