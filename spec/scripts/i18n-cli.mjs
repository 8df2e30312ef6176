// What the i18n scripts share: locale arguments, and errors reported as one clear line instead of a stack trace.

import { parseArgs } from 'node:util';

/**
 * The command line: `[--dir <folder of overlays>] [locale...]`; no locale means all of them. Unknown ones are refused.
 * @param {string[]} argv
 * @param {readonly string[]} known
 * @returns {{ locales: string[], dir: string | undefined }}
 */
export function cliArgs(argv, known) {
  const { values, positionals } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: { dir: { type: 'string' } },
    allowPositionals: true,
  });
  for (const locale of positionals) {
    if (!known.includes(locale)) throw new Error(`Unknown locale ${JSON.stringify(locale)}: expected one of ${known.join(', ')}`);
  }
  return { locales: positionals.length > 0 ? positionals : [...known], dir: values.dir };
}

/**
 * Runs `main`; an error ends the process with its message (and exit code 1), never a stack trace.
 * @param {() => void} main
 */
export function runCli(main) {
  try {
    main();
  } catch (error) {
    const e = /** @type {NodeJS.ErrnoException} */ (error);
    const message = e.code === 'ENOENT' ? `${e.message}\n(build the spec first: pnpm --filter @vps-org/openapi build)` : e.message;
    console.error(`i18n: ${message}`);
    process.exitCode = 1;
  }
}
