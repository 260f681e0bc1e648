import { EventData, JSONRecordedEvent, Position } from '@eventstore/db-client';
import { NewEvent } from '../envelope';
import { isSystemEvent, toEventData, toRecordedEvent } from './esdb-envelope';

const newEvent = (overrides: Partial<NewEvent> = {}): NewEvent => ({
  eventId: '5f1c1b9e-8a4b-4c55-9a59-0d8f3c1f6a01',
  type: 'MemberAdmitted',
  schemaVersion: 2,
  data: { memberId: 'm-1', shares: { count: 3, nominalValue: '20.00' } },
  metadata: {
    coopId: 'velo-solidaire',
    actor: 'admin-1',
    correlationId: 'corr-1',
    causationId: 'cmd-1',
  },
  ...overrides,
});

/** What the client hands back after the server stored `data` (JSON in, JSON out). */
function stored(
  data: EventData,
  revision: bigint,
  /** null: the server sent none. */
  position: Position | null = { commit: 4096n, prepare: 4096n },
): JSONRecordedEvent {
  return {
    streamId: 'coop/velo-solidaire/member/m-1',
    id: data.id,
    revision,
    type: data.type,
    data: JSON.parse(JSON.stringify(data.data)),
    metadata: JSON.parse(JSON.stringify(data.metadata)),
    isJson: true,
    created: new Date('2030-01-01T00:00:00Z'),
    position: position ?? undefined,
  } as JSONRecordedEvent;
}

describe('the envelope in an EventStoreDB event', () => {
  const appendedAt = new Date('2027-03-01T10:00:00.000Z');

  it('stores id, type and data as the event, the rest of the envelope as JSON metadata', () => {
    const event = newEvent({ occurredAt: new Date('2027-02-28T09:30:00.000Z') });

    const data = toEventData(event, appendedAt);

    expect(data).toEqual({
      id: event.eventId,
      contentType: 'application/json',
      type: 'MemberAdmitted',
      data: event.data,
      metadata: {
        coopId: 'velo-solidaire',
        actor: 'admin-1',
        correlationId: 'corr-1',
        causationId: 'cmd-1',
        schemaVersion: 2,
        occurredAt: '2027-02-28T09:30:00.000Z',
      },
    });
  });

  it('dates an event without occurredAt at the time of the append', () => {
    const data = toEventData(newEvent(), appendedAt);
    expect(data.metadata).toMatchObject({ occurredAt: '2027-03-01T10:00:00.000Z' });
  });

  it('refuses an event without data, which JSON cannot carry', () => {
    expect(() => toEventData(newEvent({ data: undefined }), appendedAt)).toThrow('has no data');
  });

  it('reads back the very envelope it stored, with version and position from the server', () => {
    const event = newEvent({ occurredAt: new Date('2027-02-28T09:30:00.000Z') });

    const recorded = toRecordedEvent(stored(toEventData(event, appendedAt), 2n));

    expect(recorded).toEqual({
      ...event,
      streamId: 'coop/velo-solidaire/member/m-1',
      streamVersion: 3,
      globalPosition: 4096,
      checkpoint: '4096:4096',
    });
  });

  it('keeps a consortium-wide event without coop', () => {
    const event = newEvent({ metadata: { ...newEvent().metadata, coopId: null } });
    const recorded = toRecordedEvent(stored(toEventData(event, appendedAt), 0n));
    expect(recorded.metadata.coopId).toBeNull();
  });

  it('takes the prepare position when a stream read leaves the commit position unknown', () => {
    const unknown = 2n ** 64n - 1n;
    const data = toEventData(newEvent(), appendedAt);

    const recorded = toRecordedEvent(stored(data, 0n, { commit: unknown, prepare: 777n }));

    expect(recorded.globalPosition).toBe(777);
    expect(recorded.checkpoint).toBe('777:777');
  });

  it('names the server version it needs when an event comes without position', () => {
    const data = toEventData(newEvent(), appendedAt);
    expect(() => toRecordedEvent(stored(data, 0n, null))).toThrow('EventStoreDB 22.6');
  });

  it.each([
    ['no metadata', undefined, 'has no JSON metadata'],
    ['another shape', { note: 'written by hand' }, 'has no coopId'],
    ['no actor', { coopId: null, schemaVersion: 1, occurredAt: '2027-01-01' }, 'has no actor'],
    [
      'a bad date',
      {
        coopId: null,
        actor: 'a',
        correlationId: 'c',
        causationId: 'c',
        schemaVersion: 1,
        occurredAt: 'yesterday',
      },
      'unreadable occurredAt',
    ],
  ])('refuses an event with %s in its metadata, naming the event', (_, metadata, message) => {
    const event = { ...stored(toEventData(newEvent(), appendedAt), 0n), metadata };
    expect(() => toRecordedEvent(event as JSONRecordedEvent)).toThrow(message);
    expect(() => toRecordedEvent(event as JSONRecordedEvent)).toThrow(newEvent().eventId);
  });

  it('refuses a binary event, which this adapter never writes', () => {
    const event = { ...stored(toEventData(newEvent(), appendedAt), 0n), isJson: false };
    expect(() => toRecordedEvent(event as unknown as JSONRecordedEvent)).toThrow('is not JSON');
  });

  it("tells the server's own events by their $ type", () => {
    expect(isSystemEvent('$metadata')).toBe(true);
    expect(isSystemEvent('$>')).toBe(true);
    expect(isSystemEvent('MemberAdmitted')).toBe(false);
  });
});
