export * from './backup-format';
export * from './event-store-backup';
export * from './event-store-restore';
