import { Actor, mintToken, readTokenPolicy } from '@libs/auth';
import { FederationConfig } from './federation-config';

/** A development token: who it is for, and the token itself. */
export interface DevToken extends Actor {
  token: string;
}

const THIRTY_DAYS = 30 * 24 * 3600;

/** One token per role: every board member, an auditor, each coop's admin. */
export function devTokens(secret: string, config: FederationConfig): DevToken[] {
  const actors: Actor[] = [
    ...config.boardMembers.map((sub): Actor => ({ sub, role: 'board-member' })),
    { sub: 'auditor', role: 'auditor' },
    ...config.coops.map((coop): Actor => ({
      sub: `${coop.id}-admin`,
      role: 'coop-admin',
      coopId: coop.id,
    })),
  ];
  // Thirty days, or less if the apps are told to accept less (AUTH_MAX_TOKEN_DAYS).
  const lifetime = Math.min(THIRTY_DAYS, readTokenPolicy().maxLifetimeSeconds);
  return actors.map((actor) => ({ ...actor, token: mintToken(secret, actor, lifetime) }));
}

/**
 * The shell variables the README's tour uses: `CONSORTIUM_URL`; per coop `<ID>_URL` and
 * `<ID>_TOKEN` (its admin), e.g. `VELO_SOLIDAIRE_URL`; `BOARD_TOKEN`, `BOARD_TOKEN_2`, … in
 * `BOARD_MEMBERS` order; `AUDITOR_TOKEN`; `BUDGET_PERIOD`, the demo budget's period (this year).
 */
export function tourEnvironment(
  urls: { name: string; url: string }[],
  tokens: DevToken[],
  budgetPeriod: string,
): Record<string, string> {
  const env: Record<string, string> = {};
  for (const { name, url } of urls) {
    env[name === 'consortium' ? 'CONSORTIUM_URL' : `${shellName(name)}_URL`] = url;
  }
  let board = 0;
  for (const { role, coopId, token } of tokens) {
    if (role === 'board-member') {
      board += 1;
      env[board === 1 ? 'BOARD_TOKEN' : `BOARD_TOKEN_${board}`] = token;
    } else if (role === 'auditor') env.AUDITOR_TOKEN = token;
    else env[`${shellName(coopId!)}_TOKEN`] = token;
  }
  env.BUDGET_PERIOD = budgetPeriod;
  return env;
}

function shellName(slug: string): string {
  return slug.toUpperCase().replace(/-/g, '_');
}

/** `export NAME='value'` lines, for `source`. */
export function exportLines(env: Record<string, string>): string {
  return Object.entries(env)
    .map(([name, value]) => `export ${name}='${value}'`)
    .join('\n');
}

/**
 * The board's page at the consortium app, and a signed-in link for the first board member and the
 * auditor. The token goes in the fragment (`#token=`): browsers never send it to the server, and
 * the page wipes it from the address bar once read.
 */
export function boardPageLinks(consortiumUrl: string, tokens: DevToken[]) {
  const url = `${consortiumUrl}/board/`;
  const shown = [
    tokens.find((t) => t.role === 'board-member'),
    tokens.find((t) => t.role === 'auditor'),
  ].filter((t): t is DevToken => !!t);
  return {
    url,
    links: shown.map(({ sub, role, token }) => ({ sub, role, link: `${url}#token=${token}` })),
  };
}
