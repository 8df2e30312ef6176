import type { FetchResponse, ParamsOption, RequestBodyOption } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import type { RequestOptions } from './options.js';
import { integerParam, stringParam } from './path-params.js';
import type { Query, ResponseSink, Transport } from './transport.js';

type Method = 'get' | 'put' | 'post' | 'delete' | 'patch';

/** The operation of `path` for `method`, or never when the path has none. */
type Operation<Path extends keyof paths, M extends Method> = Exclude<paths[Path][M], undefined>;

/** The paths of the spec that have an operation for `method`. */
export type PathsWith<M extends Method> = { [Path in keyof paths]: [Operation<Path, M>] extends [never] ? never : Path }[keyof paths];

/**
 * What a `vps.http` call takes: the operation's `params` and `body` (openapi-fetch's shapes), and the client's own
 * request options. Nothing else compiles: openapi-fetch's `fetch`, `baseUrl`, `parseAs` or middleware are not
 * honoured here, so they are not accepted.
 */
export type HttpInit<Op> = RequestOptions & ParamsOption<Op> & RequestBodyOption<Op>;

/** The body of the operation's success answer; errors are thrown as typed errors, so a resolved call succeeded. */
export type HttpData<Op extends Record<string | number, unknown>> = NonNullable<Extract<FetchResponse<Op, object, 'application/json'>, { error?: never }>['data']> | undefined;

type HttpMethod<M extends Method> = <Path extends PathsWith<M>>(
  path: Path,
  ...init: Record<never, never> extends HttpInit<Operation<Path, M>> ? [init?: HttpInit<Operation<Path, M>>] : [init: HttpInit<Operation<Path, M>>]
) => Promise<{ data: HttpData<Operation<Path, M>>; response: Response }>;

/**
 * `vps.http`: raw access by path, typed by the spec's paths with openapi-fetch's types
 * (`vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 1 } } })`), sent through the
 * client's transport (auth, retries, timeouts, hooks, typed errors). It resolves with `{ data, response }`; errors throw.
 */
export interface VpsHttp {
  GET: HttpMethod<'get'>;
  PUT: HttpMethod<'put'>;
  POST: HttpMethod<'post'>;
  DELETE: HttpMethod<'delete'>;
  PATCH: HttpMethod<'patch'>;
}

interface AnyInit extends RequestOptions {
  params?: { path?: Record<string, unknown>; query?: Query };
  body?: unknown;
}

/** The path with its `{name}` placeholders filled, each value checked like the resource methods check theirs. */
function fillPath(template: string, values: Record<string, unknown> = {}): string {
  return template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    typeof values[name] === 'number' ? integerParam(values[name], name) : stringParam(values[name], name),
  );
}

export function createHttp(transport: Transport): VpsHttp {
  const method =
    (name: string) =>
    async (path: string, init: AnyInit = {}) => {
      const sink: ResponseSink = {};
      const data = await transport.send(name, () => fillPath(path, init.params?.path), init, init.body, init.params?.query, sink);
      return { data, response: sink.response };
    };
  return { GET: method('GET'), PUT: method('PUT'), POST: method('POST'), DELETE: method('DELETE'), PATCH: method('PATCH') } as unknown as VpsHttp;
}
