// Packs the publishable packages as `pnpm publish` would (workspace: ranges become versions, `files` decides what
// goes in), into one folder of tarballs.
import { execFileSync } from 'node:child_process';
import { readdirSync, realpathSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const nodeModules = fileURLToPath(new URL('../../node_modules/', import.meta.url));

/** The publishable packages, by name. */
export const PUBLISHED = ['@vps-org/openapi', '@vps-org/client', '@vps-org/dns', '@vps-org/mock', '@vps-org/cli', '@vps-org/mcp'] as const;
export type Published = (typeof PUBLISHED)[number];

/** The folder of a workspace package. */
export function packageDir(name: string): string {
  // Through this package's own node_modules link, so that no package needs to export its package.json.
  return realpathSync(join(nodeModules, name));
}

/** Packs each publishable package into `into`; returns the tarball of each by name. */
export function packAll(into: string): Record<Published, string> {
  const tarballs = {} as Record<Published, string>;
  for (const name of PUBLISHED) {
    const before = new Set(readdirSync(into));
    // The packages are built by the turbo tasks this test depends on; prepack's own build is not what is tested here.
    execFileSync('pnpm', ['pack', '--pack-destination', into], { cwd: packageDir(name), stdio: 'pipe' });
    const made = readdirSync(into).filter((f) => !before.has(f) && f.endsWith('.tgz'));
    if (made.length !== 1) throw new Error(`pnpm pack of ${name} made ${made.length} tarballs: ${made.join(', ')}`);
    tarballs[name] = join(into, made[0]!);
  }
  return tarballs;
}

/** The files a tarball holds. */
export function tarballFiles(tarball: string): string[] {
  return execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' })
    .split('\n')
    .filter(Boolean)
    .map((f) => f.replace(/^package\//, ''));
}

/** The text of one file of a tarball (`package.json`, say). */
export function tarballFile(tarball: string, file: string): string {
  return execFileSync('tar', ['-xzOf', tarball, `package/${file}`], { encoding: 'utf8' });
}
