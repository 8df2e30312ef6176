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

const LEVELS: Record<LogLevel, number> = { debug: 0, warn: 1, error: 2, off: 3 };

export function isLogLevel(value: unknown): value is LogLevel {
  return typeof value === 'string' && Object.hasOwn(LEVELS, value);
}

const errorText = (error: unknown) => (error instanceof Error ? `${error.name}: ${error.message}` : String(error));

/**
 * Reports the attempts of one call to the hooks of the client and of the call, and to the log. Made only when one of
 * them is set: a client without hooks or logging pays nothing for them.
 */
export class CallObserver {
  #started = 0;
  #headers: Record<string, string> = {};
  #attempt = 0;

  constructor(
    private readonly hooks: readonly Hooks[],
    private readonly log: { logger: Logger; level: number },
    private readonly method: string,
    private readonly url: string,
    private readonly redact: () => Redact,
  ) {}

  #event(): AttemptEvent {
    return { method: this.method, url: this.url, headers: { ...this.#headers }, attempt: this.#attempt };
  }

  /** Runs the `onRequest` hooks of attempt `attempt`; resolves with the headers to send, theirs added. */
  async request(attempt: number, headers: Record<string, string>): Promise<Record<string, string>> {
    this.#attempt = attempt;
    let sent = headers;
    for (const hook of this.hooks) {
      if (!hook.onRequest) continue;
      this.#headers = this.#redactHeaders(sent);
      const added = await hook.onRequest(this.#event());
      // The token is the client's to send: a hook adds headers, it does not replace the credentials.
      if (added) sent = { ...sent, ...Object.fromEntries(Object.entries(added).filter(([name]) => name.toLowerCase() !== 'authorization')) };
    }
    this.#headers = this.#redactHeaders(sent);
    this.#started = performance.now();
    return sent;
  }

  response(response: Response): void {
    const durationMs = performance.now() - this.#started;
    const requestId = response.headers.get('x-request-id') ?? undefined;
    const event: ResponseEvent = {
      ...this.#event(),
      status: response.status,
      durationMs,
      requestId: requestId === undefined ? undefined : this.redact()(requestId),
      responseHeaders: response.headers,
    };
    for (const hook of this.hooks) hook.onResponse?.(event);
    if (this.log.level <= LEVELS.debug) {
      this.log.logger.debug(`${this.#line()}: ${response.status} in ${Math.round(durationMs)} ms${event.requestId ? ` (request id ${event.requestId})` : ''}`);
    }
  }

  error(error: unknown, status: number | undefined, willRetry: boolean): void {
    const event: ErrorEvent = { ...this.#event(), error, status, durationMs: performance.now() - this.#started, willRetry };
    for (const hook of this.hooks) hook.onError?.(event);
    const text = `${this.#line()} failed: ${this.redact()(errorText(error))}${willRetry ? '; retrying' : ''}`;
    if (this.log.level <= LEVELS.warn) this.log.logger.warn(text);
    else if (!willRetry && this.log.level <= LEVELS.error) this.log.logger.error(text);
  }

  #line(): string {
    return `[vps-org-client] ${this.method} ${this.url} attempt ${this.#attempt}`;
  }

  #redactHeaders(headers: Record<string, string>): Record<string, string> {
    const redact = this.redact();
    return Object.fromEntries(
      Object.entries(headers).map(([name, value]) => [name, name.toLowerCase() === 'authorization' ? `Bearer ${REDACTED}` : redact(value)]),
    );
  }
}

/** The log settings of a client, checked by the caller. */
export function logSettings(level: LogLevel | undefined, logger: Logger | undefined): { logger: Logger; level: number } {
  return { logger: logger ?? console, level: LEVELS[level ?? 'off'] };
}
