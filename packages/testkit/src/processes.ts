// Process checks through /proc (Linux, like our CI): who runs, under which parent or group, with which marker; and
// the ports they hold.
import { readdirSync, readFileSync } from 'node:fs';
import { connect, createServer } from 'node:net';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  cmdline: string;
}

/** Every process /proc shows, with its parent, process group, state and command line. */
export function processes(): ProcessInfo[] {
  const found: ProcessInfo[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // `pid (comm) state ppid pgrp ...`; comm may hold spaces and parentheses, so split after the last ')'.
      const [state, ppid, pgrp] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      const cmdline = readFileSync(`/proc/${entry}/cmdline`, 'latin1').split('\0').join(' ').trim();
      found.push({ pid: Number(entry), ppid: Number(ppid), pgrp: Number(pgrp), state: state ?? '?', cmdline });
    } catch {
      // gone while we looked, or not ours to read
    }
  }
  return found;
}

/** The processes of the group led by `pgid` (zombies included: a zombie has not been cleaned up either). */
export function processGroup(pgid: number): ProcessInfo[] {
  return processes().filter((p) => p.pgrp === pgid || p.pid === pgid);
}

/** The live children of `ppid`. */
export function childProcesses(ppid: number): ProcessInfo[] {
  return processes().filter((p) => p.ppid === ppid && p.state !== 'Z');
}

/** The processes descended from `root` (not `root` itself). */
export function descendants(root: number): ProcessInfo[] {
  const all = processes();
  const found: ProcessInfo[] = [];
  const parents = new Set([root]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const p of all) {
      if (parents.has(p.ppid) && !parents.has(p.pid)) {
        parents.add(p.pid);
        found.push(p);
        grew = true;
      }
    }
  }
  return found;
}

/** The processes whose environment holds `name=value` (a marker every process of a test run inherits). */
export function processesWithEnv(name: string, value: string): ProcessInfo[] {
  return processes().filter((p) => {
    try {
      return readFileSync(`/proc/${p.pid}/environ`, 'latin1').split('\0').includes(`${name}=${value}`);
    } catch {
      return false; // gone meanwhile, or not ours to read
    }
  });
}

export const isPrism = (p: ProcessInfo): boolean => p.cmdline.includes('prism-cli');

/** Prism processes started by `ppid` (default: this process). */
export function prismChildren(ppid: number = process.pid): ProcessInfo[] {
  return childProcesses(ppid).filter(isPrism);
}

/** Whether `pid` exists (a zombie counts: it has not been reaped). */
export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH';
  }
}

/**
 * Whether `pid` is running: it exists and is not a zombie. An orphan that exited stays a zombie until init reaps
 * it, and some sandboxes' init never does; it runs nothing any more, so it counts as gone here.
 */
export function isRunning(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3) !== 'Z';
  } catch {
    return false;
  }
}

/** Whether something accepts TCP connections on host:port. */
export function isListening(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = connect({ host, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

/** A port that was free a moment ago on `host` (something else may take it before the caller binds it). */
export function freePort(host = '127.0.0.1'): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer().listen(0, host, () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.once('error', reject);
  });
}
