import { Logger } from '@nestjs/common';
import { NestFastifyApplication } from '@nestjs/platform-fastify';

const SIGNALS: NodeJS.Signals[] = ['SIGTERM', 'SIGINT', 'SIGHUP', 'SIGQUIT'];
/** Past this, a request that never ends must not keep a deployment from stopping. */
const STOP_WITHIN_MS = 20_000;

/**
 * On a stop signal: first stop taking requests and finish those in flight (Fastify answers 503
 * to new ones on open connections meanwhile), then run Nest's shutdown hooks (projections, the
 * store, the database), then end the process by the same signal. Nest's own handler runs the
 * hooks first: the store's pool closed under requests still being handled, which then never
 * finished, nor did the process.
 */
export function closeOnSignals(app: NestFastifyApplication): void {
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    setTimeout(() => {
      new Logger('Shutdown').error(`still stopping after ${STOP_WITHIN_MS} ms: exiting`);
      process.exit(1);
    }, STOP_WITHIN_MS).unref();
    finishRequests(app)
      .then(() => app.close())
      .then(
        () => {
          for (const name of SIGNALS) process.removeListener(name, stop);
          process.kill(process.pid, signal);
        },
        (error: unknown) => {
          new Logger('Shutdown').error(
            `while stopping: ${error instanceof Error ? error.stack : String(error)}`,
          );
          process.exit(1);
        },
      );
  };
  for (const signal of SIGNALS) process.on(signal, stop);
}

/**
 * Closes the HTTP server once the requests in flight are answered. A client's keep-alive
 * connection stays open after its answer until the keep-alive timeout (72 s in Fastify); the
 * server closes only idle connections, and only those idle when asked: so ask until it is done.
 */
async function finishRequests(app: NestFastifyApplication): Promise<void> {
  const fastify = app.getHttpAdapter().getInstance();
  const closing = fastify.close();
  const sweep = setInterval(() => fastify.server.closeIdleConnections(), 50);
  try {
    await closing;
  } finally {
    clearInterval(sweep);
  }
}
