import { createHmac } from 'node:crypto';
import { base64url, SignJWT, UnsecuredJWT } from 'jose';
import { ApiClient } from '../coop/coop-app';
import { expectProblem } from '../coop/problem-assertions';
import { runCli } from '../portability/operator-cli';
import { TestIdentityProvider } from '../support/identity-provider';
import {
  apiClient,
  APP_ENTRY,
  AUTH_SECRET,
  RunningApp,
  startApp,
  TestSchemas,
  tokenFor,
} from '../support/apps';

// The tokens a coop app accepts: its own HS256 ones, checked by jose, and those of an identity
// provider (here a stand-in serving its keys on 127.0.0.1), mapped to our actors.
const COOP_ID = 'velo-solidaire';
const ADMIN = { sub: 'anna', role: 'coop-admin', coopId: COOP_ID } as const;
const AUDIENCE = 'coop-federation';
const schemas = new TestSchemas();
const provider = new TestIdentityProvider();
let app: RunningApp;

const now = () => Math.floor(Date.now() / 1000);
const DAY = 86400;
const as = (token: string): ApiClient => apiClient(app.url, token);

/** An HS256 token with exactly these claims, signed with the apps' secret. */
const signed = (claims: Record<string, unknown>) =>
  new SignJWT(claims)
    .setProtectedHeader({ alg: 'HS256' })
    .sign(new TextEncoder().encode(AUTH_SECRET));

beforeAll(async () => {
  await provider.start();
  app = await startApp(APP_ENTRY.coop, schemas, {
    COOP_ID,
    AUTH_ISSUER: provider.issuer,
    AUTH_JWKS_URL: provider.jwksUrl,
    AUTH_AUDIENCE: AUDIENCE,
    AUTH_SUBJECT_CLAIM: 'preferred_username',
    AUTH_ROLE_CLAIM: 'realm_access.roles',
    AUTH_COOP_CLAIM: 'coop',
    AUTH_JWKS_COOLDOWN_SECONDS: '1',
  });
});

afterAll(async () => {
  await app?.stop();
  await provider.stop();
  await schemas.drop();
});

describe("the apps' own tokens", () => {
  it('a token minted for the coop’s admin opens its routes', async () => {
    expect((await as(tokenFor(ADMIN))('GET', '/members')).status).toBe(200);
  });

  it.each([
    ['no exp', {}, /missing required "exp" claim/],
    ['exp: null', { exp: null }, /"exp" claim must be a number/],
    ['exp: "1"', { exp: '1' }, /"exp" claim must be a number/],
    ['nbf as a string', { exp: now() + 3600, nbf: '9999999999' }, /"nbf" claim must be a number/],
  ])('a token with %s is refused with a 401', async (_case, claims, reason) => {
    const response = await as(await signed({ ...ADMIN, ...claims }))('GET', '/members');
    expectProblem(response, 401, { detail: expect.stringMatching(reason) });
  });

  it('a token living longer than AUTH_MAX_TOKEN_DAYS (30 by default) is refused with a 401', async () => {
    const token = await signed({ ...ADMIN, iat: now(), exp: now() + 31 * DAY });
    expectProblem(await as(token)('GET', '/members'), 401, {
      detail: expect.stringMatching(/lives too long: at most 30 days/),
    });
    const month = await signed({ ...ADMIN, iat: now(), exp: now() + 30 * DAY });
    expect((await as(month)('GET', '/members')).status).toBe(200);
  });
});

describe('the CLI mints only tokens the apps accept', () => {
  it.each([['abc'], ['31']])('refuses --days %s', async (days) => {
    const run = await runCli(['token', 'board-member', 'x', '--days', days], { AUTH_SECRET });
    expect(run.code).not.toBe(0);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`--days must be a whole number from 1 to 30: ${days}`);
  });

  it('mints a token for --days 30 that the app accepts', async () => {
    const run = await runCli(['token', 'coop-admin', 'anna', '--coop', COOP_ID, '--days', '30'], {
      AUTH_SECRET,
    });
    expect(run).toMatchObject({ code: 0, stderr: '' });
    expect((await as(run.stdout.trim())('GET', '/members')).status).toBe(200);
  });
});

describe("an identity provider's tokens (AUTH_ISSUER, AUTH_JWKS_URL)", () => {
  const claims = {
    sub: 'f3b1c2d4-5e6f-4a7b-8c9d-0e1f2a3b4c5d',
    preferred_username: 'anna',
    aud: AUDIENCE,
    coop: COOP_ID,
    realm_access: { roles: ['offline_access', 'coop-admin', 'default-roles-federation'] },
  };

  it.each([['RS256'], ['ES256']] as const)(
    'accepts an %s token, its claims mapped',
    async (alg) => {
      const admin = as(await provider.sign(claims, alg));
      expect((await admin('GET', '/members')).status).toBe(200);
      // The mapped actor is the coop's admin: it records, and is refused another coop's route.
      const other = as(await provider.sign({ ...claims, coop: 'casa-comune' }, alg));
      expectProblem(await other('GET', '/members'), 403, {
        detail: expect.stringMatching(/for coop casa-comune/),
      });
    },
  );

  it('picks up rotated keys: a token signed with a newly published key is accepted', async () => {
    const fetched = provider.fetches;
    await provider.rotate();
    // The apps fetch the keys again for an unknown kid, at most once per cooldown (1 s here).
    await new Promise((resolve) => setTimeout(resolve, 1_100));
    expect((await as(await provider.sign(claims))('GET', '/members')).status).toBe(200);
    expect(provider.fetches).toBeGreaterThan(fetched);
  });

  it('refuses a token from another issuer, for another audience, or without a known role', async () => {
    for (const [token, reason] of [
      [await provider.sign({ ...claims, iss: 'https://evil.test' }), /"iss" claim/],
      [await provider.sign({ ...claims, aud: 'another-api' }), /"aud" claim/],
      [await provider.sign({ ...claims, realm_access: { roles: ['user'] } }), /no known role/],
    ] as const) {
      expectProblem(await as(token)('GET', '/members'), 401, {
        detail: expect.stringMatching(reason),
      });
    }
  });

  it('refuses alg none, and an HS256 token signed with the provider’s public key', async () => {
    const body = { iss: provider.issuer, ...claims, iat: now(), exp: now() + 300 };
    const none = new UnsecuredJWT(body).encode();
    expectProblem(await as(none)('GET', '/members'), 401, {
      detail: expect.stringMatching(/not none/),
    });
    // Key confusion: the public key (anyone can read it) used as an HMAC secret.
    const head = base64url.encode(JSON.stringify({ alg: 'HS256', typ: 'JWT' }));
    const payload = base64url.encode(JSON.stringify(body));
    for (const alg of ['RS256', 'ES256'] as const) {
      const pem = await provider.publicKeyPem(alg);
      const mac = createHmac('sha256', pem).update(`${head}.${payload}`).digest('base64url');
      expectProblem(await as(`${head}.${payload}.${mac}`)('GET', '/members'), 401, {
        detail: 'bad signature',
      });
    }
  });
});
