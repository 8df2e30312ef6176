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

/** @param {number} pid @returns {{ ppid: number, argv: string[] } | undefined} */
function processInfo(pid) {
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
 * @param {string[]} argv
 * @returns {'runner' | 'shell' | 'program'}
 */
function kindOf(argv) {
  const names = argv.slice(0, 2).map((arg) => basename(arg.split(' ')[0] ?? ''));
  if (names.some((name) => RUNNER.test(name))) return 'runner';
  if (names.some((name) => SHELL.test(name))) return 'shell';
  return 'program';
}

/**
 * The launchers above `from`: the parent, and while it is a shell or a runner, its parent too, up to the first real
 * program (or init). Without /proc, only the parent.
 * @param {number} [from] default: this process's parent
 * @returns {number[]}
 */
export function starters(from = process.ppid) {
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
 * @param {number} [from] default: this process's parent
 * @returns {number[]}
 */
export function runnerChain(from = process.ppid) {
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

/** Whether `pid` still runs; a zombie (exited, not yet reaped by its parent) does not. @param {number} pid */
function isAlive(pid) {
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
    return /** @type {NodeJS.ErrnoException} */ (error).code === 'EPERM';
  }
}

/**
 * Calls `onGone` once, when one of `pids` is gone (or, with `parent`, when this process was re-parented). Polls
 * every `intervalMs`; the timer does not keep the process alive. Returns a function that stops watching.
 * @param {number[]} pids
 * @param {() => void} onGone
 * @param {{ intervalMs: number, parent?: number }} options
 */
function watch(pids, onGone, { intervalMs, parent }) {
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
 * `--exit-with-parent`: calls `onOrphaned` once, as soon as one of the processes that started this one is gone (or
 * this process was re-parented).
 * @param {() => void} onOrphaned
 * @param {{ intervalMs?: number }} [options]
 */
export function watchStarters(onOrphaned, { intervalMs = 250 } = {}) {
  const parent = process.ppid;
  return watch(starters(parent), onOrphaned, { intervalMs, parent });
}

/**
 * Always on in the bin: calls `onGone` once the package runner that runs this process (and the shells between it
 * and us) is gone, e.g. killed by `kill $!` after `npx @vps-org/mock &`. Watches nothing when no runner runs us.
 * @param {() => void} onGone
 * @param {{ intervalMs?: number }} [options]
 */
export function watchRunner(onGone, { intervalMs = 250 } = {}) {
  const chain = runnerChain();
  if (chain.length === 0) return () => {};
  return watch(chain, onGone, { intervalMs });
}
