// Programs that use the installed client as its users would, run by Node, Bun, Deno, Jest and tsc from the tarball.

/** A token full of characters that servers escape or encode. */
export const ODD_TOKEN = `vps_a+b/c"d&e<f>g'h=i%j`;

/**
 * The fault paths, as an ES module: each call against the fault server (see fault-server.ts), and what it ended
 * with, printed as one JSON line. URLs are written in, so that no runtime needs an environment permission.
 */
export function faultProgram(url: string, refusedUrl: string): string {
  return `
import * as client from '@vps-org/client';
const { createVpsClient, VpsError } = client;
const token = ${JSON.stringify(ODD_TOKEN)};
const vps = createVpsClient({ token, baseUrl: '${url}', retryDelayMs: 1, maxRetryDelayMs: 5 });
const classes = ['NotFoundError', 'InternalServerError', 'AuthenticationError', 'VpsTimeoutError', 'VpsRedirectError',
  'VpsInvalidResponseError', 'VpsConnectionError', 'VpsParameterError', 'VpsConfigError'];
async function outcome(call) {
  try {
    return { resolved: await call() };
  } catch (error) {
    const text = [String(error), JSON.stringify(error), error?.stack, JSON.stringify(error?.body ?? null), String(error?.requestId)].join(' ');
    return {
      name: error?.name,
      vpsError: error instanceof VpsError,
      classes: classes.filter((name) => error instanceof client[name]),
      status: error?.status,
      requestId: error?.requestId,
      leaked: [token, encodeURIComponent(token), JSON.stringify(token).slice(1, -1), 'a+b/c'].some((form) => text.includes(form)),
    };
  }
}
const results = {
  ok: await outcome(() => vps.servers.get(1).then((s) => s.name)),
  userAgent: await outcome(() => vps.servers.get(1).then((s) => s.userAgent.split(' ')[1].split('/')[0])),
  withResponse: await outcome(() => vps.servers.get(1).withResponse().then(({ response }) => response.status)),
  notFound: await outcome(() => vps.servers.get(404)),
  retried503: await outcome(() => vps.servers.get(503)),
  postNotRetried: await outcome(() => vps.servers.start(7)),
  timeout: await outcome(() => vps.servers.get(408, { maxRetries: 0, timeoutMs: 300 })),
  redirect: await outcome(() => vps.servers.get(302)),
  html200: await outcome(() => vps.servers.get(200)),
  echoedToken: await outcome(() => vps.servers.get(401)),
  dropped: await outcome(() => vps.servers.get(9, { maxRetries: 0 })),
  refused: await outcome(() => createVpsClient({ token, baseUrl: '${refusedUrl}', maxRetries: 0 }).servers.list()),
  badId: await outcome(() => vps.dnsZones.get('..')),
  badToken: await outcome(async () => createVpsClient({ token: 'not-a-token' })),
  aborted: await outcome(() => vps.servers.get(408, { signal: AbortSignal.abort() })),
};
console.log(JSON.stringify(results));
`;
}

const fault = (name: string, classes: string[], extra: object = {}) => ({ name, vpsError: true, classes, leaked: false, ...extra });

/** What the fault program prints on every runtime; `runtime` is the User-Agent's runtime name. */
export function expectedFaults(runtime: 'node' | 'bun' | 'deno'): object {
  return {
    ok: { resolved: 'web-1' },
    userAgent: { resolved: runtime },
    withResponse: { resolved: 200 },
    notFound: fault('NotFoundError', ['NotFoundError'], { status: 404, requestId: 'req-404' }),
    retried503: fault('InternalServerError', ['InternalServerError'], { status: 503 }),
    postNotRetried: fault('InternalServerError', ['InternalServerError'], { status: 503 }),
    timeout: fault('VpsTimeoutError', ['VpsTimeoutError']),
    redirect: fault('VpsRedirectError', ['VpsRedirectError'], { status: 302 }),
    html200: fault('VpsInvalidResponseError', ['VpsInvalidResponseError'], { status: 200 }),
    echoedToken: fault('AuthenticationError', ['AuthenticationError'], { status: 401, requestId: 'Bearer%20[redacted]' }),
    dropped: fault('VpsConnectionError', ['VpsConnectionError']),
    refused: fault('VpsConnectionError', ['VpsConnectionError']),
    badId: fault('VpsParameterError', ['VpsParameterError']),
    badToken: fault('VpsConfigError', ['VpsConfigError']),
    aborted: { name: 'AbortError', vpsError: false, classes: [], leaked: false },
  };
}

/** The same check from a CommonJS test file, for Jest: the mock's 404, and `instanceof` the classes it required. */
export const JEST_TEST = `
const { createVpsClient, NotFoundError, VpsApiError, VpsError } = require('@vps-org/client');

test('the client calls the mock and throws typed errors', async () => {
  const vps = createVpsClient({ token: 'vps_jest', baseUrl: process.env.VPS_BASE_URL });
  const page = await vps.servers.list();
  expect(Array.isArray(page.results)).toBe(true);
  const error = await vps.servers.get(12345, { headers: { Prefer: 'code=404' } }).catch((e) => e);
  expect(error).toBeInstanceOf(NotFoundError);
  expect(error).toBeInstanceOf(VpsApiError);
  expect(error).toBeInstanceOf(VpsError);
  expect(error.status).toBe(404);
  const { response } = await vps.servers.list().withResponse();
  expect(response.status).toBe(200);
});
`;

/** Asks the mock for a 404 and keeps its status in `notFound`, checking the classes of the error on the way. */
export const CATCH_404 = `
  let notFound = 0;
  try {
    await vps.servers.get(12345, { headers: { Prefer: 'code=404' } });
  } catch (error) {
    if (!(error instanceof NotFoundError) || !(error instanceof VpsError)) throw error;
    notFound = error.status;
  }`;

/** TypeScript that only compiles where the package's types are right for the setup (see the tsconfigs). */
export const TS_PROGRAM = `
import { createVpsClient, NotFoundError, VpsError, type ServerStatus } from '@vps-org/client';

async function main(): Promise<void> {
  // Under exactOptionalPropertyTypes, an option or a query field that may be undefined compiles.
  const vps = createVpsClient({ token: process.env.VPS_API_TOKEN ?? 'vps_ts', baseUrl: process.env.VPS_BASE_URL, userAgent: undefined });
  const maybe: ServerStatus | undefined = process.env.STATUS as ServerStatus | undefined;
  const page = await vps.servers.list({ status: maybe === 'active' ? maybe : undefined, page: undefined }, { timeoutMs: undefined });
${CATCH_404}
  const { requestId } = await vps.servers.get(1).withResponse();
  console.log(JSON.stringify({ count: page.count, notFound, requestId: typeof requestId }));
}
void main();
`;
