// `pnpm lint` (and `pnpm --filter @vps-org/openapi i18n:check [--dir folder] [locale...]`): fails, naming the JSON Pointer of each,
// when a translatable English string has no translation in a locale, or a translation's English changed or is gone.
import { loadSpec } from '../lib/index.js';
import { checkLocale, formatProblems, loadLocale, LOCALES } from '../lib/i18n/index.js';
import { cliArgs, runCli } from './i18n-cli.mjs';

runCli(() => {
  const spec = loadSpec();
  let failed = false;
  const { locales, dir } = cliArgs(process.argv.slice(2), LOCALES);
  for (const locale of locales) {
    const file = loadLocale(locale, dir);
    const problems = checkLocale(spec, file);
    if (problems.length === 0) {
      console.log(`${locale}: every string is translated (${file.file})`);
      continue;
    }
    failed = true;
    console.error(formatProblems(locale, file.file, problems));
    console.error(`  -> \`pnpm --filter @vps-org/openapi i18n:missing ${locale}\` prints the actions to fill in.\n`);
  }
  if (failed) process.exitCode = 1;
});
