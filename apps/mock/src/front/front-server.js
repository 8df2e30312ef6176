// The front: a node:http server of ours before Prism, in both modes. It answers what Prism cannot or should not
// (malformed JSON, deep nesting, huge bodies, malformed ids, the fake's reset), turns Prism's own problem documents
// into the API's answers, adds the configured latency, and forwards the rest to Prism over keep-alive connections.
import { Agent, createServer, request as httpRequest } from 'node:http';
import { setTimeout as delay } from 'node:timers/promises';
import { GENERIC } from '../routes.js';
import { jsonBodyProblem } from './json-guard.js';
import { translateProblem } from './prism-problems.js';

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
// How long Prism may take over one answer before the client is told the mock is unavailable.
const UPSTREAM_TIMEOUT_MS = 30_000;

/**
 * @typedef {object} FrontOptions
 * @property {import('../routes.js').Routes | undefined} routes The operation model of the spec Prism serves; without
 *   it (another spec than the bundle), only the checks that need no spec are made.
 * @property {import('../stateful/body-check.js').BodyChecker | undefined} checker Names the field of a body Prism
 *   refused, and refuses large bodies before Prism sees them.
 * @property {{ host: string, port: number }} upstream Where Prism listens.
 * @property {boolean} proxy Prism validates a fake's answers (stateful mode): any violation it reports is loud.
 * @property {((request: Request) => Promise<Response>) | undefined} [local] Answers `/_mock/...` in this process.
 * @property {number} [latencyMs] Added before every answer.
 * @property {(report: { method: string, path: string, status: number, violations: unknown[] }) => void} [onViolation]
 */

/** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
function sendJson(res, status, body, headers = {}) {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers });
  res.end(text);
}

/**
 * Reads a body up to `limit` bytes; undefined when it is bigger (what came so far is dropped; the caller deals with
 * the rest).
 * @param {import('node:http').IncomingMessage} req
 * @param {number} limit
 * @returns {Promise<Buffer | undefined>}
 */
