import { EVENT_TYPE, STREAM_NAME } from '@eventstore/db-client';
import { RecordedEvent } from '../envelope';
import { matchesFilter, mayMatch, serverFilterOf } from './esdb-filter';

const recorded = (streamId: string, type: string, coopId: string | null): RecordedEvent => ({
  eventId: 'e',
  type,
  schemaVersion: 1,
  data: {},
  metadata: { coopId, actor: 'a', correlationId: 'c', causationId: 'c' },
  occurredAt: new Date(0),
  streamId,
  streamVersion: 1,
  globalPosition: 1,
  checkpoint: '1:1',
});

describe('ReadAllFilter on EventStoreDB', () => {
  describe('the server-side filter, which only narrows', () => {
    it('keeps system events off the wire when nothing is filtered', () => {
      const filter = serverFilterOf({});
      expect(filter).toMatchObject({ filterOn: EVENT_TYPE, regex: '^[^$].*' });
      expect(serverFilterOf()).toEqual(filter);
    });

    it('filters on event type prefixes when types are given, whatever else is', () => {
      expect(serverFilterOf({ eventTypes: ['MemberAdmitted', 'SharesPaid'], coopId: 'a' })).toEqual(
        expect.objectContaining({
          filterOn: EVENT_TYPE,
          prefixes: ['MemberAdmitted', 'SharesPaid'],
        }),
      );
    });

    it('filters on the stream prefix', () => {
      expect(serverFilterOf({ streamPrefix: 'coop/a/member/', coopId: 'a' })).toEqual(
        expect.objectContaining({ filterOn: STREAM_NAME, prefixes: ['coop/a/member/'] }),
      );
    });

    it("filters a coop on its streams and the consortium's, which hold events about it", () => {
      expect(serverFilterOf({ coopId: 'velo-solidaire' })).toEqual(
        expect.objectContaining({
          filterOn: STREAM_NAME,
          prefixes: ['coop/velo-solidaire/', 'consortium/'],
        }),
      );
    });

    it('does not turn an empty type list into a server filter that would let everything in', () => {
      expect(serverFilterOf({ eventTypes: [] })).toMatchObject({ regex: '^[^$].*' });
    });
  });

  describe('the exact filter, on the client', () => {
    const coopEvent = recorded('coop/velo/member/1', 'MemberAdmitted', 'velo');
    const aboutCoop = recorded('consortium/admission/1', 'CoopAdmitted', 'velo');
    const otherCoop = recorded('coop/velo-bis/member/1', 'MemberAdmitted', 'velo-bis');

    it('lets everything through without criteria', () => {
      expect([coopEvent, aboutCoop, otherCoop].every((e) => matchesFilter(e))).toBe(true);
    });

    it('matches a coop by the coop in the metadata, not by a stream-name prefix', () => {
      const filter = { coopId: 'velo' };
      expect(matchesFilter(coopEvent, filter)).toBe(true);
      expect(matchesFilter(aboutCoop, filter)).toBe(true);
      expect(matchesFilter(otherCoop, filter)).toBe(false);
    });

    it('matches event types exactly, although the server matched them as prefixes', () => {
      const longer = recorded('coop/velo/member/1', 'MemberAdmittedAgain', 'velo');
      const filter = { eventTypes: ['MemberAdmitted', 'CoopAdmitted'] };
      expect(matchesFilter(coopEvent, filter)).toBe(true);
      expect(matchesFilter(aboutCoop, filter)).toBe(true);
      expect(matchesFilter(longer, filter)).toBe(false);
      expect(matchesFilter(coopEvent, { eventTypes: [] })).toBe(false);
    });

    it('matches a stream prefix', () => {
      expect(matchesFilter(coopEvent, { streamPrefix: 'coop/velo/' })).toBe(true);
      expect(matchesFilter(otherCoop, { streamPrefix: 'coop/velo/' })).toBe(false);
    });

    it('requires every criterion given', () => {
      const filter = { coopId: 'velo', eventTypes: ['CoopAdmitted'], streamPrefix: 'consortium/' };
      expect(matchesFilter(aboutCoop, filter)).toBe(true);
      expect(matchesFilter(coopEvent, filter)).toBe(false);
    });
  });

  describe('the look before reading the envelope', () => {
    it('passes everything but what types and stream prefix exclude', () => {
      expect(mayMatch('anything/1', 'AnyType')).toBe(true);
      expect(mayMatch('coop/velo/member/1', 'A', { eventTypes: ['A', 'B'] })).toBe(true);
      expect(mayMatch('coop/velo/member/1', 'AB', { eventTypes: ['A', 'B'] })).toBe(false);
      expect(mayMatch('coop/velo/member/1', 'A', { streamPrefix: 'coop/velo/' })).toBe(true);
      expect(mayMatch('coop/velo-bis/member/1', 'A', { streamPrefix: 'coop/velo/' })).toBe(false);
    });

    it("looks for a coop in its streams and the consortium's only, like the server", () => {
      const filter = { coopId: 'velo' };
      expect(mayMatch('coop/velo/member/1', 'A', filter)).toBe(true);
      expect(mayMatch('consortium/admission/1', 'A', filter)).toBe(true);
      expect(mayMatch('coop/velo-bis/member/1', 'A', filter)).toBe(false);
      expect(mayMatch('imported/velo/1', 'A', filter)).toBe(false);
    });
  });
});
