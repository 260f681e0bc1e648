import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import {
  ArrayMaxSize,
  ArrayNotEmpty,
  IsArray,
  IsString,
  MaxLength,
  ValidateBy,
} from 'class-validator';
import { MAX_PAGE_SIZE } from '@libs/api-conventions';
import { isWebhookEventName, WEBHOOK_EVENT_NAMES } from './event-names';

export const MAX_URL_LENGTH = 2000;

export class CreateWebhookDto {
  @ApiProperty({
    example: 'https://hooks.example.org/coopfed',
    format: 'uri',
    maxLength: MAX_URL_LENGTH,
    description:
      'where deliveries are POSTed: http(s); outside development a public address (or a host in WEBHOOKS_ALLOWED_HOSTS)',
  })
  @IsString()
  @MaxLength(MAX_URL_LENGTH)
  url!: string;

  @ApiProperty({
    enum: WEBHOOK_EVENT_NAMES,
    isArray: true,
    maxItems: WEBHOOK_EVENT_NAMES.length,
    example: ['coop.admitted', 'allocation.decided'],
  })
  @IsArray()
  @ArrayNotEmpty()
  @ArrayMaxSize(WEBHOOK_EVENT_NAMES.length)
  @ValidateBy({
    name: 'knownWebhookEvents',
    validator: {
      validate: (names: unknown) => Array.isArray(names) && names.every(isWebhookEventName),
      defaultMessage: (args) =>
        `events has unknown names: ${(Array.isArray(args?.value) ? (args.value as unknown[]) : [])
          .filter((name) => !isWebhookEventName(name))
          .map((name) => JSON.stringify(name))
          .join(', ')} (known: ${WEBHOOK_EVENT_NAMES.join(', ')})`,
    },
  })
  events!: string[];
}

export class WebhookCreatedResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 })
  webhookId!: string;

  @ApiProperty({
    type: 'string',
    nullable: true,
    maxLength: 60,
    pattern: '^whsec_[A-Za-z0-9+/=]+$',
    example: 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw',
    description:
      'the signing secret (Standard Webhooks), shown this once; null in the answer replayed to an Idempotency-Key retry',
  })
  secret!: string | null;
}

export class WebhookResponse {
  @ApiProperty({ format: 'uuid', maxLength: 36 }) webhookId!: string;
  @ApiProperty({ format: 'uri', maxLength: MAX_URL_LENGTH }) url!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_NAMES, isArray: true, maxItems: WEBHOOK_EVENT_NAMES.length })
  events!: string[];
  @ApiProperty({ format: 'date-time', maxLength: 30 }) createdAt!: string;
}

export class WebhookPage {
  @ApiProperty({ type: [WebhookResponse], maxItems: MAX_PAGE_SIZE })
  items!: WebhookResponse[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 400 })
  nextCursor!: string | null;
}

export class DeliveryAttemptResponse {
  @ApiProperty({ minimum: 1, maximum: 1000, format: 'int32' }) attempt!: number;
  @ApiProperty({ format: 'date-time', maxLength: 30 }) at!: string;
  @ApiProperty({ type: 'integer', format: 'int32', nullable: true, minimum: 100, maximum: 599 })
  statusCode!: number | null;
  @ApiProperty({
    type: 'string',
    nullable: true,
    maxLength: 1000,
    description: 'why there was no answer (refused address, timeout, connection)',
  })
  error!: string | null;
  @ApiProperty({ minimum: 0, maximum: 3_600_000, format: 'int32' }) durationMs!: number;
}

export class DeliveryResponse {
  @ApiProperty({
    maxLength: 40,
    pattern: '^msg_[A-Za-z0-9_-]+$',
    description: 'the webhook-id header: the same at every retry',
  })
  deliveryId!: string;
  @ApiProperty({ enum: WEBHOOK_EVENT_NAMES }) event!: string;
  @ApiProperty({
    format: 'uuid',
    maxLength: 36,
    description: 'the event in the store it comes from',
  })
  eventId!: string;
  @ApiProperty({ enum: ['pending', 'delivered', 'failed', 'cancelled'] }) status!: string;
  @ApiProperty({ format: 'date-time', maxLength: 30 }) createdAt!: string;
  @ApiPropertyOptional({
    type: 'string',
    format: 'date-time',
    nullable: true,
    maxLength: 30,
    description: 'when it is tried next; null once delivered, failed or cancelled',
  })
  nextAttemptAt!: string | null;
  @ApiProperty({ type: [DeliveryAttemptResponse], maxItems: 1000 })
  attempts!: DeliveryAttemptResponse[];
}

export class DeliveryPage {
  @ApiProperty({ type: [DeliveryResponse], maxItems: MAX_PAGE_SIZE })
  items!: DeliveryResponse[];

  @ApiProperty({ type: 'string', nullable: true, maxLength: 400 })
  nextCursor!: string | null;
}
