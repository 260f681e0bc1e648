import { DataSource } from 'typeorm';
import { qualifiedTable } from '@libs/database';

/** The webhooks' tables in the app's own database, by their qualified names. */
export function webhookTables(connection: Pick<DataSource, 'options'>) {
  return {
    subscriptions: qualifiedTable(connection, 'webhook_subscriptions'),
    deliveries: qualifiedTable(connection, 'webhook_deliveries'),
    attempts: qualifiedTable(connection, 'webhook_attempts'),
    marks: qualifiedTable(connection, 'webhook_marks'),
  };
}

export type WebhookTables = ReturnType<typeof webhookTables>;
