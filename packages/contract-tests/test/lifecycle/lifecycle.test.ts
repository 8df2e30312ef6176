// No Prism outlives the run. The global setup's teardown stops the shared mock and throws if its process group is
// still there; these tests check that the /proc view that check relies on sees Prism, and that a mock started and
// stopped in a test leaves no process of its group behind.
import { connect } from 'node:net';
import { startMock, type MockServer } from '@vps-org/mock';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { mockUrl, TOKEN } from '../support/client.js';
import { descendants, isPrism, processGroup } from '@vps-org/testkit/processes';

function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

let second: MockServer | undefined;
afterAll(async () => {
  await second?.stop();
});

describe('Prism processes', () => {
  it('the shared mock runs as a Prism process group that /proc can see', async () => {
    const pid = inject('mockPid');
    expect(pid).toBeTypeOf('number');
    const group = processGroup(pid);
    expect(group.map((p) => p.pid)).toContain(pid);
    expect(group.some(isPrism), JSON.stringify(group)).toBe(true);
    const response = await fetch(`${mockUrl()}/api/v1/servers/`, { headers: { Authorization: `Bearer ${TOKEN}` } });
    expect(response.status).toBe(200);
  });

  it('a mock started and stopped in a test leaves no process of its group, and frees its port', async () => {
    second = await startMock();
    const { pid, host, port } = second;
    expect(pid).not.toBe(inject('mockPid'));
    expect(processGroup(pid).some(isPrism)).toBe(true);
    expect(await isListening(host, port)).toBe(true);

    await second.stop();
    expect(processGroup(pid), `left in process group ${pid}`).toEqual([]);
    expect(await isListening(host, port)).toBe(false);
    await expect(second.stop()).resolves.toBeUndefined(); // idempotent
    await expect(second.exited).resolves.toMatchObject({});
  });

  it('the only Prism this run has started is the shared mock', () => {
    // The vitest main process started the shared mock; test workers are its children (forks) or itself (threads).
    const root = process.ppid;
    const prisms = [...descendants(root), ...descendants(process.pid)].filter(isPrism);
    const others = prisms.filter((p) => p.pgrp !== inject('mockPid'));
    expect(others, 'Prism processes of this run other than the shared mock').toEqual([]);
    expect(prisms.length).toBeGreaterThan(0);
  });
});
