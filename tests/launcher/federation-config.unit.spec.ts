import { resolve } from 'node:path';
import { readFederationConfig } from '../../scripts/federation/federation-config';

const ROOT = resolve(__dirname, '../..');

describe('the launcher’s configuration: federation.json and its variables', () => {
  it('runs the consortium and every coop of federation.json on the ports it gives, under .data', () => {
    const config = readFederationConfig(ROOT, {});
    expect(config.apps.map((app) => [app.name, app.port])).toEqual([
      ['consortium', 3000],
      ['velo-solidaire', 3001],
      ['casa-comune', 3002],
      ['bottega-corta', 3003],
    ]);
    expect(config.dataDir).toBe(resolve(ROOT, '.data'));
    expect(config.boardMembers).toEqual(['board-chair', 'board-treasurer', 'board-secretary']);
    expect(config.demoData).toBe(true);
  });

  it('moves every port with FEDERATION_PORT_BASE; 0 lets each app pick a free one', () => {
    const moved = readFederationConfig(ROOT, { FEDERATION_PORT_BASE: '4100' });
    expect(moved.apps.map((app) => app.port)).toEqual([4100, 4101, 4102, 4103]);
    const free = readFederationConfig(ROOT, { FEDERATION_PORT_BASE: '0' });
    expect(free.apps.map((app) => app.port)).toEqual([0, 0, 0, 0]);
    expect(() => readFederationConfig(ROOT, { FEDERATION_PORT_BASE: 'abc' })).toThrow(
      /FEDERATION_PORT_BASE/,
    );
  });

  it('takes the board from BOARD_MEMBERS, the data dir from DATA_DIR, and DEMO_DATA=off', () => {
    const config = readFederationConfig(ROOT, {
      BOARD_MEMBERS: ' anna, ben ,anna',
      DATA_DIR: '/tmp/elsewhere',
      DEMO_DATA: 'off',
    });
    expect(config.boardMembers).toEqual(['anna', 'ben']);
    expect(config.dataDir).toBe('/tmp/elsewhere');
    expect(config.demoData).toBe(false);
  });
});
