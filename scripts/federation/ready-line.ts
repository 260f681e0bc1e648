import { DevToken } from './dev-access';

/**
 * The one JSON line the launcher prints on stdout once everything is up, before the human summary,
 * when asked with `--json` (scripts and tests): it holds the tokens, which must not land in a log
 * by default.
 */
export interface FederationReady {
  ready: true;
  dataDir: string;
  /** From the launcher's start to this line, and how it was spent (ms). */
  startupMs: number;
  phases: Phases;
  /** True when this start seeded the demo history (the first start on a fresh data dir). */
  seeded: boolean;
  apps: { name: string; url: string; docs: string; pid: number }[];
  tokens: DevToken[];
  /** The board's page, signed in through the link (the token rides in the fragment). */
  boardPage: { url: string; links: { sub: string; role: string; link: string }[] };
  /** The README tour's shell variables (also in `<dataDir>/dev.env`). */
  env: Record<string, string>;
}

export interface Phases {
  /** `npm run build` (0 when dist/ was fresh). */
  build: number;
  /** Opening the embedded database. */
  database: number;
  /** From spawning the apps until every one listens. */
  apps: number;
  /** Seeding the demo history, or finding it there. */
  seed: number;
}

/**
 * What a person reads once the federation is up. The tokens and the signed-in links only in a
 * terminal (`withTokens`): a log file or a CI's output keeps them otherwise; `devEnvFile` has them.
 */
export function summary(ready: FederationReady, devEnvFile: string, withTokens: boolean): string {
  const width = Math.max(...ready.apps.map((app) => app.name.length));
  const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  return [
    '',
    `The federation is running, ready in ${seconds(ready.startupMs)} (${Object.entries(ready.phases)
      .filter(([, ms]) => ms > 0)
      .map(([phase, ms]) => `${phase} ${seconds(ms)}`)
      .join(', ')}); data in ${ready.dataDir}`,
    ...ready.apps.map((app) => `  ${app.name.padEnd(width)}  ${app.url}  docs: ${app.docs}`),
    '',
    ready.seeded
      ? 'Demo history seeded: members, contributions in EUR, SOL and hours, resources, a budget with votes.'
      : 'Demo history: kept from an earlier start.',
    '',
    ...(withTokens
      ? [
          `The board's page: ${ready.boardPage.url} — ready links, signed in:`,
          ...ready.boardPage.links.map((l) => `  ${l.role} ${l.sub}: ${l.link}`),
          '',
          'Development tokens (valid 30 days; send as Authorization: Bearer <token>):',
          ...ready.tokens.map(
            (t) => `  ${t.role} ${t.coopId ? `of ${t.coopId}` : t.sub}: ${t.token}`,
          ),
        ]
      : [
          `The board's page: ${ready.boardPage.url} (sign in with a token).`,
          `Development tokens: in ${devEnvFile} (not printed here: this output is not a terminal).`,
        ]),
    '',
    `For the README's tour, in another terminal: source ${devEnvFile}`,
    'Ctrl-C stops everything.',
    '',
  ].join('\n');
}
