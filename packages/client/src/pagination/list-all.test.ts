import { describe, expect, it } from 'vitest';
import { NotFoundError } from '../core/errors/api-errors.js';
import { listAllServers } from './list-all.generated.js';
import { paginate, VpsPaginationError } from './paginate.js';
import type { Server, ServerList } from '../generated/models.js';
import { example } from '../testing/fixtures.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';

const server = (id: number): Server => ({ ...example<ServerList>('ServerList').results[0]!, id });

/** Three pages of servers; `next` links to the next page like Django REST Framework does (absolute URL). */
function threePages(origin: () => string, last: 'null' | 'absent' = 'null') {
  const pages: Record<string, Server[]> = { '1': [server(1), server(2)], '2': [server(3), server(4)], '3': [server(5)] };
  return (url: URL): ServerList => {
    const page = url.searchParams.get('page') ?? '1';
    const next = page === '3' ? undefined : `${origin()}/api/v1/servers/?page=${Number(page) + 1}&status=active`;
    return {
      count: 5,
      results: pages[page] ?? [],
      ...(next ? { next } : last === 'null' ? { next: null } : {}),
      previous: null,
    };
  };
}

describe('listAllServers', () => {
  it.each(['null', 'absent'] as const)('iterates over three pages, stopping when next is %s', async (last) => {
    let origin = '';
    const answer = threePages(() => origin, last);
    const api = await startLoopback((req, res) => sendJson(res, 200, answer(new URL(req.url, 'http://x'))));
    origin = api.url;

    const ids: number[] = [];
    for await (const item of listAllServers(testClient(api.url), { status: 'active' })) ids.push(item.id);

    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(api.requests.map((r) => r.url)).toEqual([
      '/api/v1/servers/?status=active',
      '/api/v1/servers/?page=2&status=active',
      '/api/v1/servers/?page=3&status=active',
    ]);
  });

  it('fetches a page only when the loop gets to it', async () => {
    let origin = '';
    const answer = threePages(() => origin);
    const api = await startLoopback((req, res) => sendJson(res, 200, answer(new URL(req.url, 'http://x'))));
    origin = api.url;
    for await (const item of listAllServers(testClient(api.url))) {
      expect(item.id).toBe(1);
      break;
    }
    expect(api.requests).toHaveLength(1);
  });

  it('asks our own base URL for the next page, whatever host `next` names', async () => {
    const answer = threePages(() => 'http://internal-backend.invalid:8000');
    const api = await startLoopback((req, res) => sendJson(res, 200, answer(new URL(req.url, 'http://x'))));
    const ids: number[] = [];
    for await (const item of listAllServers(testClient(api.url))) ids.push(item.id);
    expect(ids).toEqual([1, 2, 3, 4, 5]);
    expect(api.requests).toHaveLength(3);
  });

  it('stops with an error when the API links a page to itself', async () => {
    const api = await startLoopback((_req, res) =>
      sendJson(res, 200, { count: 9, results: [server(1)], next: `${api.url}/api/v1/servers/?page=2` }),
    );
    const ids: number[] = [];
    const iterate = async () => {
      for await (const item of listAllServers(testClient(api.url))) ids.push(item.id);
    };
    await expect(iterate()).rejects.toThrow(VpsPaginationError);
    expect(ids).toEqual([1, 1]);
  });

  it('stops when `next` changes only in a parameter the list does not take', async () => {
    let n = 0;
    const api = await startLoopback((_req, res) =>
      sendJson(res, 200, { count: 9, results: [server(1)], next: `${api.url}/api/v1/servers/?page=1&t=${(n += 1)}` }),
    );
    const iterate = async () => {
      for await (const item of listAllServers(testClient(api.url))) expect(item.id).toBe(1);
    };
    await expect(iterate()).rejects.toThrow(/Pagination loop/);
    expect(api.requests.map((r) => r.url)).toEqual(['/api/v1/servers/', '/api/v1/servers/?page=1']);
  });

  it.each([
    ['missing', { count: 1, next: null }],
    ['a string', { count: 1, results: 'web-1', next: null }],
    ['an object', { count: 1, results: { id: 1 }, next: null }],
  ])('throws VpsPaginationError when results is %s', async (_what, body) => {
    const api = await startLoopback((_req, res) => sendJson(res, 200, body));
    const seen: unknown[] = [];
    const iterate = async () => {
      for await (const item of listAllServers(testClient(api.url))) seen.push(item);
    };
    await expect(iterate()).rejects.toThrow(VpsPaginationError);
    expect(seen).toEqual([]);
  });

  it('stops after maxPages pages of a list that never ends', async () => {
    const api = await startLoopback((req, res) => {
      const page = Number(new URL(req.url, 'http://x').searchParams.get('page') ?? '1');
      sendJson(res, 200, { count: 1e9, results: [], next: `${api.url}/api/v1/servers/?page=${page + 1}` });
    });
    const vps = testClient(api.url);
    const iterate = async () => {
      for await (const item of paginate((query) => vps.servers.list(query), {}, ['page'], 5)) expect(item).toBeUndefined();
    };
    await expect(iterate()).rejects.toThrow('Pagination stopped after 5 pages');
    expect(api.requests).toHaveLength(5);
  });

  it('passes on the error of a page', async () => {
    const api = await startLoopback((_req, res, index) =>
      index === 0
        ? sendJson(res, 200, { count: 3, results: [server(1)], next: `${api.url}/api/v1/servers/?page=2` })
        : sendJson(res, 404, { detail: 'Invalid page.' }),
    );
    const iterate = async () => {
      for await (const item of listAllServers(testClient(api.url))) expect(item.id).toBe(1);
    };
    await expect(iterate()).rejects.toThrow(NotFoundError);
  });
});
