import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { isCoopId, LEGAL_FORMS, LegalForm, Theme, THEMES } from '@libs/contracts';

/** A demo coop as `federation.json` lists it: its app's port and the profile it describes. */
export interface CoopSpec {
  id: string;
  name: string;
  legalForm: LegalForm;
  themes: Theme[];
  territory: string;
  description: string;
  port: number;
}

/** One app the launcher runs: the consortium or a coop's app, on its port (0 = a free one). */
export interface AppSpec {
  name: string;
  kind: 'consortium' | 'coop';
  coopId?: string;
  port: number;
}

export interface FederationConfig {
  root: string;
  dataDir: string;
  apps: AppSpec[];
  coops: CoopSpec[];
  boardMembers: string[];
  /** Seed the demo history on the first start (`DEMO_DATA=off` leaves the federation empty). */
  demoData: boolean;
}

export const DEFAULT_BOARD_MEMBERS = 'board-chair,board-treasurer,board-secretary';

/**
 * `federation.json` and the launcher's own variables: `DATA_DIR` (default `.data`),
 * `FEDERATION_PORT_BASE` (the consortium on it, the coops on the next ports in file order; `0`
 * lets every app pick a free port), `BOARD_MEMBERS`, `DEMO_DATA`.
 */
export function readFederationConfig(root: string, env: NodeJS.ProcessEnv): FederationConfig {
  const file = join(root, 'federation.json');
  const json = JSON.parse(readFileSync(file, 'utf8')) as {
    consortium: { port: number };
    coops: CoopSpec[];
  };
  const coops = json.coops.map((coop) => checkedCoop(coop, file));
  const base = portBase(env.FEDERATION_PORT_BASE);
  const portOf = (index: number, configured: number) =>
    base === undefined ? configured : base === 0 ? 0 : base + index;
  const boardMembers = (env.BOARD_MEMBERS || DEFAULT_BOARD_MEMBERS)
    .split(',')
    .map((sub) => sub.trim())
    .filter(Boolean);
  if (boardMembers.length === 0) throw new Error('BOARD_MEMBERS names no board member');
  return {
    root,
    dataDir: resolve(root, env.DATA_DIR || '.data'),
    coops,
    apps: [
      { name: 'consortium', kind: 'consortium', port: portOf(0, json.consortium.port) },
      ...coops.map((coop, i): AppSpec => ({
        name: coop.id,
        kind: 'coop',
        coopId: coop.id,
        port: portOf(i + 1, coop.port),
      })),
    ],
    boardMembers: [...new Set(boardMembers)],
    demoData: !/^(off|0|false|no)$/i.test(env.DEMO_DATA ?? ''),
  };
}

function portBase(text: string | undefined): number | undefined {
  if (text === undefined || text === '') return undefined;
  const base = Number(text);
  if (!Number.isInteger(base) || base < 0 || base > 65_000) {
    throw new Error(`FEDERATION_PORT_BASE must be a port (0 picks free ones), not ${text}`);
  }
  return base;
}

function checkedCoop(coop: CoopSpec, file: string): CoopSpec {
  const problems = [
    !isCoopId(coop.id) && `id ${coop.id} is not a lowercase slug`,
    !LEGAL_FORMS.includes(coop.legalForm) &&
      `legalForm ${coop.legalForm} is not one of ${LEGAL_FORMS}`,
    (!Array.isArray(coop.themes) || coop.themes.some((t) => !THEMES.includes(t))) &&
      `themes must be among ${THEMES}`,
    !Number.isInteger(coop.port) && 'port must be a number',
  ].filter(Boolean);
  if (problems.length > 0) throw new Error(`${file}, coop ${coop.id}: ${problems.join('; ')}`);
  return coop;
}
