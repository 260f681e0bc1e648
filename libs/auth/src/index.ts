export * from './actor';
export * from './access-policy';
export * from './auth-secret';
export * from './auth.guard';
export * from './auth.module';
export * from './current-actor.decorator';
export * from './roles.decorator';
export * from './token';
