// The real i18n scripts as `pnpm lint` and a translator run them: exit codes, pointers named, no stack traces.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { localePath } from '../../src/i18n/locale.js';

const spec = fileURLToPath(new URL('../../', import.meta.url));
const dir = fileURLToPath(new URL('../../test-artifacts/i18n-cli/', import.meta.url));
const run = (script: string, ...args: string[]) => {
  const r = spawnSync(process.execPath, [`scripts/${script}`, ...args], { cwd: spec, encoding: 'utf8' });
  return { code: r.status, out: r.stdout, err: r.stderr };
};
const noStack = (text: string) => expect(text).not.toMatch(/\n\s+at .+:\d+:\d+/);

const REBOOT = '/paths/~1api~1v1~1servers~1{server_id}~1reboot~1/post/summary';
const LIST_ZONES = '/paths/~1api~1v1~1dns-zones~1/get/summary';

beforeAll(() => {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const ko = readFileSync(localePath('ko'), 'utf8');
  // One translation deleted, one whose English has changed since it was made.
  const broken = ko.replace('      summary: 서버 재부팅\n', '').replace('summary: List DNS zones', 'summary: List every DNS zone');
  expect(broken).not.toBe(ko);
  writeFileSync(`${dir}ko.overlay.yaml`, broken);
  writeFileSync(`${dir}fr.overlay.yaml`, 'overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions:\n  - target: $.paths.*\n    update: {}\n');
});

afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('i18n-check.mjs', () => {
  it('passes on the committed overlays', () => {
    const r = run('i18n-check.mjs');
    expect(r.code, r.err).toBe(0);
    expect(r.out).toContain('ko: every string is translated');
    expect(r.out).toContain('fr: every string is translated');
  });

  it('fails naming the pointer of a missing and of a stale translation, with the line, and no stack trace', () => {
    const r = run('i18n-check.mjs', '--dir', dir, 'ko');
    expect(r.code).toBe(1);
    expect(r.err).toContain('ko: 1 missing, 1 stale');
    expect(r.err).toMatch(new RegExp(`missing\\s+${REBOOT.replace(/[{}]/g, '\\$&')}\\s+English: "Reboot a server"`));
    expect(r.err).toMatch(new RegExp(`stale\\s+${LIST_ZONES}\\s+\\(.*ko\\.overlay\\.yaml:\\d+\\) the English changed from "List every DNS zone" to "List DNS zones"`));
    expect(r.err).toContain('i18n:missing ko');
    noStack(r.err);
  });

  it('names the file and line of a malformed overlay', () => {
    const r = run('i18n-check.mjs', '--dir', dir, 'fr');
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/^i18n: .*fr\.overlay\.yaml:6: actions\[0\]\.target: Unsupported JSONPath "\$\.paths\.\*"/);
    noStack(r.err);
  });

  it('refuses an unknown locale by name', () => {
    const r = run('i18n-check.mjs', 'de');
    expect(r.code).toBe(1);
    expect(r.err).toBe('i18n: Unknown locale "de": expected one of ko, fr\n');
  });
});

describe('i18n-missing.mjs', () => {
  it('prints the actions still to translate as YAML, English in x-source', () => {
    const r = run('i18n-missing.mjs', '--dir', dir, 'ko');
    expect(r.code, r.err).toBe(0);
    expect(parse(r.out)).toEqual([
      {
        target: "$.paths['/api/v1/servers/{server_id}/reboot/'].post",
        update: { summary: '' },
        'x-source': { summary: 'Reboot a server' },
      },
      {
        target: "$.paths['/api/v1/dns-zones/'].get",
        update: { summary: '' },
        'x-source': { summary: 'List DNS zones' },
        'x-previous': { summary: '모든 DNS 영역 나열' },
      },
    ]);
    expect(r.err).toContain(REBOOT);
  });

  it('prints nothing to do on a complete locale', () => {
    const r = run('i18n-missing.mjs', 'fr');
    expect(r.code).toBe(0);
    expect(r.out).toBe('');
    expect(r.err).toBe('fr: nothing to translate.\n');
  });
});
