// The front: a node:http server of ours before Prism, in both modes. It answers what Prism cannot or should not
// (malformed JSON, deep nesting, huge bodies, headers Prism would crash on, malformed ids, tokens that are no
// tokens, the /_mock/ routes), turns Prism's own problem documents into the API's answers, adds the configured
// latency, and forwards the rest to Prism over keep-alive connections. Until Prism is ready (at start, or while it
// is restarted after a crash) every API request gets the documented 503 with Retry-After: nothing is ever sent to
// a port that is not Prism's.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { GENERIC } from '../routes.js';
import { bearerToken } from '../token.js';
import { Journal } from './journal.js';
import { parseJsonBody } from './json-guard.js';
import { acceptIsMalformed, unsupportedBody } from './media-types.js';
import { translateProblem } from './prism-problems.js';
import type { RouteMatch, Routes } from '../routes.js';
import type { BodyChecker } from '../stateful/body-check.js';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { PrismProblem } from './prism-problems.js';

export const MAX_BODY_BYTES = 1024 * 1024;
// Prism spends about a second of CPU on a body near the limit, so bodies this large are checked here first (Ajv on
// the spec's schemas takes microseconds): with the spec's bounds and closed bodies, none of them is valid, and Prism
// never sees them.
export const LARGE_BODY_BYTES = 64 * 1024;
// What is discarded of a refused body so that its client can finish sending and read the 413; past this, the
// connection is cut.
const MAX_DISCARDED_BYTES = 32 * 1024 * 1024;
// Idle keep-alive connections are left for the client to close: a server that closes one as the client reuses it
// resets that request, which a loaded CI machine makes likely with Node's 5 s default.
export const KEEP_ALIVE = { keepAliveTimeout: 65_000, headersTimeout: 70_000, requestTimeout: 120_000 };
// How long Prism may stay silent over one answer before the client is told the mock is unavailable. Only a hung
// Prism should meet it: it is a socket inactivity timer, so an event loop starved by a flood of large bodies on a
// loaded machine (the answer waiting, unread, in the socket) must not reach it first.
const UPSTREAM_TIMEOUT_MS = 110_000;
// What a 503 asks the client to wait, in seconds: Prism starts in a few.
export const RETRY_AFTER_S = 1;
export const HEALTH_PATH = '/_mock/health';
export const REQUESTS_PATH = '/_mock/requests';

export interface FrontOptions {
  /** The operation model of the spec Prism serves; without it (another spec than the bundle), only the checks that need no spec are made. */
  routes: Routes | undefined;
  /** Names the field of a body Prism refused, and refuses large bodies before Prism sees them. */
  checker: BodyChecker | undefined;
  /** Prism validates a fake's answers (stateful mode): any violation it reports is loud. */
  proxy: boolean;
  /** Answers the other `/_mock/...` routes. */
  local?: ((request: Request) => Promise<Response>) | undefined;
  /** Added before every answer. */
  latencyMs?: number;
  onViolation?: (report: { method: string, path: string, status: number, violations: unknown[] }) => void;
}

export type Answer = { status: number, body: unknown, headers?: Record<string, string> };

/** A request to a /_mock/ route, its body read. */
interface MockRouteCall {
  method: string;
  pathname: string;
  target: string;
  token: string | undefined;
  body: Buffer;
  req: IncomingMessage;
}

function sendJson(res: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Reads a body up to `limit` bytes; undefined when it is bigger (what came so far is dropped; the caller deals with
 * the rest).
 */
function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    let chunks: Buffer[] = [];
    let size = 0;
    const onData = (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        chunks = [];
        req.off('data', onData);
        resolve(undefined);
      } else chunks.push(chunk);
    };
    req.on('data', onData);
    req.once('end', () => resolve(Buffer.concat(chunks)));
    req.once('error', reject);
    // A client that goes away mid-body sends no 'end': settle, so that nothing waits on it forever.
    req.once('close', () => {
      if (!req.complete) reject(new Error('the client went away before the end of its body'));
    });
  });
}

const methodNotAllowed = (method: string, allowed: string[]): Answer => ({
  status: 405,
  body: { detail: `Method "${method}" not allowed.`, error_code: 'method_not_allowed', field: null },
  headers: { allow: allowed.join(', ') },
});

