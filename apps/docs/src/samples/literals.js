// Pretty-printers of JSON example values as source literals, shared by the TypeScript, Python and PHP samples.

const IDENT = /^[A-Za-z_$][A-Za-z0-9_$]*$/;

/** A TypeScript/JavaScript literal: unquoted keys where possible, single-quoted strings. */
export function tsLiteral(value, indent = '') {
  return literal(value, indent, {
    string: (s) => `'${JSON.stringify(s).slice(1, -1).replaceAll("\\\"", '"').replaceAll("'", "\\'")}'`,
    key: (k) => (IDENT.test(k) ? k : `'${k.replaceAll("'", "\\'")}'`),
    null: 'null', true: 'true', false: 'false',
    list: ['[', ']'], map: ['{', '}'], pair: ': ', emptyMap: '{}', unit: '  ',
  });
}

/** A Python literal (as json= for requests): True/False/None, double-quoted strings. */
export function pyLiteral(value, indent = '') {
  return literal(value, indent, {
    string: (s) => JSON.stringify(s),
    key: (k) => JSON.stringify(k),
    null: 'None', true: 'True', false: 'False',
    list: ['[', ']'], map: ['{', '}'], pair: ': ', emptyMap: '{}', unit: '    ',
  });
}

/** A PHP array literal; `(object) []` keeps an empty JSON object an object through json_encode. */
export function phpLiteral(value, indent = '') {
  const quote = (s) => `'${s.replaceAll('\\', '\\\\').replaceAll("'", "\\'")}'`;
  return literal(value, indent, {
    string: quote, key: quote,
    null: 'null', true: 'true', false: 'false',
    list: ['[', ']'], map: ['[', ']'], pair: ' => ', emptyMap: '(object) []', unit: '    ',
  });
}

function literal(value, indent, syntax) {
  const inner = indent + syntax.unit;
  if (value === null) return syntax.null;
  if (value === true) return syntax.true;
  if (value === false) return syntax.false;
  if (typeof value === 'number') return String(value);
  if (typeof value === 'string') return syntax.string(value);
  if (Array.isArray(value)) {
    if (value.length === 0) return syntax.list.join('');
    const items = value.map((v) => `${inner}${literal(v, inner, syntax)},`);
    return `${syntax.list[0]}\n${items.join('\n')}\n${indent}${syntax.list[1]}`;
  }
  const entries = Object.entries(value);
  if (entries.length === 0) return syntax.emptyMap;
  const items = entries.map(([k, v]) => `${inner}${syntax.key(k)}${syntax.pair}${literal(v, inner, syntax)},`);
  return `${syntax.map[0]}\n${items.join('\n')}\n${indent}${syntax.map[1]}`;
}
