// No Prism outlives the run. The global setup's teardown stops the shared mock and throws if its process group is
// still there; these tests check that the /proc view that check relies on sees Prism. How a mock stops (its whole
// process group, its port freed) is the mock package's own test.
import { describe, expect, inject, it } from 'vitest';
import { mockUrl, TOKEN } from '../support/client.js';
import { descendants, isPrism, processGroup } from '@vps-org/testkit/processes';

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

  it('the only Prism this run has started is the shared mock', () => {
    // The vitest main process started the shared mock; test workers are its children (forks) or itself (threads).
    const root = process.ppid;
    const prisms = [...descendants(root), ...descendants(process.pid)].filter(isPrism);
    const others = prisms.filter((p) => p.pgrp !== inject('mockPid'));
    expect(others, 'Prism processes of this run other than the shared mock').toEqual([]);
    expect(prisms.length).toBeGreaterThan(0);
  });
});
