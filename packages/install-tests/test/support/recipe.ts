// The mock README's CI recipe, run as written in a shell: start the mock in the background, keep `$!`, and later
// `kill` it. What the README promises is that Prism goes with it.
import { spawn } from 'node:child_process';
import { once } from 'node:events';
import { isListening } from '@vps-org/testkit/processes';
import { userEnv } from './project.js';

export interface BackgroundMock {
  /** `$!`: the pid the recipe kills. */
  pid: number;
  url: string;
  port: number;
  /** The recipe's `kill $!`; resolves when the shell that ran the recipe has exited. */
  kill(): Promise<void>;
}

/** Runs `command &` in `dir` through sh, with the port in `PORT`, and resolves once the mock answers. */
export async function startInBackground(dir: string, command: string, port: number, marker: string): Promise<BackgroundMock> {
  // The shell prints `$!`, then waits for a line on stdin before it kills: the test decides when.
  const script = `${command} --port ${port} >mock.log 2>&1 &\necho "$!"\nread _\nkill "$!"\n`;
  const shell = spawn('sh', ['-c', script], { cwd: dir, env: userEnv({ VPS_INSTALL_TEST: marker }), stdio: ['pipe', 'pipe', 'inherit'] });
  const [line] = (await once(shell.stdout, 'data')) as [Buffer];
  const pid = Number(line.toString().trim());
  for (let tries = 0; !(await isListening('127.0.0.1', port)); tries++) {
    if (tries > 600) throw new Error(`the mock did not listen on ${port} within a minute (see ${dir}/mock.log)`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    pid,
    port,
    url: `http://127.0.0.1:${port}`,
    async kill() {
      shell.stdin.end('\n');
      if (shell.exitCode === null) await once(shell, 'exit');
    },
  };
}
