// The glossary (`locales/glossary.yaml`): the terms each translation must render one way (the vendor's terms, the
// status meanings), and French typography. `pnpm lint` fails, naming the pointer and line, where a translated
// string whose English uses a listed term does not use the locale's term, or where French puts a plain space (or
// none) before `:`, `;`, `?` or `!` outside code.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { assertLocale, LOCALES_DIR, translations } from './locale.js';
import type { OverlayFile } from './overlay.js';

/** One glossary entry: the English term, and each locale's accepted renderings. */
export interface GlossaryTerm {
  en: string;
  ko: string[];
  fr: string[];
}

export function glossaryPath(dir: string = LOCALES_DIR): string {
  return join(dir, 'glossary.yaml');
}

/** Reads the glossary; a malformed entry fails naming its index. */
export function readGlossary(dir: string = LOCALES_DIR): GlossaryTerm[] {
  const path = glossaryPath(dir);
  const doc: unknown = parse(readFileSync(path, 'utf8'));
  const terms = doc && typeof doc === 'object' && 'terms' in doc ? (doc as { terms: unknown }).terms : undefined;
  if (!Array.isArray(terms)) throw new Error(`${relative(process.cwd(), path)}: expected a \`terms:\` list`);
  return terms.map((t: unknown, i) => {
    const entry = (t ?? {}) as Record<string, unknown>;
    const list = (v: unknown) => (typeof v === 'string' ? [v] : Array.isArray(v) && v.every((x) => typeof x === 'string') ? (v as string[]) : null);
    const ko = list(entry.ko);
    const fr = list(entry.fr);
    if (typeof entry.en !== 'string' || !ko || !fr) {
      throw new Error(`${relative(process.cwd(), path)}: terms[${i}] needs en (a string), ko and fr (a string or a list)`);
    }
    return { en: entry.en, ko, fr };
  });
}

/** The text outside Markdown code (fences and inline spans) and URLs: where prose rules apply. */
export function proseOf(text: string): string {
  return text.replace(/```[\s\S]*?```/g, ' ').replace(/`[^`]*`/g, ' ').replace(/\b[a-z]+:\/\/\S+/gi, ' ');
}

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** French typography in one string: what is wrong, or nothing. */
export function frenchTypography(text: string): string[] {
  const prose = proseOf(text);
  const problems: string[] = [];
  for (const m of prose.matchAll(/(.{0,12})( ?)([:;?!])(?=\s|$)/g)) {
    const [, before = '', space, mark = ''] = m;
    // A Markdown table's alignment row (`| :--- | ---: |`) is no punctuation.
    if (/\|\s*$/.test(before) || /-$/.test(before) || before.endsWith('\u00a0') || before.endsWith('\u202f')) continue;
    problems.push(`${space ? 'a plain space' : 'no space'} before "${mark}" in "…${before}${space}${mark}" (use U+00A0 before ":", U+202F before ";?!")`);
  }
  return problems;
}

/** Glossary and typography problems of a locale's overlay, one line each, with pointer and line. */
export function checkGlossary(locale: string, file: OverlayFile, glossary: GlossaryTerm[]): string[] {
  assertLocale(locale);
  const problems: string[] = [];
  for (const t of translations(file).values()) {
    if (typeof t.text !== 'string' || typeof t.source !== 'string') continue;
    const where = `${t.pointer}  (${file.file}:${t.line})`;
    const source = proseOf(t.source);
    const text = proseOf(t.text).toLowerCase();
    for (const term of glossary) {
      if (!new RegExp(`\\b${escapeRegExp(term.en)}\\b`, 'i').test(source)) continue;
      const forms = term[locale];
      if (!forms.some((f) => text.includes(f.toLowerCase()))) {
        problems.push(`glossary ${where}  "${term.en}" must read ${forms.map((f) => JSON.stringify(f)).join(' or ')}`);
      }
    }
    if (locale === 'fr') for (const p of frenchTypography(t.text)) problems.push(`typography ${where}  ${p}`);
  }
  return problems;
}
