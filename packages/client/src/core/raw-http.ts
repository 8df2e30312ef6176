import type { Client } from 'openapi-fetch';
import type { paths } from '../generated/openapi.js';
import type { RequestOptions } from './options.js';
import { integerParam, stringParam } from './path-params.js';
import type { Query, Transport } from './transport.js';

/**
 * `vps.http`: raw access by path, typed by the spec's paths with openapi-fetch's types
 * (`vps.http.GET('/api/v1/servers/{server_id}/', { params: { path: { server_id: 1 } } })`), sent through the
 * client's transport (auth, retries, timeouts, typed errors). It resolves with `{ data, response }`; errors throw.
 */
export type VpsHttp = Pick<Client<paths>, 'GET' | 'PUT' | 'POST' | 'DELETE' | 'PATCH'>;

interface HttpInit extends RequestOptions {
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
    async (path: string, init: HttpInit = {}) =>
      transport.send(name, fillPath(path, init.params?.path), init, init.body, init.params?.query, true);
  return { GET: method('GET'), PUT: method('PUT'), POST: method('POST'), DELETE: method('DELETE'), PATCH: method('PATCH') } as unknown as VpsHttp;
}
