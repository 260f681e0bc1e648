import { randomUUID } from 'node:crypto';
import {
  consortiumStream,
  EXCHANGE_AGGREGATE,
  HoursConfirmed,
  ParticipantsEnrolled,
  PROJECT_AGGREGATE,
  ProjectSupported,
  TRAINING_ENROLMENTS_AGGREGATE,
} from '@libs/contracts';
import { on, recorded, StreamEvent } from '@tests/consortium/federation-events';
import { bookBatch, contributionFacts, CoopStanding } from './pooled-ledger';

const T1 = '00000000-0000-4000-8000-0000000000c1';
const X1 = '00000000-0000-4000-8000-0000000000e1';

const event = (streamId: string, type: string, data: object): StreamEvent =>
  on(streamId, null, type, data);

const enrolled = (
  participants: number,
  streamId = consortiumStream(TRAINING_ENROLMENTS_AGGREGATE, T1),
) =>
  event(streamId, 'ParticipantsEnrolled', {
    trainingId: T1,
    enrolmentId: randomUUID(),
    providerCoopId: 'velo-solidaire',
    enrollingCoopId: 'habitat-partage',
    participants,
    hours: 350,
    theme: 'mobility',
    month: '2027-04',
    enrolledOn: '2027-03-02',
  } satisfies ParticipantsEnrolled['data']);

const exchange = {
  exchangeId: X1,
  fromCoopId: 'habitat-partage',
  toCoopId: 'velo-solidaire',
  hours: 425,
  kind: 'skill_exchange' as const,
  theme: 'housing' as const,
  on: '2027-03-04',
};
const confirmed = event(consortiumStream(EXCHANGE_AGGREGATE, X1), 'HoursConfirmed', {
  ...exchange,
  confirmedOn: '2027-03-05',
} satisfies HoursConfirmed['data']);
const given = event(consortiumStream(EXCHANGE_AGGREGATE, X1), 'HoursGiven', {
  ...exchange,
  note: null,
});

function paidBy(events: StreamEvent[], standings: [string, CoopStanding][]) {
  const booked = bookBatch(new Map(), contributionFacts(events.map(recorded)), new Map(standings));
  const lines = (dimension: string) =>
    booked.movements
      .filter((line) => line.dimension === dimension)
      .map((line) => [line.key, line.unit, line.paid]);
  return { booked, lines };
}

const MEMBERS: [string, CoopStanding][] = [
  ['velo-solidaire', 'member'],
  ['habitat-partage', 'member'],
];

describe('hours coops give each other, in the pooled means', () => {
  it('counts a training’s participants × hours and a confirmed exchange as the giving coop’s non-monetary hours, by theme', () => {
    const { lines } = paidBy([enrolled(3), enrolled(2), given, confirmed], MEMBERS);
    expect(lines('coopId')).toEqual([
      ['velo-solidaire', 'hours', 1750n],
      ['habitat-partage', 'hours', 425n],
    ]);
    expect(lines('theme')).toEqual([
      ['mobility', 'hours', 1750n],
      ['housing', 'hours', 425n],
    ]);
    expect(lines('pillar')).toEqual([['non_monetary', 'hours', 2175n]]);
    expect(lines('kind')).toEqual([
      ['training', 'hours', 1750n],
      ['skill_exchange', 'hours', 425n],
    ]);
    expect(lines('month')).toEqual([
      ['2027-04', 'hours', 1750n],
      ['2027-03', 'hours', 425n],
    ]);
  });

  it('counts nothing for hours given but not confirmed, nor for an enrolment off its training’s stream', () => {
    const stray = enrolled(3, consortiumStream(TRAINING_ENROLMENTS_AGGREGATE, X1));
    expect(paidBy([given, stray], MEMBERS).booked.movements).toEqual([]);
  });

  it('keeps aside the hours of a giving coop that is not a member', () => {
    const { booked } = paidBy([enrolled(1)], [['habitat-partage', 'member']]);
    expect(booked.movements).toEqual([]);
    expect(booked.notCounted).toEqual([
      expect.objectContaining({ coopId: 'velo-solidaire', reason: 'not_admitted', paid: 350n }),
    ]);
  });

  it('counts hours a coop gave an incubated project as its own, never money nor the consortium’s own hours', () => {
    const P1 = '00000000-0000-4000-8000-0000000000f1';
    const support = (data: Partial<ProjectSupported['data']>) =>
      event(consortiumStream(PROJECT_AGGREGATE, P1), 'ProjectSupported', {
        projectId: P1,
        supportId: randomUUID(),
        kind: 'mentoring',
        hours: 800,
        amount: null,
        byCoopId: 'habitat-partage',
        theme: 'housing',
        on: '2027-05-20',
        ...data,
      } satisfies ProjectSupported['data']);
    const { lines } = paidBy(
      [
        support({}),
        support({ byCoopId: null }),
        support({ hours: null, amount: { unit: 'EUR', hundredths: 50_000 }, kind: 'funding' }),
      ],
      MEMBERS,
    );
    expect(lines('coopId')).toEqual([['habitat-partage', 'hours', 800n]]);
    expect(lines('kind')).toEqual([['skill_exchange', 'hours', 800n]]);
    expect(lines('month')).toEqual([['2027-05', 'hours', 800n]]);
  });
});
