// `pnpm seeds:check` compares fixtures/seeds.json (what the tests take from the vendor's reference pages) with the
// pages themselves in ../shared/seeds, when that folder exists; `--write` refreshes the fixture from them.
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { isDeepStrictEqual } from 'node:util';
import { seedFixture } from '@vps-org/testkit';

const seedsDir = new URL('../../../shared/seeds/', import.meta.url);
const fixturePath = new URL('../fixtures/seeds.json', import.meta.url);

if (!existsSync(seedsDir)) {
  console.log(`seeds: no ${seedsDir.pathname} beside the repository; nothing to compare`);
  process.exit(0);
}
const fresh = readdirSync(seedsDir)
  .filter((f) => f.endsWith('.txt'))
  .sort()
  .map((file) => seedFixture(file, readFileSync(new URL(file, seedsDir), 'utf8')));

if (process.argv.includes('--write')) {
  writeFileSync(fixturePath, `${JSON.stringify(fresh, null, 2)}\n`);
  console.log(`seeds: wrote fixtures/seeds.json from ${fresh.length} pages`);
  process.exit(0);
}
/** @type {import('@vps-org/testkit').SeedFixture[]} */
const kept = JSON.parse(readFileSync(fixturePath, 'utf8'));
const problems = [];
for (const page of fresh) {
  const mine = kept.find((k) => k.file === page.file);
  if (!mine) problems.push(`${page.file}: a page the fixture does not hold`);
  else if (!isDeepStrictEqual(mine, page)) problems.push(`${page.file}: the fixture differs from the page`);
}
for (const k of kept) if (!fresh.some((p) => p.file === k.file)) problems.push(`${k.file}: in the fixture, no longer a page`);
if (problems.length) {
  console.error(`seeds: fixtures/seeds.json is out of date (run \`pnpm --filter @vps-org/openapi seeds:check --write\`):\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(`seeds: fixtures/seeds.json matches the ${fresh.length} pages in ${seedsDir.pathname}`);
