// A child must never outlive what started it. Signals do not always arrive: `kill $!` after `npx @vps-org/mock &`
// kills npm exec, not us, and pnpm does not pass SIGTERM on to its script. So the process that started us is
// watched as well: the chain of launchers above us (shells, npm, npx, pnpm) and the first real program above them.
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';

/** argv[0] or argv[1] of a launcher: a shell or a package runner that only exists to start its child. */
const LAUNCHER = /^(sh|bash|dash|zsh|npm|npx|pnpm|pnpx|yarn|npm-cli\.js|npx-cli\.js|pnpm\.c?js|turbo)$/;

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

/** @param {string[]} argv */
const isLauncher = (argv) => argv.slice(0, 2).some((arg) => LAUNCHER.test(basename(arg)));

/**
 * The pids to watch: the parent, and while it is a launcher, its parent too, up to the first real program (or
 * init). Without /proc, only the parent.
 * @param {number} [from] default: this process's parent
 * @returns {number[]}
 */
export function starters(from = process.ppid) {
  const pids = [];
  for (let pid = from; pid > 1; ) {
    pids.push(pid);
    const info = processInfo(pid);
    if (!info || !isLauncher(info.argv)) break;
    pid = info.ppid;
  }
  return pids;
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
 * Calls `onOrphaned` once, as soon as one of the processes that started this one is gone (or this process was
 * re-parented). Polls every `intervalMs`; the timer does not keep the process alive. Returns a function that stops
 * watching.
 * @param {() => void} onOrphaned
 * @param {{ intervalMs?: number }} [options]
 */
export function watchStarters(onOrphaned, { intervalMs = 250 } = {}) {
  const parent = process.ppid;
  const watched = starters(parent);
  const timer = setInterval(() => {
    // A parent of 1 means the starter was gone before we looked: we were orphaned from the start.
    if (parent !== 1 && process.ppid === parent && watched.every(isAlive)) return;
    clearInterval(timer);
    onOrphaned();
  }, intervalMs);
  timer.unref();
  return () => clearInterval(timer);
}
