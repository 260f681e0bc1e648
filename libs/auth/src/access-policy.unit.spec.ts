import { consortiumPolicy, coopPolicy } from './access-policy';

describe('whose tokens an app serves', () => {
  const consortium = consortiumPolicy(['board-chair']);
  const velo = coopPolicy('velo');

  it('the consortium: its board, its auditors, coop admins (for what their routes allow)', () => {
    expect(consortium.refuse({ sub: 'board-chair', role: 'board-member' })).toBeNull();
    expect(consortium.refuse({ sub: 'auditor', role: 'auditor' })).toBeNull();
    expect(consortium.refuse({ sub: 'a', role: 'coop-admin', coopId: 'velo' })).toBeNull();
  });

  it('the consortium refuses a board member not on the board and a coop’s own auditor', () => {
    expect(consortium.refuse({ sub: 'mallory', role: 'board-member' })).toMatch(/not on the board/);
    expect(consortium.refuse({ sub: 'aud', role: 'auditor', coopId: 'velo' })).toMatch(
      /for coop velo, not for the consortium/,
    );
  });

  it('a coop app serves its own coop’s admins and auditors only', () => {
    expect(velo.refuse({ sub: 'a', role: 'coop-admin', coopId: 'velo' })).toBeNull();
    expect(velo.refuse({ sub: 'aud', role: 'auditor', coopId: 'velo' })).toBeNull();
    expect(velo.refuse({ sub: 'a', role: 'coop-admin', coopId: 'casa' })).toMatch(/coop casa/);
    expect(velo.refuse({ sub: 'aud', role: 'auditor' })).toMatch(/no coop/);
    expect(velo.refuse({ sub: 'board-chair', role: 'board-member' })).toMatch(/consortium app/);
  });
});
