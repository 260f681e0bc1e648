import {
  coopEvents,
  recorded,
  registryEvents,
  StreamEvent,
} from '@tests/consortium/federation-events';
import {
  bookBatch,
  contributionFacts,
  contributionKey,
  CoopStanding,
  coopsToLoad,
  monthAndPillarOf,
  monthPillarKey,
  OpenPledge,
  pledgesToLoad,
  PooledDimension,
  PooledMovement,
} from './pooled-ledger';

const A = '00000000-0000-4000-8000-00000000000a';
const B = '00000000-0000-4000-8000-00000000000b';
const eur = (hundredths: number) => ({ unit: 'EUR' as const, hundredths });

const velo = coopEvents('velo-solidaire');
const habitat = coopEvents('habitat-partage');

const BOTH_MEMBERS: [string, CoopStanding][] = [
  ['velo-solidaire', 'member'],
  ['habitat-partage', 'member'],
];

function book(
  events: StreamEvent[],
  open: OpenPledge[] = [],
  standings: [string, CoopStanding][] = BOTH_MEMBERS,
) {
  return bookBatch(
    new Map(open.map((p) => [contributionKey(p.coopId, p.contributionId), p])),
    contributionFacts(events.map(recorded)),
    new Map(standings),
  );
}

/** The lines of one dimension, as [key, unit, pledged, paid] (small sums: as numbers). */
function on(dimension: PooledDimension, movements: PooledMovement[]) {
  return movements
    .filter((m) => m.dimension === dimension)
    .map((m) => [m.key, m.unit, Number(m.pledged), Number(m.paid)]);
}

const pledge: OpenPledge = {
  coopId: 'velo-solidaire',
  contributionId: A,
  unit: 'SOL',
  hundredths: 4000n,
  pillar: 'non_market',
  kind: 'donation',
  theme: 'work',
  month: '2027-01',
  notCounted: null,
};

