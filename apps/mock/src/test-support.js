// Shared by the tests (not shipped): process checks read /proc, so they are Linux-only like our CI.
import { readdirSync, readFileSync } from 'node:fs';
import { connect } from 'node:net';

export const TOKEN = 'vps_test_token';

/** @param {number} pid */
export function isAlive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return /** @type {NodeJS.ErrnoException} */ (error).code !== 'ESRCH';
  }
}

/** Live processes whose parent is `ppid`, with their command lines. @param {number} ppid */
export function childProcesses(ppid) {
  const children = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // Fields after the command (which may contain spaces), closed by the last ')': state, ppid, ...
      const [, parent] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      if (Number(parent) !== ppid) continue;
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'utf8').split('\0').join(' ');
      children.push({ pid: Number(entry), cmdline });
    } catch {
      // the process went away while we looked
    }
  }
  return children;
}

/** Prism processes started by `ppid` (default: this test process). */
export function prismChildren(ppid = process.pid) {
  return childProcesses(ppid).filter((p) => p.cmdline.includes('prism-cli'));
}

/** Whether something accepts TCP connections on host:port. @param {string} host @param {number} port */
export function isListening(host, port) {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/**
 * A request to the mock, with the bearer token unless `auth: false`; the body is sent as JSON.
 * @param {string} base
 * @param {string} path
 * @param {{ method?: string, body?: unknown, prefer?: string, auth?: boolean }} [init]
 */
export async function call(base, path, { method = 'GET', body, prefer, auth = true } = {}) {
  /** @type {Record<string, string>} */
  const headers = {};
  if (auth) headers.authorization = `Bearer ${TOKEN}`;
  if (prefer) headers.prefer = prefer;
  if (body !== undefined) headers['content-type'] = 'application/json';
  const response = await fetch(base + path, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text, json: text ? JSON.parse(text) : undefined };
}
