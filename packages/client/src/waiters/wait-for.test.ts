import { describe, expect, it } from 'vitest';
import { InternalServerError, NotFoundError } from '../core/errors/api-errors.js';
import { VpsConfigError, VpsError } from '../core/errors/vps-error.js';
import { VpsWaiterError, waitForServer } from './wait-for-server.js';
import type { ServerStatus } from '../generated/models.js';
import { example, serverWithStatus } from '../testing/fixtures.js';
import { sendJson, startLoopback, testClient } from '../testing/loopback.js';
import type { RequestOptions } from '../core/options.js';
import type { VpsClient } from '../vps-client.js';

/**
 * The client, as a waiter sees it, recording what each poll ended with: a deadline is real time, and on a busy
 * machine a poll may take longer than the whole wait, so tests compare the waiter's error with what it saw.
 */
function recording(vps: VpsClient) {
  const statuses: string[] = [];
  const errors: unknown[] = [];
  const polled = {
    servers: {
      get: (id: number, options?: RequestOptions) =>
        vps.servers.get(id, options).then(
          (server) => (statuses.push(server.status), server),
          (error: unknown) => {
            errors.push(error);
            throw error;
          },
        ),
    },
  };
  return { polled, statuses, errors };
}

/** A server that goes through `statuses`, one per poll, then stays in the last. */
async function serverGoingThrough(...statuses: ServerStatus[]) {
  return startLoopback((_req, res, index) => sendJson(res, 200, serverWithStatus(statuses[Math.min(index, statuses.length - 1)]!, 42)));
}

