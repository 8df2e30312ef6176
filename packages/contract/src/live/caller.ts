import { createVpsClient, VpsApiError, VpsInvalidResponseError, VpsRedirectError, type VpsHttp } from '@vps-org/client';
import { expandPath, type OperationModel } from '@vps-org/openapi';

/** One answer of the API, as the drift check needs it. */
export interface Answer {
  request: string;
  status: number;
  body: unknown;
  /** Undefined when the answer was not seen whole (the client keeps no headers of a redirect). */
  headers: Headers | undefined;
  /** A 2xx whose body is not JSON. */
  notJson?: boolean;
}

export type Call = (op: OperationModel, pathParams?: Record<string, unknown>, query?: Record<string, string>, body?: unknown) => Promise<Answer>;

/**
 * Calls operations through `@vps-org/client` (`vps.http`: its token handling, redaction and global dispatcher,
 * hence `HTTPS_PROXY` once the program installs undici's proxy agent), with retries off so that every answer the
 * API gives is the one checked. A recording `fetch` keeps each answer's headers, which the client's errors do not.
 */
export function createCaller(baseUrl: string, token: string): Call {
  let lastHeaders: Headers | undefined;
  const vps = createVpsClient({
    token,
    baseUrl,
    maxRetries: 0,
    fetch: async (request, init) => {
      const response = await fetch(request.url, init);
      lastHeaders = response.headers;
      return response;
    },
  });
  const http = vps.http as unknown as Record<string, (path: string, init: object) => Promise<{ data: unknown; response: Response }>>;
  return async (op, pathParams = {}, query = {}, body) => {
    const qs = new URLSearchParams(query).toString();
    const request = `${op.method.toUpperCase()} ${expandPath(op.path, pathParams)}${qs ? `?${qs}` : ''}`;
    lastHeaders = undefined;
    try {
      const { data, response } = await http[op.method.toUpperCase() as keyof VpsHttp]!(op.path, { params: { path: pathParams, query }, body });
      return { request, status: response.status, body: data, headers: response.headers };
    } catch (error) {
      if (error instanceof VpsApiError) return { request, status: error.status, body: error.body, headers: lastHeaders };
      if (error instanceof VpsInvalidResponseError) return { request, status: error.status, body: undefined, headers: lastHeaders, notJson: true };
      if (error instanceof VpsRedirectError) return { request, status: error.status, body: undefined, headers: undefined };
      throw error;
    }
  };
}
