import { DynamicModule, INestApplication, LogLevel, Type } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { FastifyAdapter, NestFastifyApplication } from '@nestjs/platform-fastify';
import { limitFailedAuthentications } from './failed-authentication-limit';
import { frameworkErrorOptions } from './framework-errors';
import { closeOnSignals } from './graceful-shutdown';
import { guardInputs } from './input-guards';
import { ApiDescription, DOCS_PATH, setupOpenApi } from './openapi';
import { ProblemDetailsFilter } from './problem-details.filter';
import { addSecurityHeaders } from './security-headers';
import { createValidationPipe } from './validation-pipe';

export interface AppOptions extends ApiDescription {
  /** Default: `LOG_LEVEL` from the environment and every level more severe (default `log`). */
  logger?: LogLevel[] | false;
}

const LOG_LEVELS: LogLevel[] = ['fatal', 'error', 'warn', 'log', 'debug', 'verbose'];

function logLevelsUpTo(level = 'log'): LogLevel[] {
  const index = LOG_LEVELS.indexOf(level as LogLevel);
  if (index < 0) throw new Error(`LOG_LEVEL is one of ${LOG_LEVELS.join(', ')}: ${level}`);
  return LOG_LEVELS.slice(0, index + 1);
}

/**
 * A Nest app on Fastify with the platform's HTTP conventions: validated input (JSON only, no NUL or
 * lone surrogate, nested 32 levels at most), every error as a problem document, OpenAPI at `/docs`,
 * security headers, failed authentications slowed down, graceful shutdown. Not listening yet: see
 * `listen`.
 */
export async function createApp(
  rootModule: Type<unknown> | DynamicModule,
  options: AppOptions,
): Promise<NestFastifyApplication> {
  const adapter = new FastifyAdapter(frameworkErrorOptions);
  const app = await NestFactory.create<NestFastifyApplication>(rootModule, adapter, {
    logger: options.logger ?? logLevelsUpTo(process.env.LOG_LEVEL || undefined),
    // A failed start rejects (the caller reports it and exits) instead of exiting from inside Nest.
    abortOnError: false,
    // guardInputs registers the one body parser (JSON, with its depth limit).
    bodyParser: false,
  });
  guardInputs(adapter.getInstance());
  await addSecurityHeaders(app);
  await limitFailedAuthentications(app);
  app.useGlobalPipes(createValidationPipe());
  app.useGlobalFilters(new ProblemDetailsFilter());
  setupOpenApi(app, options);
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
