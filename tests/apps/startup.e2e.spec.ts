import { firstJsonLine, spawnTs, stopProcess } from '../support/child-process';

// An app that cannot run as configured must say why and stop, rather than half start.
const DATABASE_URL = process.env.DATABASE_URL!;
const AUTH_SECRET = 'a-startup-test-secret-long-enough-7d2e';

async function expectRefusal(entry: string, env: NodeJS.ProcessEnv, reason: RegExp): Promise<void> {
  const child = spawnTs(entry, [], { PORT: '0', DATABASE_URL, ...env });
  try {
    const started = firstJsonLine(child);
    await expect(started).rejects.toThrow(/exited with 1/);
    await expect(started).rejects.toThrow(reason);
  } finally {
    await stopProcess(child);
  }
}

describe('starting an app', () => {
  it.each([
    ['unset', ''],
    ['not a slug', 'Velo Solidaire'],
  ])('the coop app refuses to start when COOP_ID is %s', async (_case, coopId) => {
    await expectRefusal('apps/coop/src/main.ts', { COOP_ID: coopId }, /COOP_ID/);
  });

  it('refuses an event store URL of no known kind, naming the kinds it knows', async () => {
    await expectRefusal(
      'apps/consortium/src/main.ts',
      { EVENT_STORE_URL: 'mysql://127.0.0.1/events', AUTH_SECRET },
      /mysql:\/\/.*postgres:\/\/.*esdb:\/\//,
    );
  });

  it.each([
    ['coop', 'apps/coop/src/main.ts', { COOP_ID: 'velo-solidaire' }],
    ['consortium', 'apps/consortium/src/main.ts', {}],
  ])(
    'the %s app refuses to start on a real database without AUTH_SECRET',
    async (_app, entry, env) => {
      await expectRefusal(entry, { ...env, AUTH_SECRET: '' }, /AUTH_SECRET is required/);
    },
  );
});

describe('a weak AUTH_SECRET stops an app outside the embedded mode', () => {
  it.each([
    [
      'one character repeated',
      'aaaaaaaaaaaaaaaa',
      /AUTH_SECRET is too weak.*16 bytes, at least 32/,
    ],
    [
      '31 bytes',
      'Xk9#mP2$vL7!qR4@wN8^tB3&yH6*jD1',
      /AUTH_SECRET is too weak.*31 bytes, at least 32/,
    ],
    [
      'a placeholder',
      'your-256-bit-secret'.repeat(2),
      /AUTH_SECRET is too weak.*placeholder "your256bitsecret"/,
    ],
  ])('%s', async (_case, secret, reason) => {
    await expectRefusal(
      'apps/consortium/src/main.ts',
      { EVENT_STORE_URL: DATABASE_URL, AUTH_SECRET: secret },
      reason,
    );
  });
});
