// Process checks through /proc (Linux, like our CI): who is in a process group, and is a pid alive.
import { readdirSync, readFileSync } from 'node:fs';

export interface ProcessInfo {
  pid: number;
  ppid: number;
  pgrp: number;
  state: string;
  cmdline: string;
}

/** Every process /proc shows, with its process group and state. */
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
      // gone while we looked
    }
  }
  return found;
}

/** The processes of the group led by `pgid` (zombies included: a zombie has not been cleaned up either). */
export function processGroup(pgid: number): ProcessInfo[] {
  return processes().filter((p) => p.pgrp === pgid || p.pid === pgid);
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

export const isPrism = (p: ProcessInfo): boolean => p.cmdline.includes('prism-cli');
