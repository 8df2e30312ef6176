// Clients of the shared stateful mock. Each test file uses a token of its own, so files running in parallel never
// see each other's servers, zones or records (the mock keeps state per bearer token).
import { createVpsClient, type VpsClient } from '@vps-org/client';
import { inject } from 'vitest';
import type { Recorder } from '../support/recorder.js';

export function statefulUrl(): string {
  const url = inject('statefulUrl');
  if (!url) throw new Error('no statefulUrl provided: is test/global-setup.ts in the vitest config?');
  return url;
}

/** A token for one test file (and run), so that its state is its own. */
export const fileToken = (name: string): string => `vps_contract_${name}_${process.pid}`;

/** A client of the stateful mock whose every request goes through `recorder` (which checks every answer). */
export function statefulClient(recorder: Recorder, token: string, channel = 'stateful'): VpsClient {
  // The timeout only bounds a hung mock: 200 concurrent writers on a busy runner can wait longer than the default.
  return createVpsClient({ token, baseUrl: statefulUrl(), retryDelayMs: 10, timeoutMs: 120_000, fetch: recorder.fetch(channel) });
}

/** Empties the state of `token` on the stateful mock. */
export async function resetState(token: string): Promise<void> {
  const response = await fetch(`${statefulUrl()}/_mock/reset`, { method: 'POST', headers: { authorization: `Bearer ${token}` } });
  if (response.status !== 204) throw new Error(`POST /_mock/reset answered ${response.status}`);
}
