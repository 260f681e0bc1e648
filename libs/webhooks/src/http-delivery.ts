import { lookup as dnsLookup, LookupAddress } from 'node:dns';
import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import type { LookupFunction } from 'node:net';
import { addressRefusal, UrlPolicy } from './url-policy';

/** What a receiver answered to one attempt: its status code, or why there was none. */
export interface AttemptOutcome {
  statusCode: number | null;
  error: string | null;
  durationMs: number;
}

/** A receiver's answer is not read beyond this: it is logged by its status only. */
const MAX_ANSWER_BYTES = 64 * 1024;

/**
 * POSTs one signed delivery. The host name is resolved here, and the address it resolves to is
 * checked against the policy before connecting (`lookup`), so a name that points inside the
 * app's network is refused whenever it is sent, not only when the webhook was made.
 */
export function postDelivery(
  url: string,
  headers: Record<string, string>,
  body: string,
  options: { policy: UrlPolicy; timeoutMs: number; signal: AbortSignal },
): Promise<AttemptOutcome> {
  const started = Date.now();
  const target = new URL(url);
  const request = target.protocol === 'https:' ? httpsRequest : httpRequest;
  const lookup: LookupFunction = (hostname, lookupOptions, callback) =>
    dnsLookup(hostname, { ...lookupOptions, all: true }, (error, addresses: LookupAddress[]) => {
      if (error) return callback(error, '', 0);
      const refusal = addresses
        .map((a) => addressRefusal(target.hostname, a.address, options.policy))
        .find(Boolean);
      if (refusal) return callback(new Error(refusal), '', 0);
      if (lookupOptions.all)
        return (callback as (e: null, a: LookupAddress[]) => void)(null, addresses);
      callback(null, addresses[0].address, addresses[0].family);
    });
  return new Promise((resolve) => {
    const done = (statusCode: number | null, error: string | null) => {
      clearTimeout(deadline);
      resolve({ statusCode, error, durationMs: Date.now() - started });
    };
    const sent = request(
      target,
      {
        method: 'POST',
        headers: {
          ...headers,
          'content-type': 'application/json',
          'content-length': String(Buffer.byteLength(body)),
          'user-agent': 'coop-federation-webhooks',
        },
        lookup,
        signal: options.signal,
      },
      (answer) => {
        // Its status counts once the answer is whole, or once enough of it was read.
        let read = 0;
        answer.on('data', (chunk: Buffer) => {
          read += chunk.length;
          if (read > MAX_ANSWER_BYTES) answer.destroy();
        });
        answer.on('close', () =>
          answer.complete || read > MAX_ANSWER_BYTES
            ? done(answer.statusCode ?? null, null)
            : done(null, `the answer (${answer.statusCode}) was cut off`),
        );
        answer.on('error', () => undefined);
      },
    );
    // The whole exchange, not each pause: a receiver answering a byte at a time is cut off too.
    const deadline = setTimeout(
      () => sent.destroy(new Error(`no answer within ${options.timeoutMs} ms`)),
      options.timeoutMs,
    );
    sent.on('error', (error) => done(null, error.message));
    sent.end(body);
  });
}
