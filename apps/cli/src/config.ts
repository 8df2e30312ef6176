// Where the token and the API's address come from: flags first, then the environment.
import { createVpsClient, VpsConfigError, type VpsClient } from '@vps-org/client';
import { CliError } from './errors.js';
import type { CliIo } from './io.js';

export interface GlobalOptions {
  token?: string;
  baseUrl?: string;
  json?: boolean;
  debug?: boolean;
}

export function resolveToken(options: GlobalOptions, io: CliIo): string {
  const token = options.token ?? io.env.VPS_API_TOKEN;
  if (!token) throw new CliError('no API token: set VPS_API_TOKEN or pass --token (tokens come from https://admin.vps.org/account/developers/)');
  return token;
}

export function makeClient(options: GlobalOptions, io: CliIo): VpsClient {
  const token = resolveToken(options, io);
  const baseUrl = options.baseUrl ?? io.env.VPS_BASE_URL;
  const fetch = options.debug ? debugFetch(io.fetch ?? globalThis.fetch, io) : io.fetch;
  try {
    return createVpsClient({ token, ...(baseUrl && { baseUrl }), ...(fetch && { fetch }), userAgent: 'vps-cli' });
  } catch (error) {
    // The client's messages name the option, never its value.
    if (error instanceof VpsConfigError) throw new CliError(error.message);
    throw error;
  }
}

type Fetch = NonNullable<CliIo['fetch']>;

/** With --debug, each request's method, URL, status and time on stderr (never its headers: the token is there). */
function debugFetch(fetch: Fetch, io: CliIo): Fetch {
  return async (request, init) => {
    const method = init?.method ?? request.method;
    const started = performance.now();
    io.stderr.write(`debug: ${method} ${request.url}\n`);
    const response = await fetch(request, init);
    io.stderr.write(`debug: ${response.status} ${method} ${request.url} (${Math.round(performance.now() - started)} ms)\n`);
    return response;
  };
}
