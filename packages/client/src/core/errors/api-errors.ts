import { brand, VpsRequestError } from './vps-error.js';

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
  /** Seconds a `Retry-After` header asked to wait. */
  retryAfter?: number | undefined;
}

const text = (value: unknown) => (typeof value === 'string' ? value : undefined);

/**
 * The API answered with an error status. The subclass says which one; a status with no subclass of its own (408,
 * 409, 422...) is a plain VpsApiError. The class comes from the status alone, so an empty or HTML body still gets it.
 */
export class VpsApiError extends VpsRequestError {
  static {
    brand(this, 'VpsApiError');
  }
  declare readonly status: number;
  /** The error body's `detail`: a human-readable message. */
  declare readonly detail: string | undefined;
  /** The error body's `error_code`, e.g. `validation_error`. */
  declare readonly errorCode: string | undefined;
  /** The error body's `field`: the request field the error is about. */
  declare readonly field: string | undefined;
  /** The `X-Request-Id` response header, to quote to support. */
  declare readonly requestId: string | undefined;
  /** The body as received: parsed JSON, else the raw text, else undefined. */
  declare readonly body: unknown;

  constructor(init: VpsApiErrorInit) {
    const fields = (typeof init.body === 'object' && init.body !== null ? init.body : {}) as Record<string, unknown>;
    const detail = text(fields.detail);
    const errorCode = text(fields.error_code);
    const field = text(fields.field);
    const code = [errorCode, field && `field: ${field}`].filter(Boolean).join(', ');
    super(
      `${init.status}${init.statusText ? ` ${init.statusText}` : ''}${detail ? `: ${detail}` : ''}${code ? ` [${code}]` : ''}` +
        ` (${init.method} ${init.path})`,
      init,
    );
    this.status = init.status;
    this.detail = detail;
    this.errorCode = errorCode;
    this.field = field;
    this.requestId = init.requestId;
    this.body = init.body;
  }
}

/** 400: invalid parameters; `field` names the one to fix. */
export class BadRequestError extends VpsApiError {
  static {
    brand(this, 'BadRequestError');
  }
}

/** 401: the token is invalid, expired or missing. */
export class AuthenticationError extends VpsApiError {
  static {
    brand(this, 'AuthenticationError');
  }
}

/** 402: the account balance is insufficient (server creation). */
export class PaymentRequiredError extends VpsApiError {
  static {
    brand(this, 'PaymentRequiredError');
  }
}

/** 403: the token lacks the permission the operation needs (e.g. `dns:create`). */
export class PermissionDeniedError extends VpsApiError {
  static {
    brand(this, 'PermissionDeniedError');
  }
}

/** 404: the server, zone or record does not exist, or is not yours. */
export class NotFoundError extends VpsApiError {
  static {
    brand(this, 'NotFoundError');
  }
}

/** 429: too many requests. Retried for GET, PUT and DELETE first, unless `Retry-After` asks for more than the cap. */
export class RateLimitError extends VpsApiError {
  static {
    brand(this, 'RateLimitError');
  }
  /** Seconds the `Retry-After` header asked to wait (from seconds or an HTTP date), if it was sent. */
  declare readonly retryAfter: number | undefined;

  constructor(init: VpsApiErrorInit) {
    super(init);
    this.retryAfter = init.retryAfter;
  }
}

/** Any 5xx: the API or a proxy in front of it failed. 502, 503 and 504 are retried for GET, PUT and DELETE first. */
export class InternalServerError extends VpsApiError {
  static {
    brand(this, 'InternalServerError');
  }
}

const BY_STATUS: Record<number, typeof VpsApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
  429: RateLimitError,
};

/** The error for an error response, chosen by its status alone (never by what the body holds). */
export function apiError(init: VpsApiErrorInit): VpsApiError {
  const ErrorClass = init.status >= 500 && init.status <= 599 ? InternalServerError : (BY_STATUS[init.status] ?? VpsApiError);
  return new ErrorClass(init);
}
