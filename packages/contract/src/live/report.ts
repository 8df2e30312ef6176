import type { Drift } from './drift.js';
import type { LiveResult } from './live.js';

/** Every form the token could take in a printed value: as sent, JSON-escaped, URL-encoded. */
export function redactor(token: string): (text: string) => string {
  const forms = [...new Set([token, JSON.stringify(token).slice(1, -1), encodeURIComponent(token)])].filter((f) => f.length > 0);
  return (text) => forms.reduce((t, f) => t.split(f).join('[redacted]'), text);
}

const HEAD = ['Operation', 'Request', 'Where', 'Spec says', 'Came back'] as const;

/** The drift table (operation, request, JSON Pointer, what the spec says, what came back) and a summary line. */
export function formatLive(result: LiveResult, redact: (text: string) => string): string {
  const rows = result.drifts.map((d: Drift) => [d.operationId, d.request, d.pointer || '(answer)', d.expected, d.actual].map(redact));
  const lines: string[] = [];
  if (rows.length) {
    const widths = HEAD.map((h, i) => Math.min(60, Math.max(h.length, ...rows.map((r) => r[i]!.length))));
    const line = (cells: readonly string[]) => cells.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
    lines.push(line(HEAD), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line), '');
  }
  for (const s of result.skipped) lines.push(redact(`not checked: ${s}`));
  for (const l of result.leftBehind) lines.push(redact(`left behind by --write: ${l}`));
  lines.push(`${result.requests.length} request(s), ${result.drifts.length} drift(s)${result.drifts.length ? '' : ': the API answers as the spec says'}`);
  return lines.join('\n') + '\n';
}