export function createFront({ routes, checker, proxy, local, latencyMs = 0, onViolation = () => {} }: FrontOptions) {
  /** Prism's address once it is ready; undefined while it starts or restarts. */
  let upstream: { host: string; port: number } | undefined;
  let agent = new Agent({ keepAlive: true, maxSockets: 64 });
  const journal = new Journal();

  /** The documented 503, with how long to wait. */
  const unavailable = (match: RouteMatch | undefined): Answer => ({
    status: 503,
    body: match && routes ? routes.errorBody(match.op ?? match.any, 503, GENERIC.unavailable) : GENERIC.unavailable,
    headers: { 'retry-after': String(RETRY_AFTER_S) },
  });

  const send = async (res: ServerResponse, { status, body, headers }: Answer) => {
    if (latencyMs > 0) await delay(latencyMs);
    sendJson(res, status, body, headers);
  };

  /**
   * Answers 413 and discards the rest of the body as it comes (never holding it), so that a client still sending
   * gets the answer rather than a reset connection; a body that goes on past MAX_DISCARDED_BYTES is cut off.
   */
  const tooLarge = (req: IncomingMessage, res: ServerResponse) => {
    let discarded = 0;
    req.on('data', (chunk: Buffer) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) req.destroy();
    });
    req.resume();
    return send(res, { status: 413, body: { detail: `Request body is larger than ${MAX_BODY_BYTES} bytes.`, error_code: 'request_too_large', field: null } });
  };

  /** The /_mock/ routes: health and the journal here, the rest (reset, state, server status) by the fake. */
  async function mockRoute(call: MockRouteCall): Promise<Answer | Response> {
    const { method, pathname, target, token, body, req } = call;
    if (pathname === HEALTH_PATH) {
      if (method !== 'GET' && method !== 'HEAD') return methodNotAllowed(method, ['GET', 'HEAD']);
      return upstream ? { status: 200, body: { status: 'ok', stateful: proxy } } : unavailable(undefined);
    }
    if (pathname === REQUESTS_PATH) {
      if (!['GET', 'HEAD', 'DELETE'].includes(method)) return methodNotAllowed(method, ['GET', 'HEAD', 'DELETE']);
      if (!token) return { status: 401, body: GENERIC.unauthorized };
      if (method === 'DELETE') {
        journal.clear(token);
        return { status: 204, body: undefined };
      }
      const results = journal.list(token);
      return { status: 200, body: { count: results.length, results } };
    }
    if (!local) return { status: 404, body: GENERIC.notFound };
    const headers: [string, string][] = [];
    for (let i = 0; i < req.rawHeaders.length; i += 2) headers.push([String(req.rawHeaders[i]), String(req.rawHeaders[i + 1])]);
    const withBody = body.length > 0 && method !== 'GET' && method !== 'HEAD';
    return local(new Request(`http://${req.headers.host ?? 'localhost'}${target}`, { method, headers, body: withBody ? new Uint8Array(body) : undefined }));
  }

  const server = createServer({ keepAlive: true, ...KEEP_ALIVE }, async (req, res) => {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const pathname = target.split('?')[0] ?? '/';
    const token = bearerToken(req.headers.authorization);
    let forwardedBody: Buffer = Buffer.alloc(0);
    if (token && !pathname.startsWith('/_mock/')) {
      res.once('finish', () => journal.record(token, { method, target, status: res.statusCode, body: forwardedBody }));
    }
    try {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return await tooLarge(req, res);
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!body) return await tooLarge(req, res);
      if (pathname.startsWith('/_mock/')) {
        const answer = await mockRoute({ method, pathname, target, token, body, req });
        if (answer instanceof Response) {
          res.writeHead(answer.status, Object.fromEntries(answer.headers));
          return res.end(Buffer.from(await answer.arrayBuffer()));
        }
        if (answer.body === undefined) return res.writeHead(answer.status, answer.headers).end();
        return await send(res, answer);
      }
      // HEAD is GET without the body (node:http drops it), as Django answers it.
      const asMethod = method === 'HEAD' ? 'GET' : method;
      const match = routes?.match(asMethod, pathname);
      if (!upstream) return await send(res, unavailable(match));
      // A path the spec does not have is the API's 404, answered here whatever its headers say.
      if (routes && !match) return await send(res, { status: 404, body: GENERIC.notFound });
      if (routes && match) {
        if (match.malformed) return await send(res, { status: 404, body: routes.errorBody(match.any, 404, GENERIC.notFound) });
        if (!match.op) return await send(res, methodNotAllowed(method, match.allowed));
        if (!token) return await send(res, { status: 401, body: routes.errorBody(match.op, 401, GENERIC.unauthorized) });
      } else if (req.headers.authorization !== undefined && !token) {
        return await send(res, { status: 401, body: GENERIC.unauthorized });
      }
      // An operation that takes no body ignores one, and its Content-Type, as the API does; only a body that will
      // be read is checked.
      const readsBody = !match?.op || Boolean(match.op.requestBody);
      const forwarded = readsBody ? body : Buffer.alloc(0);
      const contentType = readsBody ? req.headers['content-type'] : undefined;
      if (readsBody && (forwarded.length || contentType !== undefined)) {
        const refused = unsupportedBody(contentType);
        if (refused) return await send(res, { status: 415, body: refused });
      }
      if (forwarded.length) {
        const parsed = parseJsonBody(forwarded.toString('utf8'));
        if ('problem' in parsed) return await send(res, { status: 400, body: parsed.problem });
        if (forwarded.length > LARGE_BODY_BYTES && match?.op && checker) {
          const refused = checker.check(match.op, parsed.value);
          if (refused) return await send(res, { status: 400, body: refused });
        }
      }
      forwardedBody = forwarded;
      await forward(req, res, { method: asMethod, target, body: forwarded, contentType, match });
    } catch {
      // Prism went away mid-request (it is being restarted), or the client did: the documented 503.
      if (res.headersSent) res.destroy();
      else await send(res, unavailable(routes?.match(method === 'HEAD' ? 'GET' : method, pathname))).catch(() => res.destroy());
    }
  });

  async function forward(req: IncomingMessage, res: ServerResponse, { method, target, body, contentType, match }: {
      method: string; target: string; body: Buffer; contentType: string | undefined;
      match: RouteMatch | undefined;
    }) {
    const headers = { ...req.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    delete headers['content-type'];
    if (contentType !== undefined) headers['content-type'] = contentType;
    if (headers.accept !== undefined && acceptIsMalformed(headers.accept)) delete headers.accept;
    // A mock behind a CI service proxy keeps that proxy's public origin in its links.
    headers['x-forwarded-host'] = req.headers['x-forwarded-host'] ?? req.headers.host ?? 'localhost';
    headers['x-forwarded-proto'] = req.headers['x-forwarded-proto'] ?? 'http';
    headers['content-length'] = String(body.length);
    if (!body.length && (method === 'GET' || method === 'DELETE')) delete headers['content-length'];
    const sendUp = (): Promise<IncomingMessage> =>
      new Promise((resolve, reject) => {
        const to = upstream;
        if (!to) return reject(new Error('Prism is restarting'));
        headers.host = `${to.host}:${to.port}`;
        const up = httpRequest({ agent, host: to.host, port: to.port, method, path: target, headers, timeout: UPSTREAM_TIMEOUT_MS }, resolve);
        up.once('timeout', () => up.destroy(new Error(`Prism did not answer within ${UPSTREAM_TIMEOUT_MS} ms`)));
        up.once('error', (error) => reject(Object.assign(error, { reusedSocket: up.reusedSocket })));
        up.end(body);
      });
    // Prism closes an idle keep-alive connection after 5 s; one reused just as it did so is reset before Prism has
    // read the request, so sending it again (on a new connection) is safe, whatever the method.
    const upRes = await sendUp().catch((error: NodeJS.ErrnoException & { reusedSocket?: boolean }) => {
      if (error.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return sendUp();
      throw error;
    });
    const status = upRes.statusCode ?? 502;
    const type = String(upRes.headers['content-type'] ?? '');
    if (type.includes('application/problem+json')) {
      const text = Buffer.concat(await upRes.toArray()).toString('utf8');
      let problem: PrismProblem;
      try {
        problem = JSON.parse(text);
      } catch {
        problem = { detail: text };
      }
      const explain = () => {
        try {
          return match?.op && checker ? checker.check(match.op, JSON.parse(body.toString('utf8'))) : null;
        } catch {
          return null;
        }
      };
      const translated = translateProblem(problem, status, match, routes, explain);
      if (translated.violation) onViolation({ method, path: target, status, violations: translated.violation });
      const extra: Record<string, string> = {};
      if (upRes.headers['www-authenticate']) extra['www-authenticate'] = String(upRes.headers['www-authenticate']);
      if (upRes.headers['sl-violations']) extra['sl-violations'] = String(upRes.headers['sl-violations']);
      return send(res, { status: translated.status, body: translated.body, headers: extra });
    }
    // Without --errors semantics an answer could still carry findings about itself: in proxy mode any is a bug.
    if (proxy && upRes.headers['sl-violations']) {
      onViolation({ method, path: target, status, violations: JSON.parse(String(upRes.headers['sl-violations'])) as unknown[] });
    }
    // The whole answer is read before anything is sent, so that Prism dying mid-answer still gets the client a 503.
    const answer = Buffer.concat(await upRes.toArray());
    if (!upRes.complete) throw new Error('Prism went away mid-answer');
    if (latencyMs > 0) await delay(latencyMs);
    const out = { ...upRes.headers };
    delete out.connection;
    delete out['keep-alive'];
    delete out['transfer-encoding'];
    out['content-length'] = String(answer.length);
    res.writeHead(status, out);
    res.end(answer);
  }

  return {
    server,
    journal,
    /** Prism is ready at this address: API requests are forwarded there from now on. */
    ready(to: { host: string; port: number }) {
      upstream = to;
    },
    /** Prism is gone: answer 503 until ready() is called again, and drop the connections to the old Prism. */
    unready() {
      upstream = undefined;
      agent.destroy();
      agent = new Agent({ keepAlive: true, maxSockets: 64 });
    },
    /** Stops accepting, drops open connections (keep-alive ones included) and the connections to Prism. */
    close() {
      return new Promise((done) => {
        server.close(() => done(undefined));
        server.closeAllConnections();
        agent.destroy();
      });
    },
  };
}
