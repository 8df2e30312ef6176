// The spec's prose serves two readers: the reference says where a fact is inferred and why, which a caller hovering
// over a method or a field in an editor does not need. The generated code's doc comments keep what a caller needs.

/** A parenthesis about where a fact comes from: `(inferred)`, `(pattern inferred from RFC 2782; ...)`. */
const PROVENANCE = /\s*\((?:[^()]*\binferred\b|[^()]*\breference\b)[^()]*\)/gi;
/** A sentence about how the spec was written rather than what the API does. */
const AUTHORING = /\binferred\b|\breference(?:'s)?\b|Django REST Framework|\bDRF\b|\bthe vendor\b/i;

/**
 * `text` without provenance notes: parentheses that say "inferred", and sentences about the reference or how a gap
 * was filled. Undefined when nothing is left.
 * @param {string | undefined} text
 * @returns {string | undefined}
 */
export function callerText(text) {
  if (!text) return undefined;
  const paragraphs = text
    .replace(PROVENANCE, '')
    .split(/\n\s*\n/)
    .map((paragraph) =>
      paragraph
        .split(/(?<=[.!?])\s+(?=[A-Z`])/)
        .filter((sentence) => !AUTHORING.test(sentence))
        .join(' ')
        .trim(),
    )
    .filter(Boolean);
  return paragraphs.length ? paragraphs.join('\n\n') : undefined;
}

/**
 * A copy of the spec whose `description`s are caller text, for the generators (never for the reference).
 * @template T
 * @param {T} node
 * @returns {T}
 */
export function callerSpec(node) {
  if (Array.isArray(node)) return /** @type {T} */ (node.map(callerSpec));
  if (!node || typeof node !== 'object') return node;
  /** @type {Record<string, unknown>} */
  const copy = {};
  for (const [key, value] of Object.entries(node)) {
    if (key === 'description' && typeof value === 'string') {
      const text = callerText(value);
      if (text !== undefined) copy[key] = text;
    } else if (key === 'example' || key === 'examples') {
      copy[key] = value; // wire data, not prose
    } else {
      copy[key] = callerSpec(value);
    }
  }
  return /** @type {T} */ (copy);
}
