// The README's table of tools, generated from the same toolset the server offers.
import type { VpsTool } from './tools/tool.js';

const cell = (text: string): string => text.replace(/\|/g, '\\|').replace(/\s*\n\s*/g, ' ');

function hints(tool: VpsTool): string {
  const a = tool.annotations;
  if (a.readOnlyHint) return 'read-only';
  return [a.destructiveHint ? 'destructive, confirmed' : 'writes', a.idempotentHint ? 'idempotent' : ''].filter(Boolean).join(', ');
}

/** One row per tool: its name, `--tools` group, what it does and its hints. */
export function toolTable(tools: VpsTool[]): string {
  const rows = tools.map((t) => `| \`${t.name}\` | \`${t.group}\` | ${cell(t.title)} | ${hints(t)} |`);
  return ['| Tool | Group | What it does | Kind |', '| --- | --- | --- | --- |', ...rows].join('\n');
}
