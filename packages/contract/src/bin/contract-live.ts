#!/usr/bin/env node
// `pnpm contract:live --base-url URL [--write]`: checks a running API against the spec (see packages/contract/README.md).
import { EnvHttpProxyAgent, setGlobalDispatcher } from 'undici';
import { checkLive } from '../live/live.js';
import { formatLive, redactor } from '../live/report.js';
import { args, fail, run } from './args.js';

const flags = args('contract:live', { 'base-url': { type: 'string' }, write: { type: 'boolean' }, limit: { type: 'string' }, json: { type: 'boolean' } });
run('contract:live', async () => {
  const baseUrl = flags['base-url'];
  if (typeof baseUrl !== 'string' || !/^https?:\/\/[^/]/.test(baseUrl)) fail('contract:live', '--base-url: an http(s) URL of the API is required');
  const token = process.env.VPS_API_TOKEN;
  if (!token) fail('contract:live', 'VPS_API_TOKEN: the API token is required in the environment');
  const limit = flags.limit === undefined ? 3 : Number(flags.limit);
  if (!Number.isInteger(limit) || limit < 1) fail('contract:live', '--limit: a whole number of at least 1');
  // Node's fetch ignores HTTPS_PROXY by itself; undici's agent reads it (and NO_PROXY), for the client's requests.
  if (process.env.HTTPS_PROXY || process.env.https_proxy || process.env.HTTP_PROXY || process.env.http_proxy) setGlobalDispatcher(new EnvHttpProxyAgent());
  const redact = redactor(token);
  let result;
  try {
    result = await checkLive({ baseUrl, token, write: flags.write === true, limit });
  } catch (error) {
    // No answer at all (refused, timed out): nothing to compare, which is not drift.
    fail('contract:live', redact(`${(error as Error).name}: ${(error as Error).message}`));
  }
  process.stdout.write(flags.json === true ? redact(JSON.stringify(result, null, 2)) + '\n' : formatLive(result, redact));
  return result.drifts.length || result.leftBehind.length ? 1 : 0;
});
