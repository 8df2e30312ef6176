// The translatable strings of an OpenAPI document: every summary, description and title a reader sees, plus each
// tag's display name. Wire data is never text to translate: example values, defaults, enums, consts, field names,
// operationIds, paths and code samples are left out.
import { toPointer, type Segments } from './paths.js';

/** One English string, where it is and what it says. */
export interface SourceString {
  /** JSON Pointer of the string, e.g. `/paths/~1api~1v1~1servers~1/get/summary`. */
  pointer: string;
  /** Segments of the object that holds it (the overlay action's target). */
  parent: Segments;
  /** Its key in that object: `summary`, `description`, `title` or `x-displayName`. */
  key: string;
  text: string;
}

const TEXT_KEYS = new Set(['summary', 'description', 'title']);
/** Keys whose values are data, at any level below: never walked. */
const DATA_KEYS = new Set(['example', 'default', 'enum', 'const', 'x-codeSamples', 'x-logo']);
/** Maps whose keys are names chosen by the API (field names), not OpenAPI keywords. */
const NAME_MAPS = new Set(['properties', 'patternProperties']);

/** Every translatable string of `doc`, in document order. */
export function translatableStrings(doc: unknown): SourceString[] {
  const out: SourceString[] = [];
  walk(doc, [], out);
  if (isObject(doc) && Array.isArray(doc.tags)) {
    // A tag's name is its anchor (`#/dns-zones/...`) and stays English; readers see its x-displayName.
    doc.tags.forEach((tag: unknown, i) => {
      if (!isObject(tag) || typeof tag.name !== 'string') return;
      if (typeof tag['x-displayName'] === 'string') return; // already collected by walk()
      out.push({ pointer: toPointer(['tags', i, 'x-displayName']), parent: ['tags', i], key: 'x-displayName', text: tag.name });
    });
  }
  return out;
}

function walk(node: unknown, at: Segments, out: SourceString[]): void {
  if (Array.isArray(node)) {
    node.forEach((item, i) => walk(item, [...at, i], out));
    return;
  }
  if (!isObject(node)) return;
  const parentKey = at.at(-1);
  const namesOnly = typeof parentKey === 'string' && NAME_MAPS.has(parentKey) && isObject(node);
  for (const [key, value] of Object.entries(node)) {
    if (namesOnly) {
      walk(value, [...at, key], out);
      continue;
    }
    if (TEXT_KEYS.has(key) && typeof value === 'string') {
      out.push({ pointer: toPointer([...at, key]), parent: at, key, text: value });
      continue;
    }
    if (key === 'x-displayName' && typeof value === 'string') {
      out.push({ pointer: toPointer([...at, key]), parent: at, key, text: value });
      continue;
    }
    if (DATA_KEYS.has(key)) continue;
    // `examples`: a list of values (schemas), or a map of Example Objects whose `value` is data.
    if (key === 'examples' && Array.isArray(value)) continue;
    if (key === 'value' && at.at(-2) === 'examples') continue;
    walk(value, [...at, key], out);
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
