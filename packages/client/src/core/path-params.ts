import { VpsParameterError } from './errors/vps-error.js';

/** An integer id (`server_id`): a safe integer of at least `min`, so no dot segment or empty segment can be sent. */
export function integerParam(value: unknown, name: string, min = Number.MIN_SAFE_INTEGER): string {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= min) return String(value);
  throw new VpsParameterError(name, `an integer${min > Number.MIN_SAFE_INTEGER ? ` >= ${min}` : ''}`, value);
}

/**
 * A string id (`uuid`): it must match the spec's `pattern` when it has one, and may never be empty, `.` or `..`
 * (a URL parser would resolve those to the parent path); the rest is percent-encoded.
 */
export function stringParam(value: unknown, name: string, pattern?: RegExp): string {
  if (typeof value === 'string' && value !== '' && value !== '.' && value !== '..' && (!pattern || pattern.test(value))) {
    return encodeURIComponent(value);
  }
  throw new VpsParameterError(name, `a non-empty string other than "." and ".."${pattern ? ` matching ${pattern.source}` : ''}`, value);
}
