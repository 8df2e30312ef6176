import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { base, changed, type Spec } from './mutations.js';

const repo = fileURLToPath(new URL('../../../', import.meta.url));
const bin = (name: string) => fileURLToPath(new URL(`../dist/bin/${name}.js`, import.meta.url));
const made: string[] = [];
afterAll(() => made.forEach((d) => rmSync(d, { recursive: true, force: true })));

/**
 * A throwaway copy of the repository as the gate and `changeset version` read it: the workspace's manifests and
 * changelogs, `.changeset/` (config only: no pending changeset), the released spec, and a current spec with one change.
 */
function copy(current: Spec): string {
  const root = mkdtempSync(join(tmpdir(), 'vps-contract-'));
  made.push(root);
  for (const file of ['package.json', 'pnpm-workspace.yaml', '.changeset/config.json']) {
    mkdirSync(dirname(join(root, file)), { recursive: true });
    cpSync(join(repo, file), join(root, file));
  }
  for (const pkg of ['spec', 'packages/client', 'apps/mock', 'apps/cli', 'apps/docs']) {
    mkdirSync(join(root, pkg), { recursive: true });
    for (const file of ['package.json', 'CHANGELOG.md']) {
      try {
        cpSync(join(repo, pkg, file), join(root, pkg, file));
      } catch {
        // not every package has a changelog yet
      }
    }
  }
  symlinkSync(join(repo, 'node_modules'), join(root, 'node_modules'));
  mkdirSync(join(root, 'spec/released'));
  mkdirSync(join(root, 'spec/dist'));
  writeFileSync(join(root, 'spec/released/openapi.json'), JSON.stringify(base()));
  writeFileSync(join(root, 'spec/dist/openapi.json'), JSON.stringify(current));
  return root;
}

const changeset = (root: string, name: string, bumps: Record<string, string>, summary: string) =>
  writeFileSync(join(root, '.changeset', `${name}.md`), `---\n${Object.entries(bumps).map(([p, b]) => `'${p}': ${b}`).join('\n')}\n---\n\n${summary}\n`);

const run = (name: string, root: string) => {
  const r = spawnSync(process.execPath, [bin(name), '--root', root], { encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

const server = '/api/v1/servers/{server_id}/';
const all = (bump: string) => Object.fromEntries(['@vps-org/openapi', '@vps-org/client', '@vps-org/cli', '@vps-org/mock'].map((p) => [p, bump]));

describe('spec:check on a throwaway copy of the repository', () => {
  it('fails on a breaking change without a major changeset, with one line naming the change and the way out', () => {
    const root = copy(changed((s) => delete s.paths[server].get.responses['404']));
    const bare = run('spec-check', root);
    expect(bare.code).toBe(1);
    const lines = bare.err.trim().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toBe(
      `spec:check: breaking response change \`GET ${server}\`: no longer answers 404 (/paths/~1api~1v1~1servers~1{server_id}~1/get/responses/404); add a changeset (pnpm changeset) with '@vps-org/openapi': major, '@vps-org/client': major, '@vps-org/cli': major, '@vps-org/mock': major, or undo the change (or, if it is not breaking, a changeset line \`Not breaking: <pointer> <why>\`)`,
    );
    expect(lines[1]).toContain('no changeset for @vps-org/openapi');

    changeset(root, 'minor-only', all('minor'), 'Not enough for a removed status.');
    const minor = run('spec-check', root);
    expect(minor.code).toBe(1);
    expect(minor.err.trim().split('\n')).toHaveLength(1);

    changeset(root, 'drop-404', all('major'), 'getServer no longer answers 404.');
    const major = run('spec-check', root);
    expect(major, major.err).toMatchObject({ code: 0, err: '' });
    expect(major.out).toContain('1 breaking, declared by the pending changesets (@vps-org/openapi major, @vps-org/client major');
  }, 300_000);

  it('passes a flagged change that a changeset line records as reviewed not breaking, and that change only', () => {
    const root = copy(changed((s) => delete s.paths[server].get.responses['404']));
    const pointer = '/paths/~1api~1v1~1servers~1{server_id}~1/get/responses/404';
    changeset(root, 'review', { '@vps-org/openapi': 'minor' }, `Not breaking: \`${pointer}/description\` the wrong pointer.`);
    expect(run('spec-check', root).code).toBe(1);
    changeset(root, 'review', { '@vps-org/openapi': 'minor' }, `The 404 was never answered.\n\nNot breaking: \`${pointer}\` never answered.`);
    const reviewed = run('spec-check', root);
    expect(reviewed, reviewed.err).toMatchObject({ code: 0, err: '' });
    expect(reviewed.out).toContain('0 breaking, 1 more reviewed as not breaking');
  });

  it('a non-breaking change needs a patch or minor changeset of the spec package', () => {
    const root = copy(changed((s) => (s.components.schemas.Server.properties.ipv6_extra = { type: 'string' })));
    const bare = run('spec-check', root);
    expect(bare.code).toBe(1);
    expect(bare.err).toMatch(/^spec:check: \d+ API change\(s\) and no changeset for @vps-org\/openapi, e\.g\. `.*`: the answer has a new field `(results\[\]\.)?ipv6_extra`; add a patch or minor changeset/);
    changeset(root, 'extra', { '@vps-org/openapi': 'patch' }, 'A new answer field.');
    expect(run('spec-check', root)).toMatchObject({ code: 0 });
  }, 300_000);

  it('names a missing released spec and what writes it, without a stack trace', () => {
    const root = copy(base());
    rmSync(join(root, 'spec/released'), { recursive: true });
    const r = run('spec-check', root);
    expect(r.code).toBe(2);
    expect(r.err).toBe(`spec:check: ${join(root, 'spec/released/openapi.json')}: missing (pnpm version-packages writes it)\n`);
  });
});

describe('version-packages on a throwaway copy of the repository', () => {
  it('writes the API changes under the new version in spec/CHANGELOG.md and moves the released spec', () => {
    const current = changed((s) => (s.components.schemas.Server.properties.ipv6_extra = { type: 'string' }));
    const root = copy(current);
    changeset(root, 'extra', { '@vps-org/openapi': 'minor' }, 'Servers tell their extra IPv6 address.');
    const r = run('version-packages', root);
    expect(r.code, r.err).toBe(0);
    const changelog = readFileSync(join(root, 'spec/CHANGELOG.md'), 'utf8');
    const section = changelog.slice(changelog.indexOf('## 0.2.0'), changelog.indexOf('## 0.1.0'));
    expect(section).toContain('### API changes');
    expect(section).toContain(`- \`GET ${server}\`: the answer has a new field \`ipv6_extra\``);
    expect(section).toContain('Servers tell their extra IPv6 address.');
    expect(section).not.toContain('#### Breaking');
    expect(JSON.parse(readFileSync(join(root, 'spec/released/openapi.json'), 'utf8'))).toEqual(current);
    // Released, the change needs no changeset any more.
    expect(run('spec-check', root)).toMatchObject({ code: 0, out: expect.stringContaining('the API is as released') });
  }, 300_000);

  it('refuses to release a breaking change that no changeset declares major', () => {
    const root = copy(changed((s) => delete s.paths[server].delete));
    changeset(root, 'oops', { '@vps-org/openapi': 'minor' }, 'Removes deleteServer.');
    const r = run('version-packages', root);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/^version-packages: spec:check: breaking operation change `DELETE .*\(--force releases anyway\)\n$/);
    expect(readFileSync(join(root, 'spec/CHANGELOG.md'), 'utf8')).toBe(readFileSync(join(repo, 'spec/CHANGELOG.md'), 'utf8'));
  }, 300_000);
});
