import { foldRows, keyEvents } from '@libs/projections';
import { coopEvents, recorded } from '@tests/consortium/federation-events';
import { catalogueResourceOf, evolveCatalogueResource } from './catalogue-resource';

const R1 = '00000000-0000-4000-8000-000000000001';
const R2 = '00000000-0000-4000-8000-000000000002';

describe('the catalogue', () => {
  const velo = coopEvents('velo-solidaire');
  const habitat = coopEvents('habitat-partage');

  it('lists what each coop shares and marks what it withdraws', () => {
    const { upserts } = foldRows(
      new Map(),
      keyEvents(
        [
          velo.resourceShared(R1, 'vehicle', ['mobility'], {
            type: 'sol',
            price: { unit: 'SOL', hundredths: 500 },
          }),
          habitat.resourceShared(R1, 'space', ['housing']),
          velo.resourceShared(R2, 'skill', ['work']),
          velo.resourceWithdrawn(R2),
        ].map(recorded),
        catalogueResourceOf,
      ),
      evolveCatalogueResource,
    );
    expect(upserts.map((r) => [r.coopId, r.kind, r.withdrawnOn])).toEqual([
      ['velo-solidaire', 'vehicle', null],
      ['habitat-partage', 'space', null],
      ['velo-solidaire', 'skill', '2027-05-01'],
    ]);
    expect(upserts[0]).toMatchObject({
      streamId: `coop/velo-solidaire/resource/${R1}`,
      resourceId: R1,
      themes: ['mobility'],
      terms: { type: 'sol', price: { unit: 'SOL', hundredths: 500 } },
      sharedOn: '2027-02-01',
    });
  });

  it('ignores a withdrawal of a resource never shared, and events off the resource’s stream', () => {
    const stray = recorded(velo.resourceWithdrawn(R1));
    expect(evolveCatalogueResource(undefined, stray, stray.streamId)).toBeNull();
    const misplaced = recorded({
      ...velo.resourceShared(R1, 'vehicle', ['mobility']),
      streamId: `coop/velo-solidaire/resource/${R2}`,
    });
    expect(catalogueResourceOf(misplaced)).toBeNull();
  });
});
