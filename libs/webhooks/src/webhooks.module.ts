import {
  DynamicModule,
  Inject,
  Injectable,
  Module,
  OnApplicationBootstrap,
  OnModuleDestroy,
} from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { Role } from '@libs/auth';
import { pendingDeliveriesGauge } from './pending-deliveries.gauge';
import { readDeliveryTimeout, readRetryDelays } from './retry-schedule';
import { readUrlPolicy, UrlPolicy } from './url-policy';
import { webhooksController } from './webhooks.controller';
import { WebhookDispatcher } from './webhook-dispatcher';
import { WebhookSecrets } from './webhook-secrets';
import { WEBHOOK_URL_POLICY, WebhookSubscriptions } from './webhook-subscriptions';

/** The dispatcher and the gauge, for the app's lifetime: sending once migrations have run. */
@Injectable()
class WebhooksLifecycle implements OnApplicationBootstrap, OnModuleDestroy {
  private dispatcher: WebhookDispatcher | undefined;
  private gauge: { remove(): void } | undefined;

  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly secrets: WebhookSecrets,
    @Inject(WEBHOOK_URL_POLICY) private readonly policy: UrlPolicy,
  ) {}

  onApplicationBootstrap(): void {
    this.gauge = pendingDeliveriesGauge(this.db);
    this.dispatcher = new WebhookDispatcher({
      dataSource: this.db,
      secrets: this.secrets,
      policy: this.policy,
      retryDelaysMs: readRetryDelays(process.env),
      timeoutMs: readDeliveryTimeout(process.env),
    });
    this.dispatcher.start();
  }

  async onModuleDestroy(): Promise<void> {
    this.gauge?.remove();
    await this.dispatcher?.stop();
  }
}

/**
 * Webhooks for an app: `/webhooks` for `roles`, and the dispatcher that sends the outbox's
 * deliveries. The app also registers the outbox projection (`webhookOutboxProjection`, with its
 * mapping of events) and the migration (`Webhooks1765700000001`) with its read models. Settings
 * are read at start, and a bad one stops the start.
 */
@Module({})
export class WebhooksModule {
  static forRoot(options: { roles: Role[] }): DynamicModule {
    readRetryDelays(process.env);
    readDeliveryTimeout(process.env);
    return {
      module: WebhooksModule,
      controllers: [webhooksController(...options.roles)],
      providers: [
        { provide: WebhookSecrets, useFactory: () => WebhookSecrets.fromEnv(process.env) },
        { provide: WEBHOOK_URL_POLICY, useFactory: () => readUrlPolicy(process.env) },
        WebhookSubscriptions,
        WebhooksLifecycle,
      ],
    };
  }
}
