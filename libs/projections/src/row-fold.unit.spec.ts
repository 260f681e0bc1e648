import { RecordedEvent } from '@libs/event-store';
import { Evolve, foldRows, keyEvents, touchedKeys } from './row-fold';

interface Balance {
  coopId: string;
  balance: number;
}

let position = 0;
function event(type: string, data: Record<string, unknown>): RecordedEvent {
  position++;
  return {
    eventId: `e${position}`,
    type,
    schemaVersion: 1,
    data,
    metadata: { coopId: null, actor: 'test', correlationId: 'c', causationId: 'c' },
    occurredAt: new Date(0),
    streamId: 's',
    streamVersion: position,
    globalPosition: position,
    checkpoint: String(position),
  };
}

const keyOf = (e: RecordedEvent) => {
  const data = e.data as { coopId?: string; from?: string; to?: string };
  return e.type === 'Transferred' ? [data.from!, data.to!] : (data.coopId ?? null);
};

const evolve: Evolve<Balance> = (row, e, key) => {
  const data = e.data as { amount: number; from?: string };
  switch (e.type) {
    case 'Received':
      return { coopId: key, balance: (row?.balance ?? 0) + data.amount };
    case 'Transferred':
      return {
        coopId: key,
        balance: (row?.balance ?? 0) + (key === data.from ? -data.amount : data.amount),
      };
    case 'Closed':
      return null;
    default:
      return row ?? null;
  }
};

describe('foldRows', () => {
  it('writes each touched row once, in its state after the whole batch', () => {
    const before = new Map([['a', { coopId: 'a', balance: 10 }]]);
    const keyed = keyEvents(
      [
        event('Received', { coopId: 'a', amount: 5 }),
        event('Received', { coopId: 'b', amount: 7 }),
        event('Transferred', { from: 'a', to: 'b', amount: 3 }),
        event('Received', { coopId: 'a', amount: 1 }),
      ],
      keyOf,
    );
    expect(touchedKeys(keyed)).toEqual(['a', 'b']);
    expect(foldRows(before, keyed, evolve)).toEqual({
      upserts: [
        { coopId: 'a', balance: 13 },
        { coopId: 'b', balance: 10 },
      ],
      deletes: [],
    });
  });

  it('deletes rows that end as null, and forgets rows created and deleted within the batch', () => {
    const before = new Map([['a', { coopId: 'a', balance: 10 }]]);
    const keyed = keyEvents(
      [
        event('Closed', { coopId: 'a' }),
        event('Received', { coopId: 'b', amount: 7 }),
        event('Closed', { coopId: 'b' }),
      ],
      keyOf,
    );
    expect(foldRows(before, keyed, evolve)).toEqual({ upserts: [], deletes: ['a'] });
  });

  it('folds a row deleted then created again from nothing', () => {
    const before = new Map([['a', { coopId: 'a', balance: 10 }]]);
    const keyed = keyEvents(
      [event('Closed', { coopId: 'a' }), event('Received', { coopId: 'a', amount: 2 })],
      keyOf,
    );
    expect(foldRows(before, keyed, evolve)).toEqual({
      upserts: [{ coopId: 'a', balance: 2 }],
      deletes: [],
    });
  });

  it('leaves rows that evolve returned unchanged, and events with no key', () => {
    const before = new Map([['a', { coopId: 'a', balance: 10 }]]);
    const keyed = keyEvents([event('Renamed', { coopId: 'a' }), event('Noted', {})], keyOf);
    expect(keyed.map((k) => k.keys)).toEqual([['a'], []]);
    expect(foldRows(before, keyed, evolve)).toEqual({ upserts: [], deletes: [] });
  });
});
