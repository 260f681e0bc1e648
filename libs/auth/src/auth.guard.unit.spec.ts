import { Reflector } from '@nestjs/core';
import { FASTIFY_ROUTE_CONFIG_METADATA } from '@nestjs/platform-fastify/constants';
import { coopPolicy } from './access-policy';
import { AuthGuard } from './auth.guard';
import { Public, Roles } from './roles.decorator';
import { mintToken } from './token';
import { TokenVerifier } from './token-verifier';

const SECRET = 'a-test-secret-of-enough-length-32b';

class Routes {
  @Roles('coop-admin')
  record(): void {}

  @Public()
  health(): void {}
}

/** The Fastify route config Nest registers for a handler (it copies the handler's metadata). */
function routeConfig(handler: keyof Routes): object | undefined {
  return Reflect.getMetadata(FASTIFY_ROUTE_CONFIG_METADATA, Routes.prototype[handler]) as object;
}

const bearer = (actor: Parameters<typeof mintToken>[1]) => `Bearer ${mintToken(SECRET, actor)}`;

describe('AuthGuard.admittedTo: whom the guard will admit, for hooks that run before it', () => {
  const verifier = new TokenVerifier(SECRET, {
    maxLifetimeSeconds: 86400,
    clockToleranceSeconds: 0,
  });
  const guard = new AuthGuard(new Reflector(), verifier, coopPolicy('velo'));
  const admin = { sub: 'anna', role: 'coop-admin', coopId: 'velo' } as const;

  it('is the actor the route admits', async () => {
    expect(await guard.admittedTo(routeConfig('record'), bearer(admin))).toEqual(admin);
  });

  it('is undefined for what the guard refuses: no token, a bad one, the policy, the role', async () => {
    const record = routeConfig('record');
    expect(await guard.admittedTo(record, undefined)).toBeUndefined();
    expect(await guard.admittedTo(record, 'Bearer not-a-token')).toBeUndefined();
    expect(await guard.admittedTo(record, bearer({ ...admin, coopId: 'habitat' }))).toBeUndefined();
    expect(
      await guard.admittedTo(record, bearer({ sub: 'aldo', role: 'auditor', coopId: 'velo' })),
    ).toBeUndefined();
  });

  it('is null on a public route, token or not', async () => {
    expect(await guard.admittedTo(routeConfig('health'), undefined)).toBeNull();
  });

  it('leaves a route whose roles it cannot see to the guard: the token and policy only', async () => {
    expect(await guard.admittedTo(undefined, bearer(admin))).toEqual(admin);
    expect(await guard.admittedTo({}, bearer({ ...admin, coopId: 'habitat' }))).toBeUndefined();
  });
});
