// Redoc's own interface labels ("Responses", "required", "Copy"...) in each locale: `locales/ui.en.yaml` lists
// every label the reference shows, by Redoc's translation key, with its English text; `locales/ui.<locale>.yaml`
// translates each one. A key Redoc uses for several texts (`contentType`: "Request media type", "Response media
// type") maps each English text to its translation. `pnpm lint` fails on a missing, extra or empty label.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { parse } from 'yaml';
import { assertLocale, LOCALES_DIR } from './locale.js';

/** A label: its text, or, for a key Redoc uses for several texts, each English text's translation. */
export type UiLabel = string | Record<string, string>;
export type UiLabels = Record<string, UiLabel>;
/** Redoc's labels in one language: by translation key, and the texts it writes without one, as templates. */
export interface UiDictionary {
  labels: UiLabels;
  /** English template (`Array of {type}`) -> its translation, with the same `{placeholders}`. */
  texts: Record<string, string>;
}

/** A label dictionary that is not a map of keys to labels. */
export class UiLabelsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UiLabelsError';
  }
}

/** Where the labels of `locale` (`en` for the English list) live. */
export function uiLabelsPath(locale: string, dir: string = LOCALES_DIR): string {
  return join(dir, `ui.${locale}.yaml`);
}

/** Reads and checks the shape of a label file: keys to strings, or to maps of strings; texts to strings. */
export function readUiLabels(locale: string, dir: string = LOCALES_DIR): UiDictionary {
  if (locale !== 'en') assertLocale(locale);
  const path = uiLabelsPath(locale, dir);
  const file = relative(process.cwd(), path) || path;
  const doc: unknown = parse(readFileSync(path, 'utf8'));
  const labels = isObject(doc) ? doc.labels : undefined;
  if (!isObject(labels)) throw new UiLabelsError(`${file}: expected a \`labels:\` map of Redoc label keys`);
  for (const [key, value] of Object.entries(labels)) {
    const ok = typeof value === 'string' || (isObject(value) && Object.values(value).every((v) => typeof v === 'string'));
    if (!ok) throw new UiLabelsError(`${file}: labels.${key} must be a string or a map of English text to label`);
  }
  const texts = isObject(doc) ? (doc.texts ?? {}) : {};
  if (!isObject(texts) || !Object.values(texts).every((v) => typeof v === 'string')) {
    throw new UiLabelsError(`${file}: \`texts:\` must map English templates to strings`);
  }
  return { labels: labels as UiLabels, texts: texts as Record<string, string> };
}

/** The labels of a locale, as the docs hand them to Redoc. */
export function uiLabels(locale: string, dir: string = LOCALES_DIR): UiDictionary {
  return readUiLabels(locale, dir);
}

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort().join(',');

/** What is wrong with a locale's labels against the English list: one line per missing, extra or empty label. */
export function checkUiLabels(locale: string, dir: string = LOCALES_DIR): string[] {
  const { labels: english, texts: englishTexts } = readUiLabels('en', dir);
  const { labels: ours, texts } = readUiLabels(locale, dir);
  const problems: string[] = [];
  for (const [key, en] of Object.entries(english)) {
    const t = ours[key];
    if (t === undefined) problems.push(`missing  labels.${key}  English: ${JSON.stringify(en)}`);
    else if (typeof en === 'string' && (typeof t !== 'string' || t.trim() === '')) problems.push(`empty    labels.${key}  English: ${JSON.stringify(en)}`);
    else if (typeof en !== 'string') {
      if (typeof t === 'string') problems.push(`shape    labels.${key}  expected a map of ${Object.keys(en).map((k) => JSON.stringify(k)).join(', ')}`);
      else {
        for (const text of Object.keys(en)) if (!t[text]?.trim()) problems.push(`missing  labels.${key}.${JSON.stringify(text)}`);
        for (const text of Object.keys(t)) if (!(text in en)) problems.push(`extra    labels.${key}.${JSON.stringify(text)}  not in ui.en.yaml`);
      }
    }
  }
  for (const key of Object.keys(ours)) if (!(key in english)) problems.push(`extra    labels.${key}  not in ui.en.yaml`);
  for (const template of Object.keys(englishTexts)) {
    const t = texts[template];
    if (!t?.trim()) problems.push(`missing  texts.${JSON.stringify(template)}`);
    else if (placeholders(t) !== placeholders(template)) problems.push(`template texts.${JSON.stringify(template)}  ${JSON.stringify(t)} must use the placeholders of the English`);
  }
  for (const template of Object.keys(texts)) if (!(template in englishTexts)) problems.push(`extra    texts.${JSON.stringify(template)}  not in ui.en.yaml`);
  return problems;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
