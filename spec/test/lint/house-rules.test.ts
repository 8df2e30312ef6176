import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const specDir = fileURLToPath(new URL('../../', import.meta.url));

async function lint(file: string) {
  // redocly exits 1 when it finds problems; the JSON report is what we read either way.
  const out = await run('pnpm', ['exec', 'redocly', 'lint', file, '--config', 'redocly.yaml', '--format', 'json'], {
    cwd: specDir,
    env: { ...process.env, REDOCLY_TELEMETRY: 'off', REDOCLY_SUPPRESS_UPDATE_NOTICE: 'true' },
  }).catch((e: { stdout: string }) => e);
  const json = out.stdout.slice(out.stdout.indexOf('{'));
  return JSON.parse(json) as { totals: { errors: number; warnings: number }; problems: Array<{ ruleId: string }> };
}

describe('lint', () => {
  it('the spec has 0 errors and 0 warnings under recommended-strict and the house rules', async () => {
    const report = await lint('openapi.yaml');
    expect(report.problems).toEqual([]);
    expect(report.totals).toMatchObject({ errors: 0, warnings: 0 });
  });

  it('each house rule catches what it is for', async () => {
    const report = await lint('test/lint/fixtures/breaks-house-rules.yaml');
    const rules = new Set(report.problems.map((p) => p.ruleId));
    for (const rule of [
      'rule/operation-id-verb-noun',
      'rule/operation-has-tags',
      'rule/operation-has-summary',
      'rule/operation-has-description',
      'rule/operation-has-security',
      'rule/operation-has-401',
      'rule/parameter-explained',
      'rule/snake-case-properties',
    ]) {
      expect(rules, rule).toContain(rule);
    }
  });
});
