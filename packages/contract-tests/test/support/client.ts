// Clients of the one mock the global setup started, sending through a recording fetch.
import * as client from '@vps-org/client';
import { createVpsClient, type VpsClient, type VpsClientOptions } from '@vps-org/client';
import { inject } from 'vitest';
import type { Recorder } from './recorder.js';

/** Any `vps_` token: the mock checks the bearer scheme, not the token. */
export const TOKEN = 'vps_contract_tests_0123456789';

export function mockUrl(): string {
  const url = inject('mockUrl');
  if (!url) throw new Error('no mockUrl provided: is test/global-setup.ts in the vitest config?');
  return url;
}

/**
 * A client of the mock whose every request goes through `recorder` under `channel`. `rewrite` changes the request
 * the client built before it is recorded and sent (e.g. to drop a header), so what is recorded is what reached the mock.
 */
export function recordingClient(
  recorder: Recorder,
  channel: string,
  { rewrite, ...options }: Partial<Omit<VpsClientOptions, 'fetch'>> & { rewrite?: (request: Request) => Request } = {},
): VpsClient {
  const record = recorder.fetch(channel);
  return createVpsClient({
    token: TOKEN,
    baseUrl: mockUrl(),
    // Should the spec ever document a retried status (429, 502-504), its retries stay quick.
    retryDelayMs: 10,
    // The timeout only bounds a hung mock; a busy runner can take longer than the default to answer.
    timeoutMs: 120_000,
    ...options,
    fetch: rewrite ? (request) => record(rewrite(request)) : record,
  });
}

type ApiErrorClass = typeof client.VpsApiError;

/** The error class the client documents for a status (chosen by the status alone, never by the body). */
export function errorClassFor(status: number): ApiErrorClass {
  if (status === 400) return client.BadRequestError;
  if (status === 401) return client.AuthenticationError;
  if (status === 402) return client.PaymentRequiredError;
  if (status === 403) return client.PermissionDeniedError;
  if (status === 404) return client.NotFoundError;
  if (status === 429) return client.RateLimitError as unknown as ApiErrorClass;
  if (status >= 500 && status <= 599) return client.InternalServerError;
  return client.VpsApiError;
}

/** What an error's typed fields must be, given the error body the spec's example holds. */
export function expectedErrorFields(example: Record<string, unknown>): { detail: unknown; errorCode: unknown; field: unknown } {
  const text = (v: unknown) => (typeof v === 'string' ? v : undefined);
  return { detail: text(example.detail), errorCode: text(example.error_code), field: text(example.field) };
}

export type HttpMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** `vps.http` without its path typing, for calls whose path and arguments come from the bundle at run time. */
export type LooseHttp = Record<
  HttpMethod,
  (
    path: string,
    init: {
      params?: { path?: Record<string, unknown>; query?: Record<string, unknown> };
      body?: unknown;
      headers?: Record<string, string>;
    },
  ) => Promise<{ data?: unknown; error?: unknown; response: Response }>
>;

export const looseHttp = (vps: VpsClient): LooseHttp => vps.http as unknown as LooseHttp;
