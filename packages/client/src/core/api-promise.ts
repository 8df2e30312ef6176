import type { RequestOptions } from './options.js';
import type { Query, ResponseSink, Transport } from './transport.js';

/** A resource method's answer with its response: `await vps.servers.get(1).withResponse()`. */
export interface WithResponse<T> {
  data: T;
  /** The answer (its body has been read into `data`): headers, status. */
  response: Response;
  /** The `X-Request-Id` response header, to quote to support. */
  requestId: string | undefined;
}

/** What every resource method returns: a promise of the body, and of the whole answer through `.withResponse()`. */
export interface VpsPromise<T> extends Promise<T> {
  withResponse(): Promise<WithResponse<T>>;
}

/**
 * Sends one operation's request (see `Transport.send`), as a promise of its body that can also give the response.
 * A plain promise with one method added, not a subclass: every `then` of it stays as cheap as a native promise's.
 */
export function request<T>(
  transport: Transport,
  method: string,
  path: string | (() => string),
  options?: RequestOptions,
  body?: unknown,
  query?: Query,
): VpsPromise<T> {
  const sink: ResponseSink = {};
  const promise = transport.send(method, path, options, body, query, sink) as VpsPromise<T>;
  promise.withResponse = () =>
    promise.then((data) => {
      const response = sink.response as Response;
      return { data, response, requestId: transport.redact(response.headers.get('x-request-id') ?? undefined) };
    });
  return promise;
}

/**
 * Methods of a resource as plain promise-returning functions: what `waitForServer` and `listAllServers` need of a
 * client, so that a stand-in of your own (a test double) need not have `withResponse()`.
 */
export type PlainMethods<T, K extends keyof T> = {
  readonly [M in K]: T[M] extends (...args: infer A) => Promise<infer R> ? (...args: A) => Promise<R> : never;
};
