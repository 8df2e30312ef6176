// The stateful fake's own /_mock/ routes (documented in src/mock-api.json): reset, the state as a seed, and a
// server's status set by hand, so that CI can reach states the API only reaches slowly or by accident.
import { json, noContent } from './answers.js';
import { detail, settle } from './servers.js';
import { exportAccount } from './state.js';
import type { Store } from './store.js';

const STATUSES = new Set(['active', 'provisioning', 'starting', 'stopping', 'rebooting', 'stopped', 'suspended']);

const notAllowed = (method: string, allowed: string[]) => {
  const response = json(405, { detail: `Method "${method}" not allowed.`, error_code: 'method_not_allowed', field: null });
  response.headers.set('allow', allowed.join(', '));
  return response;
};
const unauthorized = () => json(401, { detail: 'Authentication credentials were not provided.', error_code: 'not_authenticated', field: null });
const invalid = (field: string, detail: string) => json(400, { detail, error_code: 'validation_error', field });

export function mockRoutes(store: Store, clock: () => number): (request: Request, url: URL, token: string | undefined) => Promise<Response> {
  return async (request, url, token) => {
    const { method } = request;
    if (url.pathname === '/_mock/reset') {
      if (method !== 'POST') return notAllowed(method, ['POST']);
      // Emptying every account is asked for explicitly, never implied by a missing or malformed token.
      if (url.searchParams.get('all') === 'true') store.reset();
      else if (token) store.reset(token);
      else return unauthorized();
      return noContent();
    }
    if (url.pathname === '/_mock/state') {
      if (method !== 'GET' && method !== 'HEAD') return notAllowed(method, ['GET', 'HEAD']);
      if (!token) return unauthorized();
      return json(200, exportAccount(token, store.accounts.get(token), clock()));
    }
    const status = /^\/_mock\/servers\/([^/]+)\/status\/?$/.exec(url.pathname);
    if (status) {
      if (method !== 'POST') return notAllowed(method, ['POST']);
      if (!token) return unauthorized();
      const now = clock();
      const server = store.accounts.get(token)?.servers.get(Number(status[1]));
      if (!/^[1-9]\d*$/.test(status[1] ?? '') || !server) return json(404, { detail: 'Server not found.', error_code: 'not_found', field: null });
      settle(server, now);
      let body;
      try {
        body = JSON.parse(await request.text());
      } catch {
        return json(400, { detail: 'JSON parse error - the body is not JSON.', error_code: 'parse_error', field: null });
      }
      const keys = body && typeof body === 'object' && !Array.isArray(body) ? Object.keys(body) : [];
      if (keys.length !== 1 || (keys[0] !== 'status' && keys[0] !== 'transition')) {
        return invalid(keys.find((k) => k !== 'status' && k !== 'transition') ?? 'status', 'Send exactly one of "status" or "transition".');
      }
      if ('status' in body) {
        if (!STATUSES.has(body.status)) return invalid('status', `"${body.status}" is not a valid choice.`);
        server.status = body.status;
        server.pending = null;
      } else {
        if (body.transition !== 'finish' && body.transition !== 'fail') return invalid('transition', `"${body.transition}" is not a valid choice.`);
        if (!server.pending) return invalid('transition', `Server ${server.id} is ${server.status}, with no transition in progress.`);
        const pending = server.pending;
        server.pending = { ...pending, at: now, status: body.transition === 'finish' ? pending.status : pending.from };
        settle(server, now);
      }
      server.updated = now;
      return json(200, detail(server));
    }
    return json(404, { detail: 'Not found.', error_code: 'not_found', field: null });
  };
}
