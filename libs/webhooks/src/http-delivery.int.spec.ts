import { createServer, Server } from 'node:http';
import { AddressInfo } from 'node:net';
import { postDelivery } from './http-delivery';
import { readUrlPolicy } from './url-policy';

// A real socket on loopback, reached by name: the address the name resolves to is checked at
// each connection, not only the URL when the webhook was made.
describe('sending one delivery', () => {
  let server: Server;
  let port: number;
  const bodies: string[] = [];

  beforeAll(async () => {
    server = createServer((request, response) => {
      let body = '';
      request.on('data', (chunk: Buffer) => (body += chunk.toString()));
      request.on('end', () => {
        bodies.push(body);
        response.writeHead(request.headers['webhook-id'] === 'slow' ? 200 : 204);
        if (request.headers['webhook-id'] !== 'slow') response.end();
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.address() as AddressInfo).port;
  });

  afterAll(async () => {
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  const send = (webhookId: string, env: NodeJS.ProcessEnv, timeoutMs = 2000) =>
    postDelivery(`http://localhost:${port}/hook`, { 'webhook-id': webhookId }, '{"n":1}', {
      policy: readUrlPolicy(env),
      timeoutMs,
      signal: new AbortController().signal,
    });

  it('refuses a name that resolves to loopback outside development, before connecting', async () => {
    const before = bodies.length;
    const outcome = await send('refused', { DATABASE_URL: 'postgres://db/x' });
    expect(outcome).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/localhost resolves to .*loopback or private/),
    });
    expect(bodies.length).toBe(before);
  });

  it('sends to it when the operator allows the host, and reports the status', async () => {
    const outcome = await send('allowed', {
      DATABASE_URL: 'postgres://db/x',
      WEBHOOKS_ALLOWED_HOSTS: 'localhost',
    });
    expect(outcome).toMatchObject({ statusCode: 204, error: null });
    expect(bodies[bodies.length - 1]).toBe('{"n":1}');
  });

  it('gives up on a receiver that does not finish answering in time', async () => {
    const outcome = await send('slow', {}, 300);
    expect(outcome).toMatchObject({
      statusCode: null,
      error: expect.stringMatching(/cut off|within 300 ms/),
    });
  });
});
