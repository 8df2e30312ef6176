// Prism is spawned detached, so it leads its own process group: signalling the group reaches anything Prism
// starts (e.g. the cluster worker Prism forks when NODE_ENV=production), not only the process we spawned.
import { setTimeout as delay } from 'node:timers/promises';

/** Sends `signal` to the group led by `pid`; false when the group no longer exists. */
export function signalGroup(pid: number, signal: NodeJS.Signals | 0) {
  try {
    // Windows has no process groups: there the best we can do is the process itself.
    process.kill(process.platform === 'win32' ? pid : -pid, signal);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ESRCH') return false;
    throw error;
  }
}

/** Resolves once the leader has exited (and been reaped, so it is no zombie) and no process of its group is left. */
async function groupGone(pid: number, leaderExited: Promise<unknown>) {
  await leaderExited;
  while (signalGroup(pid, 0)) await delay(50);
}

/** SIGTERM to the group, then SIGKILL if it is still there after `graceMs`; resolves when the whole group is gone. */
export async function killGroup(pid: number, leaderExited: Promise<unknown>, graceMs: number) {
  if (!signalGroup(pid, 'SIGTERM')) return leaderExited;
  const gone = groupGone(pid, leaderExited).then(() => true);
  if (await Promise.race([gone, delay(graceMs, false)])) return;
  signalGroup(pid, 'SIGKILL');
  await gone;
}
