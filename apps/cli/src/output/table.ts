// What people see by default: a list as a table of its plain fields, one object as `field  value` lines.

type Row = Record<string, unknown>;

const isPlain = (v: unknown): boolean => v === null || ['string', 'number', 'boolean'].includes(typeof v);

function cell(value: unknown): string {
  if (value === null || value === undefined) return '-';
  if (typeof value === 'object') {
    const named = (value as Row).name ?? (value as Row).id;
    return named !== undefined ? String(named) : JSON.stringify(value);
  }
  return String(value);
}

export function table(rows: Row[]): string {
  if (!rows.length) return '(none)\n';
  const columns = [...new Set(rows.flatMap((r) => Object.keys(r)))].filter((c) =>
    rows.every((r) => r[c] === undefined || isPlain(r[c]) || (typeof r[c] === 'object' && !Array.isArray(r[c]))),
  );
  const cells = [columns.map((c) => c.toUpperCase()), ...rows.map((r) => columns.map((c) => cell(r[c])))];
  const widths = columns.map((_, i) => Math.max(...cells.map((line) => line[i]!.length)));
  return cells.map((line) => line.map((text, i) => text.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n') + '\n';
}

function details(object: Row): string {
  const scalars = Object.entries(object).filter(([, v]) => !Array.isArray(v));
  const width = Math.max(...scalars.map(([k]) => k.length));
  let text = scalars.map(([k, v]) => `${k.padEnd(width)}  ${cell(v)}`).join('\n') + '\n';
  for (const [k, v] of Object.entries(object)) {
    if (Array.isArray(v)) text += `\n${k}:\n${v.every((item) => typeof item === 'object' && item) ? table(v as Row[]) : v.map(cell).join('\n') + '\n'}`;
  }
  return text;
}

/** An API answer for people: arrays and pages as tables, objects as details. */
export function humanView(data: unknown): string {
  if (Array.isArray(data)) return table(data as Row[]);
  if (data && typeof data === 'object') {
    const page = data as Row;
    if (Array.isArray(page.results) && 'next' in page) {
      const more = page.next ? `\n${(page.results as unknown[]).length} of ${page.count} shown; --page or --all for more\n` : '';
      return table(page.results as Row[]) + more;
    }
    return details(page);
  }
  return `${cell(data)}\n`;
}

export function jsonView(data: unknown): string {
  return `${JSON.stringify(data, null, 2)}\n`;
}
