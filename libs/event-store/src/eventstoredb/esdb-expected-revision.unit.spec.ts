import {
  ANY as ESDB_ANY,
  NO_STREAM as ESDB_NO_STREAM,
  STREAM_EXISTS as ESDB_STREAM_EXISTS,
} from '@eventstore/db-client';
import { ANY, NO_STREAM, STREAM_EXISTS } from '../expected-version';
import {
  revisionOfVersion,
  toExpectedRevision,
  versionOfCurrentRevision,
  versionOfRevision,
} from './esdb-expected-revision';

describe('stream versions and EventStoreDB revisions', () => {
  it('numbers the first event version 1 and revision 0', () => {
    expect(versionOfRevision(0n)).toBe(1);
    expect(revisionOfVersion(1)).toBe(0n);
    expect(versionOfRevision(revisionOfVersion(42))).toBe(42);
  });

  it('has no revision for version 0, the stream with no event', () => {
    expect(() => revisionOfVersion(0)).toThrow(RangeError);
  });

  it('expects the revision of the last event the writer saw', () => {
    expect(toExpectedRevision(1)).toBe(0n);
    expect(toExpectedRevision(3)).toBe(2n);
  });

  it('expects no stream when the writer saw no event', () => {
    expect(toExpectedRevision(0)).toBe(ESDB_NO_STREAM);
    expect(toExpectedRevision(NO_STREAM)).toBe(ESDB_NO_STREAM);
  });

  it('passes STREAM_EXISTS and ANY through', () => {
    expect(toExpectedRevision(STREAM_EXISTS)).toBe(ESDB_STREAM_EXISTS);
    expect(toExpectedRevision(ANY)).toBe(ESDB_ANY);
  });

  it.each([-1, 1.5, Number.NaN, 2 ** 53])('refuses %p as an expected version', (version) => {
    expect(() => toExpectedRevision(version)).toThrow(RangeError);
  });

  it("reads a refused append's current revision as the stream's version", () => {
    expect(versionOfCurrentRevision(ESDB_NO_STREAM)).toBe(0);
    expect(versionOfCurrentRevision(0n)).toBe(1);
    expect(versionOfCurrentRevision(6n)).toBe(7);
  });
});
