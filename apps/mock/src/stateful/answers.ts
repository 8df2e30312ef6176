import type { Account } from './store.js';
import type { OperationModel } from '@vps-org/openapi';
// Building the fake's answers: JSON bodies, 204s, and the API's error body `{detail, error_code, field}`.

export function json(status: number, body: unknown) {
  return new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
}

export function noContent() {
  return new Response(null, { status: 204 });
}

export const iso = (ms: number) => new Date(ms).toISOString();

/** What the operations of the fake get: the caller's account, the request, and the clock. */
export interface Call {
  account: Account;
  op: OperationModel;
  params: Record<string, string>;
  url: URL;
  body: unknown;
  now: number;
  /** A server id never given before in this fake's life, across tokens and resets. */
  nextServerId: () => number;
}

/** Answers an error of the operation with a status it documents. */
export type Fail = (status: number, body: { detail: string, error_code?: string, field?: string | null }) => Response;

/** A query filter's value; an empty one filters nothing, as django-filter ignores it. */
export function filterValue(url: URL, name: string) {
  return url.searchParams.get(name) || null;
}
