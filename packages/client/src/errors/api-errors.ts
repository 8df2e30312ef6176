/** What an API error is built from: the request, the status and the body as received (already redacted). */
export interface VpsApiErrorInit {
  status: number;
  statusText?: string;
  method: string;
  /** The request's path, e.g. `/api/v1/servers/42/`. */
  path: string;
  /** The body: parsed JSON, else the raw text (an HTML error page), else undefined when empty. */
  body: unknown;
  requestId?: string | undefined;
}

/** `detail`, `error_code` and `field` of the API's error body (ApiErrorBody), when the body has that shape. */
function errorBodyFields(body: unknown): { detail?: string; errorCode?: string; field?: string } {
  if (typeof body !== 'object' || body === null) return {};
  const { detail, error_code, field } = body as Record<string, unknown>;
  return {
    ...(typeof detail === 'string' && { detail }),
    ...(typeof error_code === 'string' && { errorCode: error_code }),
    ...(typeof field === 'string' && { field }),
  };
}

function describe(init: VpsApiErrorInit, fields: ReturnType<typeof errorBodyFields>): string {
  const status = `${init.status}${init.statusText ? ` ${init.statusText}` : ''}`;
  const code = [fields.errorCode, fields.field && `field: ${fields.field}`].filter(Boolean).join(', ');
  return `${status}${fields.detail ? `: ${fields.detail}` : ''}${code ? ` [${code}]` : ''} (${init.method} ${init.path})`;
}

/**
 * The API answered with an error status. The subclass says which one; a status with no subclass of its own (409,
 * 422...) is a plain VpsApiError. The class comes from the status alone, so an empty or HTML body still gets it.
 */
export class VpsApiError extends Error {
  override name = 'VpsApiError';
  readonly status: number;
  /** The error body's `detail`: a human-readable message. */
  readonly detail: string | undefined;
  /** The error body's `error_code`, e.g. `validation_error`. */
  readonly errorCode: string | undefined;
  /** The error body's `field`: the request field the error is about. */
  readonly field: string | undefined;
  readonly method: string;
  readonly path: string;
  /** The `X-Request-Id` response header, to quote to support. */
  readonly requestId: string | undefined;
  /** The body as received: parsed JSON, else the raw text, else undefined. */
  readonly body: unknown;

  constructor(init: VpsApiErrorInit) {
    const fields = errorBodyFields(init.body);
    super(describe(init, fields));
    this.status = init.status;
    this.detail = fields.detail;
    this.errorCode = fields.errorCode;
    this.field = fields.field;
    this.method = init.method;
    this.path = init.path;
    this.requestId = init.requestId;
    this.body = init.body;
  }
}

/** 400: invalid parameters; `field` names the one to fix. */
export class BadRequestError extends VpsApiError {
  override name = 'BadRequestError';
}

/** 401: the token is invalid, expired or missing. */
export class AuthenticationError extends VpsApiError {
  override name = 'AuthenticationError';
}

/** 402: the account balance is insufficient (server creation). */
export class PaymentRequiredError extends VpsApiError {
  override name = 'PaymentRequiredError';
}

/** 403: the token lacks the permission the operation needs (e.g. `dns:create`). */
export class PermissionDeniedError extends VpsApiError {
  override name = 'PermissionDeniedError';
}

/** 404: the server, zone or record does not exist, or is not yours. */
export class NotFoundError extends VpsApiError {
  override name = 'NotFoundError';
}

/** 429: too many requests. Retried for GET, PUT and DELETE before it is thrown. */
export class RateLimitError extends VpsApiError {
  override name = 'RateLimitError';
  /** Seconds the `Retry-After` header asked to wait (from seconds or an HTTP date), if it was sent. */
  readonly retryAfter: number | undefined;

  constructor(init: VpsApiErrorInit & { retryAfter?: number | undefined }) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** Any 5xx: the API or a proxy in front of it failed. 502, 503 and 504 are retried for GET, PUT and DELETE first. */
export class InternalServerError extends VpsApiError {
  override name = 'InternalServerError';
}
