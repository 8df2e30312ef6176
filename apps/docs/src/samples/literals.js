// Pretty-printers of JSON example values as source literals, shared by the TypeScript, Python and PHP samples.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/**
 * How one language writes literals.
 * @typedef {object} Syntax
 * @property {(s: string) => string} string
 * @property {(k: string) => string} key
 * @property {string} null
 * @property {string} true
 * @property {string} false
 * @property {[string, string]} list
 * @property {[string, string]} map
 * @property {string} pair
 * @property {string} emptyMap
 * @property {string} unit
 */

/**
 * A TypeScript/JavaScript literal: unquoted keys where possible, single-quoted strings.
 * @param {unknown} value
 * @param {string} [indent]
 */
export function tsLiteral(value, indent = '') {
  return literal(value, indent, {
    string: (s) => `'${JSON.stringify(s).slice(1, -1).replaceAll("\\\"", '"').replaceAll("'", "\\'")}'`,
    key: (k) => (IDENT.test(k) ? k : `'${k.replaceAll("'", "\\'")}'`),
    null: 'null', true: 'true', false: 'false',
    list: ['[', ']'], map: ['{', '}'], pair: ': ', emptyMap: '{}', unit: '  ',
  });
}

/**
 * A Python literal (as json= for requests): True/False/None, double-quoted strings.
 * @param {unknown} value
 * @param {string} [indent]
 */
export function pyLiteral(value, indent = '') {
  return literal(value, indent, {
    string: (s) => JSON.stringify(s),
    key: (k) => JSON.stringify(k),
    null: 'None', true: 'True', false: 'False',
    list: ['[', ']'], map: ['{', '}'], pair: ': ', emptyMap: '{}', unit: '    ',
  });
}

/**
 * A PHP array literal; `(object) []` keeps an empty JSON object an object through json_encode.
 * @param {unknown} value
 * @param {string} [indent]
 */
export function phpLiteral(value, indent = '') {
  /** @param {string} s */
  const quote = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return literal(value, indent, {
    string: quote, key: quote,
    null: 'null', true: 'true', false: 'false',
    list: ['[', ']'], map: ['[', ']'], pair: ' => ', emptyMap: '(object) []', unit: '    ',
  });
}

/**
 * @param {unknown} value
 * @param {string} indent
 * @param {Syntax} syntax
 * @returns {string}
 */
function literal(value, indent, syntax) {
  const inner = indent + syntax.unit;
  if (value === null) return syntax.null;
  if (value === true) return syntax.true;
  if (value === false) return syntax.false;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return syntax.string(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return syntax.list.join('');
    const items = value.map((/** @type {unknown} */ v) => `${inner}${literal(v, inner, syntax)},`);
    return `${syntax.list[0]}\n${items.join('\n')}\n${indent}${syntax.list[1]}`;
  }
  const entries = Object.entries(/** @type {Record<string, unknown>} */ (value));
  if (entries.length === 0) return syntax.emptyMap;
  const items = entries.map(([k, v]) => `${inner}${syntax.key(k)}${syntax.pair}${literal(v, inner, syntax)},`);
  return `${syntax.map[0]}\n${items.join('\n')}\n${indent}${syntax.map[1]}`;
}
