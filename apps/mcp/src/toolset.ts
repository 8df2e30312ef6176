// The tools one server offers: one per operation plus the ones written here, less what `--read-only` and `--tools`
// leave out.
import { listOperations, loadSpec, type JsonObject } from '@vps-org/openapi';
import { CONFIRMATION_TOKEN } from './confirmations.js';
import { PlanStore } from './tools/dns-plans.js';
import { dnsTools } from './tools/dns-tools.js';
import { operationTool } from './tools/operation-tool.js';
import type { VpsTool } from './tools/tool.js';
import { waitForServerTool } from './tools/wait-tool.js';

export interface ToolsetOptions {
  /** Only the tools that change nothing. */
  readOnly?: boolean;
  /** Only the tools of these groups (`servers`, `dns-zones`, `dns-records`, `dns`); every group when undefined. */
  groups?: string[] | undefined;
  /** Destructive calls are confirmed by the person. Default true. */
  confirm?: boolean;
}

export class ToolsetError extends Error {
  override name = 'ToolsetError';
}

/** Every tool, unfiltered: the operations in the order the spec lists them, then the wait and DNS as code. */
export function allTools(spec: JsonObject = loadSpec()): VpsTool[] {
  const operations = listOperations(spec);
  return [...operations.map((op) => operationTool(spec, op)), waitForServerTool(spec, operations), ...dnsTools(spec, new PlanStore())];
}

/** Destructive tools take a confirmation token when the person confirms through the token round trip. */
function withConfirmationToken(tool: VpsTool): VpsTool {
  const properties = {
    ...(tool.inputSchema.properties as JsonObject),
    [CONFIRMATION_TOKEN]: {
      type: 'string',
      description:
        'Only when your client cannot ask the person itself: the token a first call without it answered with, ' +
        'passed after the person agreed, with the same arguments.',
    },
  };
  return { ...tool, inputSchema: { ...tool.inputSchema, properties } };
}

export function createToolset(options: ToolsetOptions = {}, tools: VpsTool[] = allTools()): VpsTool[] {
  const groups = [...new Set(tools.map((t) => t.group))];
  const unknown = (options.groups ?? []).filter((g) => !groups.includes(g));
  if (unknown.length) throw new ToolsetError(`--tools: no group ${unknown.join(', ')}; the groups are ${groups.join(', ')}`);
  return tools
    .filter((t) => !options.readOnly || t.annotations.readOnlyHint === true)
    .filter((t) => !options.groups || options.groups.includes(t.group))
    .map((t) => (t.destructive && options.confirm !== false ? withConfirmationToken(t) : t));
}
