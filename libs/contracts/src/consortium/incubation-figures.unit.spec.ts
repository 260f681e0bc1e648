import { daysPerStage, fundsHeld, hoursReceived } from './incubation-figures';

describe('a project’s figures', () => {
  it('counts the days in each stage, the present one up to today', () => {
    const stages = [
      { stage: 'idea' as const, from: '2027-01-01', to: '2027-01-31' },
      { stage: 'study' as const, from: '2027-01-31', to: '2027-03-02' },
      { stage: 'constitution' as const, from: '2027-03-02', to: null },
    ];
    expect(daysPerStage({ stages }, '2027-03-12')).toEqual({
      idea: 30,
      study: 30,
      constitution: 10,
    });
  });

  it('holds funds per currency, exactly beyond 2^53 hundredths', () => {
    const move = (direction: 'in' | 'out', hundredths: number) => ({
      movementId: 'm',
      direction,
      amount: { unit: 'EUR' as const, hundredths },
      on: '2027-01-01',
      counterpart: 'x',
    });
    const funds = [
      ...Array.from({ length: 100_000 }, () => move('in', 99_999_999_999)),
      move('out', 1),
    ];
    expect(fundsHeld({ funds })).toEqual({ EUR: '99999999998999.99' });
  });

  it('sums the hours received by giving coop', () => {
    const support = (hours: number | null, byCoopId: string | null) => ({
      supportId: 's',
      kind: 'mentoring' as const,
      hours,
      amount: null,
      byCoopId,
      on: '2027-01-01',
    });
    expect(
      hoursReceived({
        support: [
          support(150, 'velo'),
          support(50, 'velo'),
          support(100, null),
          support(null, 'casa'),
        ],
      }),
    ).toEqual({ total: '3.00', byCoop: { velo: '2.00', consortium: '1.00' } });
  });
});
