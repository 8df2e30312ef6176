// Translations of the spec, one Overlay 1.0 file per locale (`locales/<locale>.overlay.yaml`). Each action targets
// the object that holds English strings, sets their translations in `update`, and keeps the English they were
// translated from in `x-source`, so a changed English string shows up as a stale translation.
import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { applyOverlay, parseOverlay, type Overlay, type OverlayAction, type OverlayFile } from './overlay.js';
import { parseJsonPath, toJsonPath, toPointer } from './paths.js';
import { translatableStrings } from './strings.js';

/** The locales the spec is translated into (English is the source). */
export const LOCALES = ['ko', 'fr'] as const;
export type Locale = (typeof LOCALES)[number];

/** The folder of the overlays (`locales/` in this package). */
export const LOCALES_DIR = fileURLToPath(new URL('../../locales/', import.meta.url));

/** Where a locale's overlay lives. */
export function localePath(locale: string, dir: string = LOCALES_DIR): string {
  return join(dir, `${locale}.overlay.yaml`);
}

/** A locale name this package does not know. */
export class UnknownLocaleError extends Error {
  constructor(readonly locale: string) {
    super(`Unknown locale ${JSON.stringify(locale)}: expected one of ${LOCALES.join(', ')}`);
    this.name = 'UnknownLocaleError';
  }
}

export function assertLocale(locale: string): asserts locale is Locale {
  if (!(LOCALES as readonly string[]).includes(locale)) throw new UnknownLocaleError(locale);
}

/**
 * Reads and checks a locale's overlay (an OverlayError names the file and line of a malformed one). Messages name
 * the file relative to the working directory.
 */
export function loadLocale(locale: string, dir: string = LOCALES_DIR): OverlayFile {
  assertLocale(locale);
  const path = localePath(locale, dir);
  return parseOverlay(readFileSync(path, 'utf8'), relative(process.cwd(), path) || path);
}

/** One translation in an overlay: where it points, what it says, and the English it was made from. */
export interface Translation {
  pointer: string;
  text: unknown;
  source: unknown;
  /** 1-based line of its action in the overlay file. */
  line: number;
}

/** Every translated string of an overlay, by JSON Pointer. */
export function translations(file: OverlayFile): Map<string, Translation> {
  const out = new Map<string, Translation>();
  file.overlay.actions.forEach((action, i) => {
    if (action.remove || !isObject(action.update)) return;
    const parent = parseJsonPath(action.target);
    const source = isObject(action['x-source']) ? action['x-source'] : {};
    for (const [key, text] of Object.entries(action.update)) {
      out.set(toPointer([...parent, key]), { pointer: toPointer([...parent, key]), text, source: source[key], line: file.lines[i]! });
    }
  });
  return out;
}

/** Why a string is not (properly) translated. */
export type ProblemKind = 'missing' | 'changed' | 'gone' | 'not-text';

export interface Problem {
  kind: ProblemKind;
  pointer: string;
  /** The English string now in the spec (missing, changed). */
  english?: string;
  /** The translation in the overlay (changed, gone) and the English it was made from. */
  translation?: unknown;
  source?: unknown;
  /** 1-based line in the overlay file (changed, gone, not-text). */
  line?: number;
}

/**
 * Compares a locale's overlay with the English spec: a string with no (or an empty) translation is missing; one
 * whose English changed since it was translated is changed; a translation of a string the spec no longer has is
 * gone; a translation that is not a string is not-text. Sorted by pointer.
 */
export function checkLocale(spec: unknown, file: OverlayFile): Problem[] {
  const english = translatableStrings(spec);
  const have = translations(file);
  const problems: Problem[] = [];
  const wanted = new Set<string>();
  for (const s of english) {
    wanted.add(s.pointer);
    const t = have.get(s.pointer);
    if (!t || t.text === '' || t.text === null) problems.push({ kind: 'missing', pointer: s.pointer, english: s.text });
    else if (typeof t.text !== 'string') problems.push({ kind: 'not-text', pointer: s.pointer, translation: t.text, line: t.line });
    else if (t.source !== s.text) {
      problems.push({ kind: 'changed', pointer: s.pointer, english: s.text, translation: t.text, source: t.source, line: t.line });
    }
  }
  for (const t of have.values()) {
    if (!wanted.has(t.pointer)) problems.push({ kind: 'gone', pointer: t.pointer, translation: t.text, source: t.source, line: t.line });
  }
  return problems.sort((a, b) => (a.pointer < b.pointer ? -1 : a.pointer > b.pointer ? 1 : 0));
}

/**
 * The spec in a locale: the overlay applied with empty translations left out (those strings stay English, and the
 * check reports them), and translations of strings the spec no longer has ignored.
 */
export function translateSpec<T>(spec: T, file: OverlayFile): T {
  const wanted = new Set(translatableStrings(spec).map((s) => s.pointer));
  const actions: OverlayAction[] = [];
  for (const action of file.overlay.actions) {
    if (action.remove || !isObject(action.update)) {
      actions.push(action);
      continue;
    }
    const parent = parseJsonPath(action.target);
    const update = Object.fromEntries(
      Object.entries(action.update).filter(([key, text]) => typeof text === 'string' && text !== '' && wanted.has(toPointer([...parent, key]))),
    );
    if (Object.keys(update).length > 0) actions.push({ target: action.target, update });
  }
  return applyOverlay(spec, { ...file.overlay, actions }).document;
}

/**
 * Overlay actions to fill in for `problems` (missing, changed and non-text strings), grouped by target, in spec order: the
 * English in `x-source`, `update` left empty, and a changed string's old translation in `x-previous`. Pasted after
 * the existing actions they win (later actions override earlier ones).
 */
export function skeletonActions(spec: unknown, problems: Problem[]): OverlayAction[] {
  const todo = new Map(problems.filter((p) => p.kind !== 'gone').map((p) => [p.pointer, p]));
  const byTarget = new Map<string, OverlayAction & { update: Record<string, string>; 'x-source': Record<string, string> }>();
  for (const s of translatableStrings(spec)) {
    const problem = todo.get(s.pointer);
    if (!problem) continue;
    const target = toJsonPath(s.parent);
    const action = byTarget.get(target) ?? { target, update: {}, 'x-source': {} };
    action.update[s.key] = '';
    action['x-source'][s.key] = s.text;
    if (problem.kind === 'changed') action['x-previous'] = { ...(action['x-previous'] as object), [s.key]: problem.translation };
    byTarget.set(target, action);
  }
  return [...byTarget.values()];
}

/** A whole overlay document (used to start a locale and by tests). */
export function overlayDocument(locale: string, actions: OverlayAction[]): Overlay {
  return { overlay: '1.0.0', info: { title: `VPS.org API (${locale})`, version: '1.0.0' }, actions };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
