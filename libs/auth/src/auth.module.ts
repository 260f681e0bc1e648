import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_POLICY, AccessPolicy, AUTH_SECRET } from './access-policy';
import { resolveAuthSecret } from './auth-secret';
import { AuthGuard } from './auth.guard';
import { readIdentityProvider } from './identity-provider';
import { readTokenPolicy } from './token-policy';
import { TokenVerifier } from './token-verifier';

/**
 * Installs the global AuthGuard with the app's access policy, its secret and, when configured, an
 * identity provider. Every setting is read and checked at start: a bad one stops the app.
 */
@Module({})
export class AuthModule {
  static forRoot(policy: () => AccessPolicy): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_SECRET, useFactory: () => resolveAuthSecret() },
        { provide: ACCESS_POLICY, useFactory: policy },
        {
          provide: TokenVerifier,
          useFactory: (secret: string) =>
            new TokenVerifier(secret, readTokenPolicy(), readIdentityProvider()),
          inject: [AUTH_SECRET],
        },
        AuthGuard,
        // The same instance for hooks that must know who the guard will admit (Idempotency-Key).
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
      exports: [AUTH_SECRET, AuthGuard],
    };
  }
}