describe('waitForServer', () => {
  it('polls until the server reaches the status, and returns it', async () => {
    const api = await serverGoingThrough('provisioning', 'provisioning', 'active');
    const server = await waitForServer(testClient(api.url), 42, 'active', { intervalMs: 10 });
    expect(server).toMatchObject({ id: 42, status: 'active' });
    expect(api.requests.map((r) => r.url)).toEqual(Array(3).fill('/api/v1/servers/42/'));
  });

  it('spaces the polls by intervalMs', async () => {
    const api = await serverGoingThrough('starting', 'starting', 'active');
    await waitForServer(testClient(api.url), 42, 'active', { intervalMs: 50 });
    const [a, b, c] = api.requests.map((r) => r.at);
    expect((b ?? 0) - (a ?? 0)).toBeGreaterThanOrEqual(45);
    expect((c ?? 0) - (b ?? 0)).toBeGreaterThanOrEqual(45);
  });

  it('fails fast when the server is suspended', async () => {
    const api = await serverGoingThrough('provisioning', 'suspended', 'active');
    const error = await waitForServer(testClient(api.url), 42, 'active', { intervalMs: 10 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsWaiterError);
    expect(error).toMatchObject({ reason: 'terminal', awaitedStatus: 'active', lastStatus: 'suspended' });
    expect((error as Error).message).toBe('Server 42 is suspended, so it will not become active by itself');
    expect(api.requests).toHaveLength(2);
  });

  it('returns a suspended server when suspended is the target', async () => {
    const api = await serverGoingThrough('active', 'suspended');
    await expect(waitForServer(testClient(api.url), 42, 'suspended', { intervalMs: 10 })).resolves.toMatchObject({
      status: 'suspended',
    });
  });

  it('fails fast with NotFoundError when the server is gone', async () => {
    const api = await startLoopback((_req, res, index) =>
      index === 0 ? sendJson(res, 200, serverWithStatus('stopping', 42)) : sendJson(res, 404, example('ErrorServerNotFound')),
    );
    await expect(waitForServer(testClient(api.url), 42, 'stopped', { intervalMs: 10 })).rejects.toThrow(NotFoundError);
    expect(api.requests).toHaveLength(2);
  });

  it('times out with an error naming the last status seen', async () => {
    // Two answers, then a poll that is never answered: by the deadline, the last status seen is "starting" (or, on a
    // machine too busy to poll twice in a second, whatever the waiter had seen).
    const statuses = ['provisioning', 'starting'] as const;
    const api = await startLoopback((_req, res, index) => {
      const status = statuses[index];
      if (status) sendJson(res, 200, serverWithStatus(status, 42));
    });
    const { polled, statuses: seen } = recording(testClient(api.url));
    const error = await waitForServer(polled, 42, 'active', { timeoutMs: 1_000, intervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsWaiterError);
    expect(error).toBeInstanceOf(VpsError);
    expect(error).toMatchObject({ reason: 'timeout', awaitedStatus: 'active', lastStatus: seen.at(-1), timeoutMs: 1_000 });
    expect(seen).toEqual(statuses.slice(0, seen.length));
    expect(api.requests.length - seen.length).toBeLessThanOrEqual(1); // at most the hung poll besides those answered
    expect((error as VpsWaiterError).elapsedMs).toBeGreaterThanOrEqual(1_000);
    const last = seen.length ? `its last status was ${seen.at(-1)}` : 'no poll succeeded';
    expect((error as Error).message).toBe(`Server 42 did not become active within 1000 ms; ${last}`);
  });

  it("stops when the caller's signal aborts", async () => {
    const controller = new AbortController();
    const api = await startLoopback((_req, res) => {
      sendJson(res, 200, serverWithStatus('provisioning', 42));
      setTimeout(() => controller.abort(), 50); // during the 10 s wait before the next poll
    });
    const error = await waitForServer(testClient(api.url), 42, 'active', { intervalMs: 10_000, signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toMatchObject({ name: 'AbortError' });
    expect(error).not.toBeInstanceOf(VpsWaiterError);
    expect(api.requests).toHaveLength(1);
  });

  it('bounds a poll in flight by the time left', async () => {
    const api = await startLoopback((_req, res, index) => {
      if (index === 0) sendJson(res, 200, serverWithStatus('provisioning', 42)); // later polls are never answered
    });
    const { polled, statuses } = recording(testClient(api.url, { timeoutMs: 60_000 }));
    const error = await waitForServer(polled, 42, 'active', { timeoutMs: 1_000, intervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsWaiterError);
    expect(error).toMatchObject({ reason: 'timeout', lastStatus: statuses.at(-1) });
    // The hung poll was aborted at the waiter's deadline, not the client's 60 s timeout.
    expect((error as VpsWaiterError).elapsedMs).toBeLessThan(60_000);
    expect(api.requests.length).toBeLessThanOrEqual(2);
  });

  it.each([
    [{ timeoutMs: Number.NaN }, 'timeoutMs'],
    [{ timeoutMs: 0 }, 'timeoutMs'],
    [{ intervalMs: Number.NaN }, 'intervalMs'],
    [{ intervalMs: 0 }, 'intervalMs'],
    [{ intervalMs: -5 }, 'intervalMs'],
    [{ intervalMs: Infinity }, 'intervalMs'],
  ])('refuses %o with a VpsConfigError, polling nothing', async (options, option) => {
    const api = await serverGoingThrough('provisioning');
    const error = await waitForServer(testClient(api.url), 42, 'active', options).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsConfigError);
    expect(error).toMatchObject({ option });
    expect(api.requests).toHaveLength(0);
  });

  it('polls on through a 500, and a timed-out poll, until the status', async () => {
    const api = await startLoopback((_req, res, index) => {
      if (index === 0) return sendJson(res, 500, { detail: 'Oops.' });
      if (index === 1) return; // never answers: the poll times out
      sendJson(res, 200, serverWithStatus('active', 42));
    });
    const server = await waitForServer(testClient(api.url, { timeoutMs: 500, maxRetries: 0 }), 42, 'active', { intervalMs: 10 });
    expect(server.status).toBe('active');
    expect(api.requests.length).toBeGreaterThanOrEqual(3);
  });

  it('gives up at its deadline with the last poll error as cause', async () => {
    // A 500, then a poll that is never answered: the deadline ends it, and the 500 is the last error seen.
    const api = await startLoopback((_req, res, index) => {
      if (index === 0) sendJson(res, 500, { detail: 'Oops.' });
    });
    const { polled, errors } = recording(testClient(api.url));
    const error = await waitForServer(polled, 42, 'active', { timeoutMs: 1_000, intervalMs: 10 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(VpsWaiterError);
    expect(error).toMatchObject({ reason: 'timeout', lastStatus: undefined });
    // Unless the machine was too busy to see the 500 before the deadline, it is the cause.
    const served = errors.find((e) => e instanceof InternalServerError);
    expect((error as Error).cause).toBe(served);
    if (served) expect(api.requests.length).toBeGreaterThanOrEqual(1);
  });
});
