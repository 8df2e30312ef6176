// Who launched us, read from /proc. A server outlives the shell that started it in the background (`nohup ... &`,
// `(... &)`, a CI step that leaves it running for the next ones), so by default only one thing is watched: the
// package runner that runs us (`npx`, `npm exec`, `pnpm`), because `kill $!` after `npx @vps-org/mock &` kills npm
// exec, which neither passes the signal on to us nor takes us with it. `--exit-with-parent` watches every launcher
// above us, and the parent itself, as the mock once did for everyone.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** A package runner: it only exists to run its child, and its end is meant as ours. */
const RUNNER = /^(npm|npx|pnpm|pnpx|yarn|npm-cli\.js|npx-cli\.js|pnpm\.c?js|turbo)$/;
/** A shell: transparent between a runner and us (`npm exec` runs `sh -c vps-mock`). */
const SHELL = /^(sh|bash|dash|zsh)$/;

function processInfo(pid: number): { ppid: number; argv: string[] } | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
    const argv = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').filter(Boolean);
    return { ppid, argv };
  } catch {
    return undefined; // no /proc (not Linux), or the process is gone
  }
}

/**
 * What a process is, from its first two arguments (the program, or the script node runs). npm renames itself
 * `npm exec <package>` in one argument, so each argument's first word is what counts.
 */
function kindOf(argv: string[]): 'runner' | 'shell' | 'program' {
  const names = argv.slice(0, 2).map((arg) => basename(arg.split(' ')[0] ?? ''));
  if (names.some((name) => RUNNER.test(name))) return 'runner';
  if (names.some((name) => SHELL.test(name))) return 'shell';
  return 'program';
}

/**
 * The launchers above `from`: the parent, and while it is a shell or a runner, its parent too, up to the first real
 * program (or init). Without /proc, only the parent.
 * @param from default: this process's parent
 */
export function starters(from: number = process.ppid): number[] {
  const pids = [];
  for (let pid = from; pid > 1; ) {
    pids.push(pid);
    const info = processInfo(pid);
    if (!info || kindOf(info.argv) === 'program') break;
    pid = info.ppid;
  }
  return pids;
}

/**
 * The launchers up to the outermost package runner of the chain right above us (`sh -c vps-mock` and the `npm
 * exec` that runs it); empty when no runner runs us (a shell, a CI runner, an init started us directly).
 * @param from default: this process's parent
 */
export function runnerChain(from: number = process.ppid): number[] {
  const chain = [];
  let outermost = -1;
  for (let pid = from; pid > 1; ) {
    const info = processInfo(pid);
    const kind = info ? kindOf(info.argv) : 'program';
    if (!info || kind === 'program') break;
    chain.push(pid);
    if (kind === 'runner') outermost = chain.length - 1;
    pid = info.ppid;
  }
  return chain.slice(0, outermost + 1);
}

/** Whether `pid` still runs; a zombie (exited, not yet reaped by its parent) does not. */
function isAlive(pid: number) {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat[stat.lastIndexOf(')') + 2] !== 'Z';
  } catch {
    // No /proc entry: gone, or no /proc at all (then ask the kernel).
  }
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once, when one of `pids` is gone (or, with `parent`, when this process was re-parented). Polls
 * every `intervalMs`; the timer does not keep the process alive. Returns a function that stops watching.
 */
function watch(pids: number[], onGone: () => void, { intervalMs, parent }: { intervalMs: number; parent?: number }) {
  const timer = setInterval(() => {
    // A parent of 1 means the starter was gone before we looked: we were orphaned from the start.
    const reparented = parent !== undefined && (parent === 1 || process.ppid !== parent);
    if (!reparented && pids.every(isAlive)) return;
    clearInterval(timer);
    onGone();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}

/**
 * Calls `onOrphaned` once, as soon as the process that started this one is gone: its parent, and while that is a
 * launcher (a shell, npm, npx, pnpm), the launcher above it (or this process was re-parented). What `vps-mock
 * --exit-with-parent` uses. Polls every `intervalMs` (default 250) without keeping the process alive; returns a
 * function that stops watching.
 */
export function watchStarters(onOrphaned: () => void, options: { intervalMs?: number } = {}): () => void {
  const { intervalMs = 250 } = options;
  const parent = process.ppid;
  return watch(starters(parent), onOrphaned, { intervalMs, parent });
}

/**
 * Always on in the bin: calls `onGone` once the package runner that runs this process (and the shells between it
 * and us) is gone, e.g. killed by `kill $!` after `npx @vps-org/mock &`. Watches nothing when no runner runs us.
 */
export function watchRunner(onGone: () => void, { intervalMs = 250 }: { intervalMs?: number } = {}) {
  const chain = runnerChain();
  if (chain.length === 0) return () => {};
  return watch(chain, onGone, { intervalMs });
}
