// Shared by the tests (not shipped): a request helper, a mock per suite, and the process checks (Linux /proc, like
// our CI).
import { afterAll, beforeAll } from 'vitest';
import { startMock } from './index.js';

export const TOKEN = 'vps_test_token';

// The process checks are the workspace's one set, from the testkit.
export { isAlive, isListening, prismChildren } from '@vps-org/testkit/processes';

/**
 * A request to the mock, with the bearer token unless `auth: false`; the body is sent as JSON.
 * @param {string} base
 * @param {string} path
 * @param {{ method?: string, body?: unknown, prefer?: string, auth?: boolean }} [init]
 */
export async function call(base, path, { method = 'GET', body, prefer, auth = true } = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (auth) headers.authorization = `Bearer ${TOKEN}`;
  if (prefer) headers.prefer = prefer;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}

/** Both modes, for `describe.each(MODES)('... (%s mode)', (_mode, stateful) => ...)`. */
export const MODES = /** @type {const} */ ([
  ['stateless', false],
  ['stateful', true],
]);

/**
 * A mock started once for the enclosing describe (Prism's start is the slow part) and stopped after it; the
 * function returned gives it to the tests.
 * @param {import('./index.js').StartMockOptions} options
 * @returns {() => import('./index.js').MockServer}
 */
export function mockPerSuite(options) {
  /** @type {import('./index.js').MockServer | undefined} */
  let mock;
  beforeAll(async () => {
    mock = await startMock(options);
  });
  afterAll(() => mock?.stop());
  return () => {
    if (!mock) throw new Error('the mock did not start');
    return mock;
  };
}
