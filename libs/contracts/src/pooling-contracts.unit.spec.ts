import { eventContractProblem } from './event-contracts';

const T1 = '00000000-0000-4000-8000-0000000000c1';
const E1 = '00000000-0000-4000-8000-0000000000e1';
const R1 = '00000000-0000-4000-8000-0000000000a1';
const B1 = '00000000-0000-4000-8000-0000000000b1';
const VELO = 'velo-solidaire';

const trainingOffered = {
  type: 'TrainingOffered',
  schemaVersion: 1,
  streamId: `coop/${VELO}/training/${T1}`,
  data: {
    trainingId: T1,
    title: 'Repairing cargo bikes',
    theme: 'mobility',
    startsAt: '2027-04-01T09:00:00.000Z',
    hours: 350,
    places: 10,
    price: { type: 'hours', hours: 200 },
    language: 'it',
    offeredOn: '2027-03-01',
  },
};
const exchange = {
  exchangeId: E1,
  fromCoopId: VELO,
  toCoopId: 'casa-comune',
  hours: 450,
  kind: 'skill_exchange',
  theme: 'housing',
  on: '2027-03-04',
};
const consortiumEvents = [
  {
    type: 'ParticipantsEnrolled',
    streamId: `consortium/training-enrolments/${T1}`,
    data: {
      trainingId: T1,
      enrolmentId: E1,
      providerCoopId: 'casa-comune',
      enrollingCoopId: VELO,
      participants: 3,
      hours: 350,
      theme: 'mobility',
      month: '2027-04',
      enrolledOn: '2027-03-02',
    },
  },
  {
    type: 'ResourceBooked',
    streamId: `consortium/resource-bookings/${R1}`,
    data: {
      resourceId: R1,
      bookingId: B1,
      ownerCoopId: 'casa-comune',
      bookingCoopId: VELO,
      from: '2027-04-01T09:00:00.000Z',
      to: '2027-04-01T12:00:00.000Z',
    },
  },
  {
    type: 'BookingCancelled',
    streamId: `consortium/resource-bookings/${R1}`,
    data: { resourceId: R1, bookingId: B1, cancelledOn: '2027-03-03' },
  },
  {
    type: 'HoursGiven',
    streamId: `consortium/exchange/${E1}`,
    data: { ...exchange, note: null },
  },
  {
    type: 'HoursConfirmed',
    streamId: `consortium/exchange/${E1}`,
    data: { ...exchange, confirmedOn: '2027-03-05' },
  },
].map((event) => ({ ...event, schemaVersion: 1 }));

describe('the contracts of pooling beyond money, as a coop’s bundle holds them', () => {
  it('accepts a training the coop offers, on its own training stream', () => {
    expect(eventContractProblem(trainingOffered, VELO)).toBeNull();
  });

  it('refuses a training with an instant written otherwise, or on another coop’s stream', () => {
    expect(
      eventContractProblem(
        { ...trainingOffered, data: { ...trainingOffered.data, startsAt: '2027-04-01 09:00' } },
        VELO,
      ),
    ).toMatch(/data\.startsAt must be an instant/);
    expect(eventContractProblem(trainingOffered, 'casa-comune')).toMatch(
      /belongs to coop velo-solidaire/,
    );
  });

  it('accepts the consortium’s enrolments, bookings and exchanges about the coop', () => {
    for (const event of consortiumEvents) expect(eventContractProblem(event, VELO)).toBeNull();
  });

  it('refuses an exchange off its stream, or of a kind no app writes', () => {
    const [, , , given] = consortiumEvents;
    expect(eventContractProblem({ ...given, streamId: `consortium/exchange/${T1}` }, VELO)).toMatch(
      /belongs in stream consortium\/exchange\//,
    );
    expect(
      eventContractProblem({ ...given, data: { ...given.data, kind: 'barter' } }, VELO),
    ).toMatch(/data\.kind/);
  });
});
