import { DynamicModule, Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ACCESS_POLICY, AccessPolicy, AUTH_SECRET } from './access-policy';
import { resolveAuthSecret } from './auth-secret';
import { AuthGuard } from './auth.guard';

/** Installs the global AuthGuard with the app's access policy and secret. */
@Module({})
export class AuthModule {
  static forRoot(policy: () => AccessPolicy): DynamicModule {
    return {
      module: AuthModule,
      global: true,
      providers: [
        { provide: AUTH_SECRET, useFactory: () => resolveAuthSecret() },
        { provide: ACCESS_POLICY, useFactory: policy },
        AuthGuard,
        // The same instance for hooks that must know who the guard will admit (Idempotency-Key).
        { provide: APP_GUARD, useExisting: AuthGuard },
      ],
      exports: [AUTH_SECRET, AuthGuard],
    };
  }
}
