import { START as ESDB_START } from '@eventstore/db-client';
import { START } from '../envelope';
import { decodeCheckpoint, encodeCheckpoint, isAfter } from './esdb-checkpoint';

describe('EventStoreDB checkpoints', () => {
  it('round-trips a $all position through its checkpoint, 64-bit values included', () => {
    const positions = [
      { commit: 0n, prepare: 0n },
      { commit: 1234n, prepare: 1234n },
      { commit: 2n ** 63n - 1n, prepare: 2n ** 63n - 2n },
    ];
    for (const position of positions) {
      expect(decodeCheckpoint(encodeCheckpoint(position))).toEqual(position);
    }
    expect(encodeCheckpoint({ commit: 2n ** 63n - 1n, prepare: 5n })).toBe('9223372036854775807:5');
  });

  it("reads the port's START as the start of $all", () => {
    expect(decodeCheckpoint(START)).toBe(ESDB_START);
  });

  it.each(['', '12', '1:2:3', '-1:2', 'a:b', ' 1:2', 'end'])(
    'refuses %j, which no EventStoreDB event has as checkpoint',
    (checkpoint) => {
      expect(() => decodeCheckpoint(checkpoint)).toThrow('not an EventStoreDB checkpoint');
    },
  );

  it('orders positions by commit, then by prepare, with everything after the start', () => {
    const at = (commit: bigint, prepare: bigint) => ({ commit, prepare });
    expect(isAfter(at(10n, 10n), at(9n, 9n))).toBe(true);
    expect(isAfter(at(10n, 10n), at(10n, 10n))).toBe(false);
    expect(isAfter(at(10n, 12n), at(10n, 11n))).toBe(true);
    expect(isAfter(at(10n, 11n), at(10n, 12n))).toBe(false);
    expect(isAfter(at(11n, 0n), at(10n, 99n))).toBe(true);
    expect(isAfter(at(0n, 0n), ESDB_START)).toBe(true);
  });
});
