import { Agent, request } from 'node:http';

/** One run of requests: how long it took and how long each request waited for its answer. */
export interface LoadResult {
  requests: number;
  seconds: number;
  /** Milliseconds per request, in completion order. */
  latencies: number[];
}

export interface LoadShape {
  url: string;
  path: string;
  headers: Record<string, string>;
  body: string;
  requests: number;
  /** Requests in flight at every moment: each finished request starts the next. */
  concurrency: number;
  /** The status every answer must have; anything else stops the run. */
  expectStatus: number;
}

/**
 * A closed loop of POSTs over keep-alive connections, one per in-flight request, as a client pool
 * of that size would send them. Uses node:http rather than fetch: its own cost must stay small
 * beside the server's, on a machine the server shares.
 */
export async function closedLoop(shape: LoadShape, agent: Agent): Promise<LoadResult> {
  const target = new URL(shape.path, shape.url);
  const body = Buffer.from(shape.body);
  const headers = {
    ...shape.headers,
    'content-type': 'application/json',
    'content-length': String(body.length),
  };
  const latencies: number[] = [];
  let started = 0;

  const one = () =>
    new Promise<void>((resolve, reject) => {
      const start = process.hrtime.bigint();
      const req = request(target, { method: 'POST', agent, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => {
          latencies.push(Number(process.hrtime.bigint() - start) / 1e6);
          if (res.statusCode === shape.expectStatus) resolve();
          else
            reject(
              new Error(`${res.statusCode} from ${target}: ${Buffer.concat(chunks).toString()}`),
            );
        });
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end(body);
    });

  const worker = async () => {
    while (started < shape.requests) {
      started++;
      await one();
    }
  };
  const start = process.hrtime.bigint();
  await Promise.all(Array.from({ length: shape.concurrency }, worker));
  return {
    requests: shape.requests,
    seconds: Number(process.hrtime.bigint() - start) / 1e9,
    latencies,
  };
}

/** The keep-alive connections a client of `concurrency` in-flight requests holds. */
export function keepAliveAgent(concurrency: number): Agent {
  return new Agent({ keepAlive: true, maxSockets: concurrency });
}

/** The value below which `share` of the sorted values lie (nearest rank). */
export function percentile(sorted: number[], share: number): number {
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil(share * sorted.length) - 1));
  return sorted[rank];
}
