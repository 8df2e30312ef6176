import { retryAfterMs } from '../retry/retry-after.js';
import {
  AuthenticationError,
  BadRequestError,
  InternalServerError,
  NotFoundError,
  PaymentRequiredError,
  PermissionDeniedError,
  RateLimitError,
  VpsApiError,
  type VpsApiErrorInit,
} from './api-errors.js';

const BY_STATUS: Record<number, typeof VpsApiError> = {
  400: BadRequestError,
  401: AuthenticationError,
  402: PaymentRequiredError,
  403: PermissionDeniedError,
  404: NotFoundError,
};

/** The body as received: JSON when it parses, else the raw text, else undefined when empty. */
export function parseErrorBody(text: string): unknown {
  if (text === '') return undefined;
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}

/** The error for an error response, chosen by its status alone (never by what the body holds). */
export function createApiError(response: Response, init: VpsApiErrorInit): VpsApiError {
  if (init.status === 429) {
    const ms = retryAfterMs(response.headers.get('retry-after'));
    return new RateLimitError({ ...init, retryAfter: ms === undefined ? undefined : Math.ceil(ms / 1000) });
  }
  if (init.status >= 500 && init.status <= 599) return new InternalServerError(init);
  const ErrorClass = BY_STATUS[init.status] ?? VpsApiError;
  return new ErrorClass(init);
}
