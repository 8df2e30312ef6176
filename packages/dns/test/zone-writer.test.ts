import { createVpsClient, RateLimitError } from '@vps-org/client';
import { describe, expect, it } from 'vitest';
import { clientWriter } from '../src/zone-writer.js';
const TOKEN = 'vps_test_secret_token_0123456789';

const record = { name: 'www', type: 'A' as const, value: '192.0.2.1', ttl: 300, priority: null };
const created = { uuid: 'rec-1', record_type: 'A', name: 'www', value: '192.0.2.1', ttl: 300, priority: null, created_at: '2024-01-15T10:30:00Z' };

/** A fetch that answers 429 (with `Retry-After: 0`) `busy` times, then 201; counts the POSTs it saw. */
function busyApi(busy: number) {
  let posts = 0;
  const fetch = async (request: Request): Promise<Response> => {
    posts++;
    const json = { 'content-type': 'application/json' };
    if (posts <= busy) return new Response(JSON.stringify({ detail: 'Too many requests.' }), { status: 429, headers: { ...json, 'retry-after': '0' } });
    await request.text();
    return new Response(JSON.stringify(created), { status: 201, headers: json });
  };
  return { fetch, posts: () => posts };
}

describe('clientWriter', () => {
  it('sends a create again after a 429, which the client does not retry for a POST', async () => {
    const api = busyApi(2);
    const vps = createVpsClient({ token: TOKEN, baseUrl: 'http://api.invalid', fetch: api.fetch });
    await clientWriter(vps, { uuid: 'zone-1', domain: 'example.com' }).create(record);
    expect(api.posts()).toBe(3);
  });

  it('gives up after its retries with the RateLimitError', async () => {
    const api = busyApi(10);
    const vps = createVpsClient({ token: TOKEN, baseUrl: 'http://api.invalid', fetch: api.fetch });
    const writer = clientWriter(vps, { uuid: 'zone-1', domain: 'example.com' }, { retries: 2, baseDelayMs: 0, maxDelayMs: 0 });
    await expect(writer.create(record)).rejects.toBeInstanceOf(RateLimitError);
    expect(api.posts()).toBe(3);
  });
});