function readBody(req, limit) {
  return new Promise((resolve, reject) => {
    /** @type {Buffer[]} */
    let chunks = [];
    let size = 0;
    const onData = (/** @type {Buffer} */ chunk) => {
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

/** @param {FrontOptions} options */
export function createFront({ routes, checker, upstream, proxy, local, latencyMs = 0, onViolation = () => {} }) {
  const agent = new Agent({ keepAlive: true, maxSockets: 64 });
  /** @param {import('node:http').ServerResponse} res @param {number} status @param {unknown} body @param {Record<string, string>} [headers] */
  const answer = async (res, status, body, headers) => {
    if (latencyMs > 0) await delay(latencyMs);
    sendJson(res, status, body, headers);
  };

  /**
   * Answers 413 and discards the rest of the body as it comes (never holding it), so that a client still sending
   * gets the answer rather than a reset connection; a body that goes on past MAX_DISCARDED_BYTES is cut off.
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   */
  const tooLarge = (req, res) => {
    let discarded = 0;
    req.on('data', (/** @type {Buffer} */ chunk) => {
      discarded += chunk.length;
      if (discarded > MAX_DISCARDED_BYTES) req.destroy();
    });
    req.resume();
    return answer(res, 413, { detail: `Request body is larger than ${MAX_BODY_BYTES} bytes.`, error_code: 'request_too_large', field: null });
  };

  const server = createServer({ keepAlive: true, ...KEEP_ALIVE }, async (req, res) => {
    const method = req.method ?? 'GET';
    const target = req.url ?? '/';
    const pathname = target.split('?')[0] ?? '/';
    try {
      if (Number(req.headers['content-length'] ?? 0) > MAX_BODY_BYTES) return await tooLarge(req, res);
      const body = await readBody(req, MAX_BODY_BYTES);
      if (!body) return await tooLarge(req, res);

      if (local && pathname.startsWith('/_mock/')) {
        const headers = /** @type {Record<string, string>} */ ({ ...req.headers });
        const response = await local(new Request(`http://${req.headers.host ?? 'localhost'}${target}`, { method, headers }));
        res.writeHead(response.status, Object.fromEntries(response.headers));
        return res.end(Buffer.from(await response.arrayBuffer()));
      }

      const match = routes?.match(method, pathname);
      if (routes && match?.malformed) return await answer(res, 404, routes.errorBody(match.any, 404, GENERIC.notFound));
      // An operation that takes no body ignores one, as the API does; only a body that will be read is checked.
      const forwarded = match?.op && !match.op.requestBody ? Buffer.alloc(0) : body;
      if (forwarded.length) {
        const text = forwarded.toString('utf8');
        const problem = jsonBodyProblem(text);
        if (problem) return await answer(res, 400, problem);
        if (forwarded.length > LARGE_BODY_BYTES && match?.op && checker) {
          const refused = checker.check(match.op, JSON.parse(text));
          if (refused) return await answer(res, 400, refused);
        }
      }
      await forward(req, res, { method, target, body: forwarded, match });
    } catch (error) {
      if (!res.headersSent) sendJson(res, 503, { detail: `The mock could not answer: ${/** @type {Error} */ (error).message}`, error_code: 'unavailable', field: null });
      else res.destroy();
    }
  });

  /**
   * @param {import('node:http').IncomingMessage} req
   * @param {import('node:http').ServerResponse} res
   * @param {{ method: string, target: string, body: Buffer, match: import('../routes.js').RouteMatch | undefined }} call
   */
  async function forward(req, res, { method, target, body, match }) {
    const headers = { ...req.headers };
    delete headers['transfer-encoding'];
    delete headers.connection;
    headers.host = `${upstream.host}:${upstream.port}`;
    headers['x-forwarded-host'] = req.headers.host ?? `${upstream.host}:${upstream.port}`;
    headers['x-forwarded-proto'] = 'http';
    headers['content-length'] = String(body.length);
    if (!body.length && (method === 'GET' || method === 'HEAD' || method === 'DELETE')) delete headers['content-length'];

    /** @returns {Promise<import('node:http').IncomingMessage>} */
    const send = () =>
      new Promise((resolve, reject) => {
        const up = httpRequest({ agent, host: upstream.host, port: upstream.port, method, path: target, headers, timeout: UPSTREAM_TIMEOUT_MS }, resolve);
        up.once('timeout', () => up.destroy(new Error(`Prism did not answer within ${UPSTREAM_TIMEOUT_MS} ms`)));
        up.once('error', (error) => reject(Object.assign(error, { reusedSocket: up.reusedSocket })));
        up.end(body);
      });
    // Prism closes an idle keep-alive connection after 5 s; one reused just as it did so is reset before Prism has
    // read the request, so sending it again (on a new connection) is safe, whatever the method.
    const upRes = await send().catch((/** @type {NodeJS.ErrnoException & { reusedSocket?: boolean }} */ error) => {
      if (error.reusedSocket && (error.code === 'ECONNRESET' || error.code === 'EPIPE')) return send();
      throw error;
    });
    const status = upRes.statusCode ?? 502;
    const type = String(upRes.headers['content-type'] ?? '');
    if (type.includes('application/problem+json')) {
      const text = Buffer.concat(await upRes.toArray()).toString('utf8');
      /** @type {import('./prism-problems.js').PrismProblem} */
      let problem;
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
      /** @type {Record<string, string>} */
      const extra = {};
      if (upRes.headers['www-authenticate']) extra['www-authenticate'] = String(upRes.headers['www-authenticate']);
      if (upRes.headers['sl-violations']) extra['sl-violations'] = String(upRes.headers['sl-violations']);
      return answer(res, translated.status, translated.body, extra);
    }
    // Without --errors semantics an answer could still carry findings about itself: in proxy mode any is a bug.
    if (proxy && upRes.headers['sl-violations']) {
      onViolation({ method, path: target, status, violations: JSON.parse(String(upRes.headers['sl-violations'])) });
    }
    if (latencyMs > 0) await delay(latencyMs);
    const out = { ...upRes.headers };
    delete out.connection;
    delete out['keep-alive'];
    res.writeHead(status, out);
    upRes.pipe(res);
  }

  return {
    server,
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
