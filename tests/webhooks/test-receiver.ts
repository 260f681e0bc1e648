import { createServer, IncomingMessage, Server, ServerResponse } from 'node:http';
import { AddressInfo } from 'node:net';
import { Webhook } from 'standardwebhooks';

/** One request the receiver got, with what the signature check said. */
export interface Received {
  path: string;
  webhookId: string;
  body: { type: string; timestamp: string; data: Record<string, unknown> };
  /** The `standardwebhooks` library accepted the signature with the endpoint's secret. */
  verified: boolean;
  /** What the receiver answered; null while (or when) it held the request unanswered. */
  answered: number | null;
  at: number;
}

/** How an endpoint answers its n-th request (1 for the first): a status, or never ('hang'). */
export type Answer = (n: number) => number | 'hang';

/**
 * A receiver as a subscriber would run it: a real HTTP server on loopback, one path per
 * endpoint, checking every delivery's signature with the Standard Webhooks library and the
 * secret the endpoint was given.
 */
export class TestReceiver {
  readonly received: Received[] = [];
  private readonly secrets = new Map<string, string>();
  private readonly answers = new Map<string, Answer>();
  private readonly counts = new Map<string, number>();
  private readonly held = new Set<ServerResponse>();
  private server!: Server;
  url = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => this.handle(request, response));
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Where the endpoint `path` is, answering as `answer` says (200 by default). */
  endpoint(path: string, answer: Answer = () => 200): string {
    this.answers.set(path, answer);
    return `${this.url}${path}`;
  }

  answer(path: string, answer: Answer): void {
    this.answers.set(path, answer);
  }

  secret(path: string, secret: string): void {
    this.secrets.set(path, secret);
  }

  at(path: string): Received[] {
    return this.received.filter((r) => r.path === path);
  }

  /** Drops the requests held unanswered (their senders see the connection close). */
  releaseHeld(): void {
    for (const response of this.held) response.destroy();
    this.held.clear();
  }

  async stop(): Promise<void> {
    this.releaseHeld();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const path = request.url ?? '/';
      const text = Buffer.concat(chunks).toString('utf8');
      const n = (this.counts.get(path) ?? 0) + 1;
      this.counts.set(path, n);
      const answer = (this.answers.get(path) ?? (() => 404))(n);
      this.received.push({
        path,
        webhookId: String(request.headers['webhook-id']),
        body: JSON.parse(text) as Received['body'],
        verified: this.verify(path, text, request),
        answered: answer === 'hang' ? null : answer,
        at: Date.now(),
      });
      if (answer === 'hang') {
        this.held.add(response);
        return;
      }
      response.writeHead(answer).end();
    });
  }

  private verify(path: string, text: string, request: IncomingMessage): boolean {
    const secret = this.secrets.get(path);
    if (!secret) return false;
    try {
      new Webhook(secret).verify(text, {
        'webhook-id': String(request.headers['webhook-id']),
        'webhook-timestamp': String(request.headers['webhook-timestamp']),
        'webhook-signature': String(request.headers['webhook-signature']),
      });
      return true;
    } catch {
      return false;
    }
  }
}
