import { RequestMethod } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { DynamicModule } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import pino from 'pino';
import pinoPretty from 'pino-pretty';
import { correlationIdOf } from './correlation-id';

/** Nest's level names (what `LOG_LEVEL` has always taken) and pino's for each. */
const LEVELS = {
  fatal: 'fatal',
  error: 'error',
  warn: 'warn',
  log: 'info',
  debug: 'debug',
  verbose: 'trace',
} as const;

export type LogFormat = 'json' | 'pretty';

export interface LogSettings {
  level: (typeof LEVELS)[keyof typeof LEVELS];
  format: LogFormat;
}

/** `LOG_LEVEL` (Nest's names, default `log`) and `LOG_FORMAT` (`json`, or `pretty` by default). */
export function readLogSettings(env: NodeJS.ProcessEnv = process.env): LogSettings {
  const levelName = env.LOG_LEVEL || 'log';
  if (!(levelName in LEVELS)) {
    throw new Error(`LOG_LEVEL is one of ${Object.keys(LEVELS).join(', ')}: ${levelName}`);
  }
  const format = env.LOG_FORMAT || 'pretty';
  if (format !== 'json' && format !== 'pretty') {
    throw new Error(`LOG_FORMAT is json or pretty: ${format}`);
  }
  return { level: LEVELS[levelName as keyof typeof LEVELS], format };
}

/**
 * Where the lines go, on stdout: one JSON object a line, or pino-pretty's readable lines (in
 * colour in a terminal). Both synchronous, so they keep their order with the line `listen` prints.
 */
function destination(format: LogFormat): pino.DestinationStream {
  if (format === 'json') return process.stdout;
  return pinoPretty({
    colorize: Boolean(process.stdout.isTTY),
    singleLine: true,
    translateTime: 'SYS:HH:MM:ss.l',
    ignore: 'pid,hostname,context',
    messageFormat: '{if context}[{context}] {end}{msg}',
    messageKey: 'msg',
    sync: true,
  });
}

/**
 * The app's logger: pino through nestjs-pino, so Nest's own lines and the app's go the same way.
 * Every line written while a request is handled carries its `correlationId` (see
 * `correlationIdOf`), and one line closes each request (method, route's URL, status, time):
 * no headers, so no token and no personal data reach the logs.
 */
export function loggerModule(settings: LogSettings): DynamicModule {
  return LoggerModule.forRoot({
    forRoutes: [{ path: '{*path}', method: RequestMethod.ALL }],
    pinoHttp: [
      {
        level: settings.level,
        base: undefined,
        genReqId: (request: IncomingMessage) => correlationIdOf(request),
        quietReqLogger: true,
        customAttributeKeys: { reqId: 'correlationId' },
        customLogLevel: (_request, response, error) =>
          error || response.statusCode >= 500 ? 'error' : 'info',
        serializers: {
          req: (request: { method: string; url: string }) => ({
            method: request.method,
            url: request.url,
          }),
          res: (response: { statusCode: number }) => ({ statusCode: response.statusCode }),
        },
      },
      destination(settings.format),
    ],
  });
}

export type { IncomingMessage, ServerResponse };
