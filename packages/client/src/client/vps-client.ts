import createClient, { type Middleware } from 'openapi-fetch';
import { errorMiddleware } from '../errors/error-middleware.js';
import { resourceClasses } from '../generated/resources.js';
import type { paths } from '../generated/openapi.js';
import { REDACTED, redactor } from '../redaction/redact.js';
import type { ResourceCore, VpsHttp } from '../resources/core.js';
import { resourceExtensions } from '../resources/servers.js';
import { createRetryingFetch, type TransportPolicy } from '../retry/retrying-fetch.js';
import { callInit } from './call-init.js';
import { CLIENT_DEFAULTS, checkNumber, type VpsClientOptions } from './options.js';
import { assertToken } from './token.js';
import { userAgent } from './user-agent.js';

type ResourceClasses = typeof resourceClasses;
type ResourceExtensions = typeof resourceExtensions;
/** One property per tag of the spec: the generated class, or its hand-written subclass (`servers`). */
type Resources = {
  readonly [K in keyof ResourceClasses]: K extends keyof ResourceExtensions
    ? InstanceType<ResourceExtensions[K]>
    : InstanceType<ResourceClasses[K]>;
};

// The resource properties come from the generated map, so a new tag in the spec appears here without an edit.
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export interface VpsClient extends Resources {}

/**
 * A client of the VPS.org API. Holds no global state: make as many as you need (one per token, per test...).
 * The token lives in a private field and shows in no `util.inspect`, `JSON.stringify` or error message.
 */
// eslint-disable-next-line @typescript-eslint/no-unsafe-declaration-merging
export class VpsClient {
  /** The openapi-fetch client, with the same auth, retries, timeouts and typed errors as the resource methods. */
  readonly http: VpsHttp;
  readonly baseUrl: string;
  readonly #token: string;

  constructor(options: VpsClientOptions) {
    assertToken(options?.token);
    this.#token = options.token;
    const baseUrl = options.baseUrl ?? CLIENT_DEFAULTS.baseUrl;
    if (!/^https?:\/\//.test(baseUrl) || !URL.canParse(baseUrl)) {
      throw new TypeError('VpsClient: `baseUrl` must be an http(s) URL, e.g. https://admin.vps.org');
    }
    this.baseUrl = baseUrl.replace(/\/+$/, '');
    checkNumber('timeoutMs', options.timeoutMs, { min: 1, allowInfinity: true });
    checkNumber('maxRetries', options.maxRetries, { integer: true });
    checkNumber('retryDelayMs', options.retryDelayMs);
    checkNumber('maxRetryDelayMs', options.maxRetryDelayMs);
    checkNumber('maxRetryAfterMs', options.maxRetryAfterMs);
    const fetch = options.fetch ?? globalThis.fetch;
    if (typeof fetch !== 'function') throw new TypeError('VpsClient: no fetch available; pass `fetch`');

    const policy: TransportPolicy = {
      fetch,
      timeoutMs: options.timeoutMs ?? CLIENT_DEFAULTS.timeoutMs,
      maxRetries: options.maxRetries ?? CLIENT_DEFAULTS.maxRetries,
      retryDelayMs: options.retryDelayMs ?? CLIENT_DEFAULTS.retryDelayMs,
      maxRetryDelayMs: options.maxRetryDelayMs ?? CLIENT_DEFAULTS.maxRetryDelayMs,
      maxRetryAfterMs: options.maxRetryAfterMs ?? CLIENT_DEFAULTS.maxRetryAfterMs,
    };
    this.http = createClient<paths>({
      baseUrl: this.baseUrl,
      fetch: createRetryingFetch(policy),
      headers: { Accept: 'application/json', 'User-Agent': userAgent(options.userAgent) },
    });
    const auth: Middleware = {
      onRequest: ({ request }) => {
        request.headers.set('Authorization', `Bearer ${this.#token}`);
      },
    };
    this.http.use(auth, errorMiddleware(redactor(this.#token)));

    const core: ResourceCore = { http: this.http, init: (callOptions) => callInit(callOptions, policy) };
    const classes = { ...resourceClasses, ...resourceExtensions };
    for (const [name, Resource] of Object.entries(classes)) {
      Object.defineProperty(this, name, { value: new Resource(core), enumerable: true });
    }
  }

  /** What `util.inspect` (and so `console.log`) shows: never the token. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `VpsClient { baseUrl: '${this.baseUrl}', token: '${REDACTED}' }`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

/** Creates a client: `const vps = createVpsClient({ token: process.env.VPS_TOKEN! })`. */
export function createVpsClient(options: VpsClientOptions): VpsClient {
  return new VpsClient(options);
}
