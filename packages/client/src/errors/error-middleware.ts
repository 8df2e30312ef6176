import type { Middleware } from 'openapi-fetch';
import { createApiError, parseErrorBody } from './create-api-error.js';

/**
 * Turns every non-2xx answer into a typed VpsApiError, after retries (the transport has retried by then), so
 * `vps.http` throws the same errors as the resource methods. `redact` scrubs the token out of whatever the server
 * echoes back, before the text is kept on the error.
 */
export function errorMiddleware(redact: (text: string) => string): Middleware {
  return {
    async onResponse({ request, response }) {
      if (response.ok) return undefined;
      const requestId = response.headers.get('x-request-id') ?? response.headers.get('request-id');
      throw createApiError(response, {
        status: response.status,
        statusText: response.statusText,
        method: request.method,
        path: new URL(request.url).pathname,
        body: parseErrorBody(redact(await response.text())),
        requestId: requestId === null ? undefined : redact(requestId),
      });
    },
  };
}
