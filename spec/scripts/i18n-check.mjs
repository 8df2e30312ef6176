// `pnpm lint` (and `pnpm --filter @vps-org/openapi i18n:check [--dir folder] [locale...]`): fails, naming the JSON Pointer of each,
// when a translatable English string has no translation in a locale, or a translation's English changed or is gone;
// when Redoc's interface labels (locales/ui.<locale>.yaml) miss one of ui.en.yaml's; and when a translation breaks
// the glossary (locales/glossary.yaml) or, in French, the typography of `: ; ? !`.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { loadSpec } from '../lib/index.js';
import { checkGlossary, checkLocale, checkUiLabels, formatProblems, loadLocale, LOCALES, LOCALES_DIR, readGlossary } from '../lib/i18n/index.js';
import { cliArgs, runCli } from './i18n-cli.mjs';

runCli(() => {
  const spec = loadSpec();
  let failed = false;
  const { locales, dir } = cliArgs(process.argv.slice(2), LOCALES);
  // A --dir of overlays alone (as the tests write) is checked against the committed labels and glossary.
  const shared = dir && existsSync(join(dir, 'ui.en.yaml')) ? dir : LOCALES_DIR;
  const glossary = readGlossary(dir && existsSync(join(dir, 'glossary.yaml')) ? dir : LOCALES_DIR);
  for (const locale of locales) {
    const file = loadLocale(locale, dir);
    const problems = checkLocale(spec, file);
    const labels = checkUiLabels(locale, shared);
    const words = checkGlossary(locale, file, glossary);
    if (problems.length === 0 && labels.length === 0 && words.length === 0) {
      console.log(`${locale}: every string is translated (${file.file}), every interface label too (ui.${locale}.yaml), glossary and typography kept`);
      continue;
    }
    failed = true;
    if (problems.length > 0) {
      console.error(formatProblems(locale, file.file, problems));
      console.error(`  -> \`pnpm --filter @vps-org/openapi i18n:missing ${locale}\` prints the actions to fill in.\n`);
    }
    if (labels.length > 0) console.error(`${locale}: ${labels.length} interface label problems in ui.${locale}.yaml:\n  ${labels.join('\n  ')}\n`);
    if (words.length > 0) console.error(`${locale}: ${words.length} glossary or typography problems:\n  ${words.join('\n  ')}\n`);
  }
  if (failed) process.exitCode = 1;
});
