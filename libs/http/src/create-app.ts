import { DynamicModule, INestApplication, LogLevel, Module, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { Logger as PinoNestLogger } from 'nestjs-pino';
import {
  correlationIdOf,
  ObservabilityModule,
  observeHttp,
  readLogSettings,
  startTracing,
} from '@libs/observability';
import { limitFailedAuthentications } from './failed-authentication-limit';
import { frameworkErrorOptions } from './framework-errors';
import { closeOnSignals } from './graceful-shutdown';
import { guardInputs } from './input-guards';
import { ApiDescription, DOCS_PATH, setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { addSecurityHeaders } from './security-headers';
import { createValidationPipe } from './validation-pipe';

export interface AppOptions extends ApiDescription {
  /**
   * Default: pino (`@libs/observability`), at `LOG_LEVEL` and in `LOG_FORMAT`. Given, Nest's
   * console logger at these levels (false: none), as tests that want silence do.
   */
  logger?: LogLevel[] | false;
  /** The name its traces carry (`OTEL_SERVICE_NAME` overrides it). */
  serviceName?: string;
}

/** The app's own module beside what makes it observable (metrics, logs). */
@Module({})
class ObservedApp {}

/**
 * A Nest app on Fastify with the platform's HTTP conventions: validated input (JSON only, no NUL or
 * lone surrogate, nested 32 levels at most), every error as a problem document, OpenAPI at `/docs`,
 * security headers, failed authentications slowed down, graceful shutdown; metrics, logs and
 * traces (`@libs/observability`). Not listening yet: see `listen`.
 */
export async function createApp(
  rootModule: Type<unknown> | DynamicModule,
  options: AppOptions,
): Promise<NestFastifyApplication> {
  const logs = options.logger === undefined ? readLogSettings() : undefined;
  await startTracing(options.serviceName ?? 'coop-federation');
  // Fastify's request id is the correlation id: the log lines of a request carry it.
  const adapter = new FastifyAdapter({ ...frameworkErrorOptions, genReqId: correlationIdOf });
  const root: DynamicModule = {
    module: ObservedApp,
    imports: [rootModule, ObservabilityModule.forRoot(logs)],
  };
  const app = await NestFactory.create<NestFastifyApplication>(root, adapter, {
    ...(logs ? { bufferLogs: true } : { logger: options.logger }),
    // A failed start rejects (the caller reports it and exits) instead of exiting from inside Nest.
    abortOnError: false,
    // guardInputs registers the one body parser (JSON, with its depth limit).
    bodyParser: false,
  });
  if (logs) app.useLogger(app.get(PinoNestLogger));
  observeHttp(adapter.getInstance());
  guardInputs(adapter.getInstance());
  await addSecurityHeaders(app);
  await limitFailedAuthentications(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  await setupOpenApi(app, options);
  closeOnSignals(app);
  return app;
}

export interface Listening {
  url: string;
  docs: string;
}

/**
 * Listens on `PORT` (else `defaultPort`; 0 picks a free one) and `HOST` (else 127.0.0.1: nothing
 * is exposed beyond the machine unless asked), then prints `{ url, docs }` as one JSON line, which
 * launchers and tests wait for.
 */
export async function listen(
  app: INestApplication,
  defaultPort: number,
  env: NodeJS.ProcessEnv = process.env,
): Promise<Listening> {
  const port = env.PORT === undefined || env.PORT === '' ? defaultPort : Number(env.PORT);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT is not a port: ${env.PORT}`);
  try {
    await app.listen(port, env.HOST || '127.0.0.1');
  } catch (error) {
    // The port is taken, say: release what started (the store, an embedded database) first.
    await app.close();
    throw error;
  }
  const url = await app.getUrl();
  const listening = { url, docs: `${url}/${DOCS_PATH}` };
  process.stdout.write(`${JSON.stringify(listening)}\n`);
  return listening;
}
