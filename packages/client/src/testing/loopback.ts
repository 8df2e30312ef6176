// A real HTTP server on 127.0.0.1 for the tests: the client talks to it through the real fetch, no mocks.
import { createServer, type IncomingHttpHeaders, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { onTestFinished } from 'vitest';
import { createVpsClient, type VpsClient } from '../vps-client.js';
import type { VpsClientOptions } from '../core/options.js';

export const TEST_TOKEN = 'vps_test_0123456789abcdef';

export interface RecordedRequest {
  method: string;
  /** Path and query, e.g. `/api/v1/servers/?page=2`. */
  url: string;
  headers: IncomingHttpHeaders;
  body: string;
  /** `performance.now()` when the request arrived, to measure the spacing of retries. */
  at: number;
}

/** Answers one request; `index` counts from 0 across the server's life. */
export type Handler = (request: RecordedRequest, response: ServerResponse, index: number) => void | Promise<void>;

export interface Loopback {
  url: string;
  requests: RecordedRequest[];
}

/** Starts a server for the current test and closes it (and any connection left hanging) when the test ends. */
export async function startLoopback(handler: Handler): Promise<Loopback> {
  const requests: RecordedRequest[] = [];
  const server = createServer((req, res) => {
    // Counted on arrival, not once the body is in: a client that gives up mid-upload still sent a request.
    const recorded: RecordedRequest = { method: req.method ?? '', url: req.url ?? '', headers: req.headers, body: '', at: performance.now() };
    const index = requests.push(recorded) - 1;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      recorded.body = Buffer.concat(chunks).toString('utf8');
      Promise.resolve(handler(recorded, res, index)).catch((error: unknown) => {
        res.destroy(error instanceof Error ? error : new Error(String(error)));
      });
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  onTestFinished(
    () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  );
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}`, requests };
}

/** A URL on which nothing listens: a port that was just free, then closed. */
export async function refusedUrl(): Promise<string> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return `http://127.0.0.1:${port}`;
}

export function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  res.writeHead(status, { 'Content-Type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
}

/** A client of the loopback server with tiny backoff delays, so retry tests take milliseconds. */
export function testClient(baseUrl: string, options: Partial<VpsClientOptions> = {}): VpsClient {
  return createVpsClient({ token: TEST_TOKEN, baseUrl, retryDelayMs: 5, maxRetryDelayMs: 20, ...options });
}
