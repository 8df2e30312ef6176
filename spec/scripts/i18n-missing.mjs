// `pnpm --filter @vps-org/openapi i18n:missing [--dir folder] <locale>`: prints, as Overlay actions to paste under `actions:` in
// locales/<locale>.overlay.yaml, every string still to translate (English in x-source, update left empty);
// stale and gone translations are listed on stderr.
import { loadSpec } from '../lib/index.js';
import { checkLocale, formatProblems, formatSkeleton, loadLocale, LOCALES } from '../lib/i18n/index.js';
import { cliArgs, runCli } from './i18n-cli.mjs';

runCli(() => {
  const { locales, dir } = cliArgs(process.argv.slice(2), LOCALES);
  if (locales.length !== 1) throw new Error(`Name one locale: ${LOCALES.join(' or ')}`);
  const locale = /** @type {string} */ (locales[0]);
  const spec = loadSpec();
  const file = loadLocale(locale, dir);
  const problems = checkLocale(spec, file);
  if (problems.length === 0) {
    console.error(`${locale}: nothing to translate.`);
    return;
  }
  console.error(formatProblems(locale, file.file, problems));
  const skeleton = formatSkeleton(spec, problems);
  if (skeleton) {
    console.error(`\n# Paste under \`actions:\` in ${file.file} and fill in each update:`);
    process.stdout.write(skeleton);
  }
});