describe('the pooled-means ledger', () => {
  it('books a recorded pledge as pledged and a recorded payment as paid, on every dimension', () => {
    const { movements, opened } = book([
      velo.contributionRecorded(A, eur(12050), { status: 'pledged', period: '2027-03' }),
      velo.contributionRecorded(
        B,
        { unit: 'hours', hundredths: 350 },
        { status: 'paid', period: '2027-02', theme: 'housing' },
      ),
    ]);
    expect(on('coopId', movements)).toEqual([
      ['velo-solidaire', 'EUR', 12050, 0],
      ['velo-solidaire', 'hours', 0, 350],
    ]);
    expect(on('month', movements)).toEqual([
      ['2027-03', 'EUR', 12050, 0],
      ['2027-02', 'hours', 0, 350],
    ]);
    expect(on('pillar', movements)).toEqual([
      ['market', 'EUR', 12050, 0],
      ['non_monetary', 'hours', 0, 350],
    ]);
    expect(on('kind', movements)).toEqual([
      ['dues', 'EUR', 12050, 0],
      ['volunteering', 'hours', 0, 350],
    ]);
    expect(on('theme', movements)).toEqual([
      ['mobility', 'EUR', 12050, 0],
      ['housing', 'hours', 0, 350],
    ]);
    expect(on('monthPillar', movements)).toEqual([
      ['2027-03/market', 'EUR', 12050, 0],
      ['2027-02/non_monetary', 'hours', 0, 350],
    ]);
    expect(movements.every((m) => m.recordedOn === '2027-03-01')).toBe(true);
    expect(opened.map((p) => p.contributionId)).toEqual([A]);
  });

  it('keys a month and a pillar together, and splits the key back', () => {
    expect(monthPillarKey('2027-03', 'non_market')).toBe('2027-03/non_market');
    expect(monthAndPillarOf('2027-03/non_market')).toEqual({
      month: '2027-03',
      pillar: 'non_market',
    });
  });

  it('books month by pillar lines that add up to the month lines and to the pillar lines', () => {
    const C = '00000000-0000-4000-8000-00000000000c';
    const D = '00000000-0000-4000-8000-00000000000d';
    const { movements } = book(
      [
        velo.contributionRecorded(B, eur(1000), { period: '2027-03', kind: 'dues' }),
        velo.contributionRecorded(C, eur(2000), { period: '2027-03', kind: 'grant' }),
        habitat.contributionRecorded(C, eur(400), { period: '2027-03', kind: 'sales' }),
        habitat.contributionRecorded(D, eur(800), {
          period: '2027-02',
          kind: 'dues',
          status: 'pledged',
        }),
        velo.pledgePaid(A), // the open SOL pledge, non_market in 2027-01
      ],
      [pledge],
    );
    expect(on('monthPillar', movements)).toEqual([
      ['2027-03/market', 'EUR', 0, 1400],
      ['2027-03/non_market', 'EUR', 0, 2000],
      ['2027-02/market', 'EUR', 800, 0],
      ['2027-01/non_market', 'SOL', -4000, 4000],
    ]);
    // Summed by month and by pillar, they are the month lines and the pillar lines.
    const summed = (keyOf: (key: string) => string) => {
      const sums = new Map<string, [number, number]>();
      for (const m of movements.filter((l) => l.dimension === 'monthPillar')) {
        const key = `${keyOf(m.key)} ${m.unit}`;
        const [pledged, paid] = sums.get(key) ?? [0, 0];
        sums.set(key, [pledged + Number(m.pledged), paid + Number(m.paid)]);
      }
      return [...sums].sort();
    };
    const lines = (dimension: PooledDimension) =>
      on(dimension, movements)
        .map(([key, unit, pledged, paid]) => [`${key} ${unit}`, [pledged, paid]])
        .sort();
    expect(summed((key) => monthAndPillarOf(key).month)).toEqual(lines('month'));
    expect(summed((key) => monthAndPillarOf(key).pillar)).toEqual(lines('pillar'));
  });

  it('sums a batch into one line per day, unit and key', () => {
    const { movements } = book([
      velo.contributionRecorded(A, eur(1000)),
      velo.contributionRecorded(B, eur(500)),
      habitat.contributionRecorded('00000000-0000-4000-8000-00000000000c', eur(200), {
        occurredAt: new Date('2027-03-02T08:00:00Z'),
      }),
    ]);
    expect(movements.filter((m) => m.dimension === 'month')).toEqual([
      {
        recordedOn: '2027-03-01',
        unit: 'EUR',
        dimension: 'month',
        key: '2027-03',
        pledged: 0n,
        paid: 1500n,
      },
      {
        recordedOn: '2027-03-02',
        unit: 'EUR',
        dimension: 'month',
        key: '2027-03',
        pledged: 0n,
        paid: 200n,
      },
    ]);
  });

  it('moves a pledge paid later from pledged to paid, on the UTC day it is paid', () => {
    const paidOn = new Date('2027-04-30T23:30:00-02:00'); // 1 May in UTC
    const { movements, opened } = book([velo.pledgePaid(A, paidOn)], [pledge]);
    expect(on('kind', movements)).toEqual([['donation', 'SOL', -4000, 4000]]);
    expect(on('month', movements)).toEqual([['2027-01', 'SOL', -4000, 4000]]);
    expect(on('monthPillar', movements)).toEqual([['2027-01/non_market', 'SOL', -4000, 4000]]);
    expect(movements.every((m) => m.recordedOn === '2027-05-01')).toBe(true);
    expect(opened).toEqual([]); // settled: it does not go back among the open pledges
  });

  it('takes a cancelled pledge off pledged, and books nothing for what changes nothing', () => {
    const { movements, opened } = book([
      velo.contributionRecorded(A, eur(1000), { status: 'pledged' }),
      velo.pledgeCancelled(A),
      velo.pledgePaid(A), // a cancelled pledge is never paid
      velo.contributionRecorded(B, eur(500), { status: 'paid' }),
      velo.pledgePaid(B), // already paid
      velo.contributionRecorded(B, eur(700), { status: 'paid' }), // recorded twice
      habitat.pledgePaid(A), // never pledged by this coop
    ]);
    // The pledge recorded and cancelled on the same day leaves nothing; the payment stays.
    expect(on('coopId', movements)).toEqual([['velo-solidaire', 'EUR', 0, 500]]);
    expect(on('monthPillar', movements)).toEqual([['2027-03/market', 'EUR', 0, 500]]);
    expect(opened).toEqual([]);
  });

  it('settles an open pledge once, whatever follows it in the batch', () => {
    const { movements, opened } = book([velo.pledgeCancelled(A), velo.pledgePaid(A)], [pledge]);
    expect(on('coopId', movements)).toEqual([['velo-solidaire', 'SOL', -4000, 0]]);
    expect(on('monthPillar', movements)).toEqual([['2027-01/non_market', 'SOL', -4000, 0]]);
    expect(opened).toEqual([]);
  });

  it('leaves open the pledges recorded and not settled in the batch', () => {
    const { opened } = book([
      velo.contributionRecorded(A, eur(1000), { status: 'pledged' }),
      velo.contributionRecorded(B, eur(2000), { status: 'pledged' }),
      velo.pledgePaid(B),
    ]);
    expect(opened).toEqual([
      {
        coopId: 'velo-solidaire',
        contributionId: A,
        unit: 'EUR',
        hundredths: 1000n,
        pillar: 'market',
        kind: 'dues',
        theme: 'mobility',
        month: '2027-03',
        notCounted: null,
      },
    ]);
  });

  it('reads only the pledges a batch settles without recording them', () => {
    const facts = contributionFacts(
      [
        velo.contributionRecorded(A, eur(1000), { status: 'pledged' }),
        velo.pledgePaid(A),
        velo.pledgePaid(B),
        habitat.pledgeCancelled(A),
        habitat.pledgeCancelled(A),
      ].map(recorded),
    );
    expect(pledgesToLoad(facts)).toEqual([
      { coopId: 'velo-solidaire', contributionId: B },
      { coopId: 'habitat-partage', contributionId: A },
    ]);
    expect(
      pledgesToLoad(contributionFacts([recorded(velo.contributionRecorded(A, eur(1)))])),
    ).toEqual([]);
  });

  it('ignores contribution events off their contribution’s stream', () => {
    const misplaced = {
      ...velo.contributionRecorded(A, eur(1000)),
      streamId: `coop/velo-solidaire/contribution/${B}`,
    };
    expect(contributionFacts([recorded(misplaced)])).toEqual([]);
  });

  it('sums amounts exactly past 2^53 hundredths', () => {
    // Three of the largest safe integers: their sum is no longer one, yet the line is exact.
    const events = [A, B, '00000000-0000-4000-8000-00000000000c'].map((id) =>
      velo.contributionRecorded(id, eur(Number.MAX_SAFE_INTEGER)),
    );
    const { movements } = book(events);
    const total = BigInt(Number.MAX_SAFE_INTEGER) * 3n;
    expect(movements).toHaveLength(6);
    expect(movements.every((m) => m.paid === total && m.pledged === 0n)).toBe(true);
  });
});

