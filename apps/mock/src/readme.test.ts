// The README's curl examples, replayed against a real mock as written: each `curl -i` block's answer is the status
// line and body its comment lines show.
import { readFileSync } from 'node:fs';
import { extractCurlCommands } from '@vps-org/testkit';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMock } from './index.js';
import type { MockServer } from './index.js';

const readme = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const blocks = [...readme.matchAll(/```sh\n([\s\S]*?)```/g)].map((m) => m[1] ?? '');
const examples = blocks
  .filter((block) => /^curl -i /m.test(block))
  .map((block) => {
    const [command] = extractCurlCommands(block);
    const status = /^# HTTP\/1\.1 (\d{3})/m.exec(block)?.[1];
    const body = /^# (\{.*\})$/m.exec(block)?.[1];
    if (!command || !status || !body) throw new Error(`a curl -i example without its answer:\n${block}`);
    return { command, status: Number(status), body: JSON.parse(body) };
  });

let mock: MockServer;
beforeAll(async () => {
  mock = await startMock();
});
afterAll(() => mock?.stop());

describe('the README', () => {
  it('has its curl examples', () => {
    expect(examples.length).toBeGreaterThanOrEqual(3);
  });

  it.each(examples.map((e) => [`${e.command.method} ${e.command.url} -> ${e.status}`, e]))('%s', async (_name, { command, status, body }) => {
    const url = new URL(command.url);
    expect(url.origin).toBe('http://127.0.0.1:4010');
    const res = await fetch(new URL(url.pathname + url.search, mock.url), { method: command.method, headers: command.headers, body: command.body });
    expect(res.status).toBe(status);
    expect(await res.json()).toEqual(body);
  });
});
