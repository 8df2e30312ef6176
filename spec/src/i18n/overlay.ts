// OpenAPI Overlay 1.0 (https://spec.openapis.org/overlay/v1.0.0): read from YAML with the line of every action,
// and applied to a document. Targets are singular JSONPath queries (see paths.ts); `update` merges into the
// target, `remove` deletes it. Actions may carry `x-` extensions, which the applier ignores.
import { isMap, LineCounter, parseDocument, type Node } from 'yaml';
import { nodeAt, parseJsonPath, type Segments } from './paths.js';

export interface OverlayAction {
  target: string;
  description?: string;
  update?: unknown;
  remove?: boolean;
  /** Extensions (`x-…`) as written. */
  [extension: `x-${string}`]: unknown;
}

export interface Overlay {
  overlay: string;
  info: { title: string; version: string };
  extends?: string;
  actions: OverlayAction[];
}

/** An overlay read from a file, with where each action starts. */
export interface OverlayFile {
  file: string;
  overlay: Overlay;
  /** 1-based line of each action, by index. */
  lines: number[];
}

/** A malformed overlay, naming the file, the line and the field. */
export class OverlayError extends Error {
  constructor(
    readonly file: string,
    readonly line: number,
    readonly field: string,
    problem: string,
  ) {
    super(`${file}:${line}: ${field}: ${problem}`);
    this.name = 'OverlayError';
  }
}

/** Parses and checks an Overlay 1.0 document; every problem is an OverlayError with its line. */
export function parseOverlay(text: string, file: string): OverlayFile {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  const lineOf = (node: Node | null | undefined) => (node?.range ? lineCounter.linePos(node.range[0]).line : 1);
  const firstError = doc.errors[0];
  if (firstError) {
    throw new OverlayError(file, lineCounter.linePos(firstError.pos[0]).line, 'yaml', firstError.message.split('\n')[0]!);
  }
  const root = doc.toJS() as Partial<Overlay> | null;
  if (!root || typeof root !== 'object' || Array.isArray(root)) throw new OverlayError(file, 1, 'overlay', 'the file is not a mapping');
  if (typeof root.overlay !== 'string' || !/^1\.0\.\d+$/.test(root.overlay)) {
    throw new OverlayError(file, lineOf(doc.get('overlay', true) as Node), 'overlay', `must be "1.0.x", got ${JSON.stringify(root.overlay)}`);
  }
  if (typeof root.info?.title !== 'string' || typeof root.info?.version !== 'string') {
    throw new OverlayError(file, lineOf(doc.get('info', true) as Node), 'info', 'needs a title and a version (strings)');
  }
  const actionsNode = doc.get('actions', true) as Node | undefined;
  if (!Array.isArray(root.actions) || root.actions.length === 0) {
    throw new OverlayError(file, lineOf(actionsNode), 'actions', 'must be a non-empty list');
  }
  const items = (actionsNode as unknown as { items: Node[] }).items;
  const lines = items.map((item) => lineOf(item));
  root.actions.forEach((action, i) => {
    const at = (field: string, problem: string): never => {
      const item = items[i];
      const fieldNode = isMap(item) ? (item.get(field, true) as Node | undefined) : undefined;
      throw new OverlayError(file, fieldNode ? lineOf(fieldNode) : lines[i]!, `actions[${i}].${field}`, problem);
    };
    if (!action || typeof action !== 'object' || Array.isArray(action)) return at('target', 'the action is not a mapping');
    if (typeof action.target !== 'string') return at('target', 'is required (a JSONPath string)');
    try {
      parseJsonPath(action.target);
    } catch (error) {
      return at('target', (error as Error).message);
    }
    if (action.remove !== undefined && typeof action.remove !== 'boolean') return at('remove', 'must be true or false');
    if (action.remove && action.update !== undefined) return at('update', 'an action either updates or removes, not both');
    if (!action.remove && action.update === undefined) return at('update', 'is required unless remove is true');
  });
  return { file, overlay: root as Overlay, lines };
}

/** What applying an overlay did: the new document and the actions whose target matched nothing. */
export interface OverlayResult<T> {
  document: T;
  unmatched: number[];
}

/**
 * Applies the actions in order to a deep copy of `document`. A target that matches nothing is not an error in
 * Overlay 1.0; its index is reported in `unmatched` so a caller can say so.
 */
export function applyOverlay<T>(document: T, overlay: Overlay): OverlayResult<T> {
  const doc = structuredClone(document);
  const unmatched: number[] = [];
  overlay.actions.forEach((action, i) => {
    const segments = parseJsonPath(action.target);
    if (segments.length === 0 && action.remove) throw new Error(`actions[${i}]: the document root cannot be removed`);
    const target = nodeAt(doc, segments);
    if (target === undefined) {
      unmatched.push(i);
      return;
    }
    if (action.remove) {
      removeAt(doc, segments);
      return;
    }
    if (segments.length === 0) {
      merge(doc, action.update);
      return;
    }
    setAt(doc, segments, mergeInto(target, action.update));
  });
  return { document: doc, unmatched };
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Overlay 1.0 update: objects merge recursively, an array target gets the value appended, anything else is replaced. */
function mergeInto(target: unknown, update: unknown): unknown {
  if (Array.isArray(target)) return [...target, ...(Array.isArray(update) ? update : [update])].map((v) => structuredClone(v));
  if (isObject(target) && isObject(update)) {
    merge(target, update);
    return target;
  }
  return structuredClone(update);
}

function merge(target: unknown, update: unknown): void {
  if (!isObject(target) || !isObject(update)) throw new Error('The document root can only be updated with an object');
  for (const [key, value] of Object.entries(update)) {
    target[key] = Object.hasOwn(target, key) ? mergeInto(target[key], value) : structuredClone(value);
  }
}

function parentOf(doc: unknown, segments: Segments): Record<string | number, unknown> {
  return nodeAt(doc, segments.slice(0, -1)) as Record<string | number, unknown>;
}

function setAt(doc: unknown, segments: Segments, value: unknown): void {
  parentOf(doc, segments)[segments.at(-1)!] = value;
}

function removeAt(doc: unknown, segments: Segments): void {
  const parent = parentOf(doc, segments);
  const last = segments.at(-1)!;
  if (Array.isArray(parent)) parent.splice(Number(last), 1);
  else delete parent[last];
}