describe('only member coops count', () => {
  const rogue = coopEvents('rogue-coop');
  const C = '00000000-0000-4000-8000-00000000000c';
  const D = '00000000-0000-4000-8000-00000000000d';

  it('keeps aside what a coop never admitted records, by coop and reason', () => {
    const { movements, notCounted, opened, standings } = book([
      rogue.contributionRecorded(A, eur(5_000_000)),
      rogue.contributionRecorded(B, eur(300), { status: 'pledged' }),
      velo.contributionRecorded(C, eur(1000)),
    ]);
    expect(on('coopId', movements)).toEqual([['velo-solidaire', 'EUR', 0, 1000]]);
    expect(notCounted).toEqual([
      {
        recordedOn: '2027-03-01',
        unit: 'EUR',
        coopId: 'rogue-coop',
        reason: 'not_admitted',
        pledged: 300n,
        paid: 5_000_000n,
      },
    ]);
    expect(opened).toEqual([
      expect.objectContaining({ contributionId: B, notCounted: 'not_admitted' }),
    ]);
    expect(standings.size).toBe(0);
  });

  it('counts from the admission on, in the log’s order within a batch', () => {
    const { movements, notCounted, standings } = book(
      [
        habitat.contributionRecorded(A, eur(100)),
        registryEvents.coopAdmitted('habitat-partage', 'scic'),
        habitat.contributionRecorded(B, eur(200)),
      ],
      [],
      [],
    );
    expect(on('coopId', movements)).toEqual([['habitat-partage', 'EUR', 0, 200]]);
    expect(notCounted).toEqual([
      expect.objectContaining({ coopId: 'habitat-partage', reason: 'not_admitted', paid: 100n }),
    ]);
    expect([...standings]).toEqual([['habitat-partage', 'member']]);
  });

  it('books a pledge’s payment where the coop stands when it pays', () => {
    // Pledged as an applicant, paid once admitted: the promise leaves the side it was kept on,
    // the money comes in counted.
    const applicantPledge: OpenPledge = { ...pledge, notCounted: 'not_admitted' };
    const { movements, notCounted } = book([velo.pledgePaid(A)], [applicantPledge]);
    expect(on('coopId', movements)).toEqual([['velo-solidaire', 'SOL', 0, 4000]]);
    expect(notCounted).toEqual([
      expect.objectContaining({
        coopId: 'velo-solidaire',
        reason: 'not_admitted',
        pledged: -4000n,
        paid: 0n,
      }),
    ]);
  });

  it('keeps aside a member’s pledge paid after it left, and takes the promise off the ledger', () => {
    // The settlement did not list this pledge; paid later, the money is a withdrawn coop's.
    const { movements, notCounted } = book(
      [registryEvents.withdrawalSettled('velo-solidaire'), velo.pledgePaid(A)],
      [pledge],
    );
    expect(on('coopId', movements)).toEqual([['velo-solidaire', 'SOL', -4000, 0]]);
    expect(notCounted).toEqual([
      expect.objectContaining({ reason: 'withdrawn', unit: 'SOL', pledged: 0n, paid: 4000n }),
    ]);
  });

  it('stops counting a coop once its withdrawal is settled, for good', () => {
    const settled = registryEvents.withdrawalSettled('velo-solidaire');
    (settled.event.data as { cancelledPledges: string[] }).cancelledPledges = [A];
    const { movements, notCounted, standings } = book(
      [
        velo.contributionRecorded(C, eur(1000)),
        settled,
        velo.contributionRecorded(D, eur(700)),
        registryEvents.coopAdmitted('velo-solidaire', 'social_coop_b'), // leaving is final
        velo.contributionRecorded(B, eur(50)),
      ],
      [pledge],
    );
    // The open pledge is cancelled where it was counted; what comes after is kept aside.
    expect(on('coopId', movements)).toEqual([
      ['velo-solidaire', 'EUR', 0, 1000],
      ['velo-solidaire', 'SOL', -4000, 0],
    ]);
    expect(notCounted).toEqual([
      expect.objectContaining({
        coopId: 'velo-solidaire',
        reason: 'withdrawn',
        unit: 'EUR',
        paid: 750n,
      }),
    ]);
    expect([...standings]).toEqual([['velo-solidaire', 'withdrawn']]);
  });

  it('reads the standing of every coop a batch names, and takes registry events only from the registry', () => {
    const forged = {
      ...registryEvents.coopAdmitted('rogue-coop', 'scop'),
      streamId: 'coop/rogue-coop/profile/rogue-coop',
    };
    const facts = contributionFacts(
      [
        rogue.contributionRecorded(A, eur(1)),
        forged,
        registryEvents.coopAdmitted('habitat-partage', 'scic'),
      ].map(recorded),
    );
    expect(coopsToLoad(facts)).toEqual(['rogue-coop', 'habitat-partage']);
    expect(facts.filter((f) => 'standing' in f)).toEqual([
      { coopId: 'habitat-partage', standing: 'member' },
    ]);
  });
});
