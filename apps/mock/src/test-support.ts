// Shared by the tests (not shipped): a request helper, a mock per suite, and the process checks (Linux /proc, like
// our CI).
import { afterAll, beforeAll } from 'vitest';
import { startMock } from './index.js';
import type { MockServer, StartMockOptions } from './index.js';

export const TOKEN = 'vps_test_token';

// The process checks are the workspace's one set, from the testkit.
export { isAlive, isListening, prismChildren } from '@vps-org/testkit/processes';

/** A request to the mock, with the bearer token unless `auth: false`; the body is sent as JSON. */
export async function call(base: string, path: string, { method = 'GET', body, prefer, auth = true }: { method?: string; body?: unknown; prefer?: string; auth?: boolean } = {}) {
  const headers: Record<string, string> = {};
  if (auth) headers.authorization = `Bearer ${TOKEN}`;
  if (prefer) headers.prefer = prefer;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Both modes, for `describe.each(MODES)('... (%s mode)', (_mode, stateful) => ...)`. */
export const MODES = [
  ['stateless', false],
  ['stateful', true],
] as const;

/**
 * A mock started once for the enclosing describe (Prism's start is the slow part) and stopped after it; the
 * function returned gives it to the tests.
 */
export function mockPerSuite(options: StartMockOptions): () => MockServer {
  let mock: MockServer | undefined;
  beforeAll(async () => {
    mock = await startMock(options);
  });
  afterAll(() => mock?.stop());
  return () => {
    if (!mock) throw new Error('the mock did not start');
    return mock;
  };
}
