// A fresh npm project in a temporary folder, outside the monorepo, installing the tarballs as a user would.
import { execFile } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** This process's environment without what pnpm and turbo set for their own scripts: a user's shell has none of it. */
export function userEnv(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !/^(npm_|PNPM_|TURBO_|VITEST|INIT_CWD)/i.test(k)));
  return { ...env, ...extra };
}

export interface Project {
  dir: string;
  /** Runs a command in the project; rejects with its output when it exits non-zero. */
  exec(command: string, args: string[], options?: { env?: Record<string, string> }): Promise<{ stdout: string; stderr: string }>;
}

/**
 * Writes `files` (package.json included) into `dir` and runs `npm install`. npm sees no workspace and no lockfile:
 * what the tarballs declare is all it has.
 */
export async function createProject(dir: string, files: Record<string, string | object>): Promise<Project> {
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), typeof content === 'string' ? content : `${JSON.stringify(content, null, 2)}\n`);
  }
  const exec: Project['exec'] = async (command, args, options = {}) => {
    try {
      return await run(command, args, { cwd: dir, env: userEnv(options.env), maxBuffer: 16 * 1024 * 1024 });
    } catch (error) {
      const { stdout, stderr } = error as { stdout?: string; stderr?: string };
      throw new Error(`${command} ${args.join(' ')} failed in ${dir}:\n${stdout ?? ''}\n${stderr ?? ''}`, { cause: error });
    }
  };
  await exec('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error']);
  return { dir, exec };
}
