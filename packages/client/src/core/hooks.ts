import { REDACTED, type Redact } from './redact.js';

/** What a hook sees of one attempt. Nothing here holds the token: `Authorization` reads `Bearer [redacted]`. */
export interface AttemptEvent {
  method: string;
  /** The whole URL, query included. */
  url: string;
  /** The request headers of this attempt, the token redacted. */
  headers: Record<string, string>;
  /** 1 for the first attempt, 2 for the first retry... */
  attempt: number;
}

/** An answer, whatever its status (an error status is also an `onError`). */
export interface ResponseEvent extends AttemptEvent {
  status: number;
  /** From sending to the end of the body, in ms. */
  durationMs: number;
  /** The `X-Request-Id` response header, if sent. */
  requestId: string | undefined;
  /** The answer's headers (its body has been read). */
  responseHeaders: Headers;
}

/** An attempt that failed: no answer, a timeout, an error status or a body that is not JSON. */
export interface ErrorEvent extends AttemptEvent {
  /** What the call throws if this attempt is its last: a `VpsError` (token redacted), or your signal's reason. */
  error: unknown;
  /** The status, when there was an answer. */
  status: number | undefined;
  durationMs: number;
  /** Whether the client will try again. */
  willRetry: boolean;
}

/** Called before each attempt; the headers it returns are added to that attempt (tracing, a request id of yours). */
export type OnRequest = (event: AttemptEvent) => void | Record<string, string> | Promise<void | Record<string, string>>;
export type OnResponse = (event: ResponseEvent) => void;
export type OnError = (event: ErrorEvent) => void;

export interface Hooks {
  onRequest?: OnRequest | undefined;
  onResponse?: OnResponse | undefined;
  onError?: OnError | undefined;
}

/** Where log lines go: `console` by default, or any logger with these methods (pino, winston...). */
export interface Logger {
  debug(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

/** `debug`: one line per attempt; `warn`: each attempt that fails; `error`: each call that fails; `off`. */
export type LogLevel = 'debug' | 'warn' | 'error' | 'off';

/** What each level logs, by rank: `debug` 0 logs everything, `off` 3 nothing. */
export const LOG_LEVELS: Record<LogLevel, number> = { debug: 0, warn: 1, error: 2, off: 3 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LOG_LEVELS, value);
}

type HeaderMap = Record<string, string>;

const isAuthorization = (name: string) => name.toLowerCase() === 'authorization';

/**
 * Reports the attempts of one call to the hooks (the client's, then the call's) and to the log. Made only when a
 * hook, logging or a token provider is set: a client without them pays nothing for them at run time. A class with
 * `#` fields: one object per call (hooks are on every attempt of a program that sets them), and names that minify.
 */
export class CallObserver {
  #started = 0;
  #attempt = 0;
  /** The headers as hooks see them: the token as `Bearer [redacted]`, anything else that echoes it redacted. */
  #seen: HeaderMap = {};
  readonly #hooks: readonly Hooks[];
  readonly #level: number;
  readonly #logger: Logger;
  readonly #method: string;
  readonly #url: string;
  readonly #redact: Redact;

  constructor(hooks: readonly Hooks[], level: number, logger: Logger, method: string, url: string, redact: Redact) {
    this.#hooks = hooks;
    this.#level = level;
    this.#logger = logger;
    this.#method = method;
    this.#url = url;
    this.#redact = redact;
  }

  /** Runs the `onRequest` hooks of attempt `attempt`; resolves with the headers to send, theirs added. */
  async request(attempt: number, sent: HeaderMap): Promise<HeaderMap> {
    this.#attempt = attempt;
    for (const hook of this.#hooks) {
      if (!hook.onRequest) continue;
      this.#view(sent);
      const added = await hook.onRequest(this.#event());
      // The token is the client's to send: a hook adds headers, it does not replace the credentials.
      if (added) sent = { ...sent, ...Object.fromEntries(Object.entries(added).filter(([name]) => !isAuthorization(name))) };
    }
    this.#view(sent);
    this.#started = performance.now();
    return sent;
  }

  response({ status, headers: responseHeaders }: Response): void {
    const id = responseHeaders.get('x-request-id');
    const answer = this.#event<ResponseEvent>({ status, durationMs: performance.now() - this.#started, requestId: id === null ? undefined : this.#redact(id), responseHeaders });
    for (const hook of this.#hooks) hook.onResponse?.(answer);
    if (!this.#level) this.#logger.debug(this.#line(`: ${status} in ${Math.round(answer.durationMs)} ms${answer.requestId ? ` (request id ${answer.requestId})` : ''}`));
  }

  error(error: unknown, status: number | undefined, willRetry: boolean): void {
    const failure = this.#event<ErrorEvent>({ error, status, durationMs: performance.now() - this.#started, willRetry });
    for (const hook of this.#hooks) hook.onError?.(failure);
    const text = this.#line(` failed: ${this.#redact(String(error))}${willRetry ? '; retrying' : ''}`);
    if (this.#level < 2) this.#logger.warn(text);
    else if (!willRetry && this.#level < 3) this.#logger.error(text);
  }

  #view(headers: HeaderMap): void {
    this.#seen = Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, isAuthorization(name) ? `Bearer ${REDACTED}` : this.#redact(value)]));
  }

  #event<E extends AttemptEvent>(more?: Omit<E, keyof AttemptEvent>): E {
    return { method: this.#method, url: this.#url, headers: { ...this.#seen }, attempt: this.#attempt, ...more } as E;
  }

  #line(outcome: string): string {
    return `[vps-org-client] ${this.#method} ${this.#url} attempt ${this.#attempt}${outcome}`;
  }
}
