// One tool per operation of the model, calling the client's method of the same resource: names, parameters,
// schemas and annotations all come from the operation model and the spec.
import type { RequestOptions } from '@vps-org/client';
import { expandPath, type JsonObject, type OperationModel } from '@vps-org/openapi';
import { BODY, operationSchemas, RESULTS } from '../schemas/operation-schemas.js';
import { summarise } from './summary.js';
import type { ToolContext, VpsTool } from './tool.js';

type ClientMethod = (...args: unknown[]) => Promise<unknown>;

/** The client's arguments for a call: path values in path order, then the body or the query, then the options. */
function clientArgs(op: OperationModel, args: JsonObject, options: RequestOptions): unknown[] {
  const values: unknown[] = op.pathParams.map((p) => args[p.name]);
  if (op.requestBody) values.push(args[BODY]);
  else if (op.queryParams.length) {
    values.push(Object.fromEntries(op.queryParams.filter((p) => args[p.name] !== undefined).map((p) => [p.name, args[p.name]])));
  }
  return [...values, options];
}

function description(op: OperationModel): string {
  return [op.summary, op.description].filter(Boolean).join('\n\n') || `${op.method} ${op.path}`;
}

export function operationTool(spec: JsonObject, op: OperationModel): VpsTool {
  const { inputSchema, outputSchema, wrapsList } = operationSchemas(spec, op);
  const title = op.summary ?? op.tool;
  return {
    name: op.tool,
    group: op.cli.group,
    title,
    description: description(op),
    inputSchema,
    outputSchema,
    annotations: {
      title,
      readOnlyHint: op.effects.readOnly,
      destructiveHint: op.effects.destructive,
      idempotentHint: op.effects.idempotent,
      openWorldHint: true,
    },
    destructive: op.effects.destructive,
    describeCall(args) {
      const path = expandPath(op.path, Object.fromEntries(op.pathParams.map((p) => [p.name, args[p.name]])));
      return `${title} (${op.method} ${path})`;
    },
    async run(args: JsonObject, ctx: ToolContext) {
      const vps = ctx.client() as unknown as Record<string, Record<string, ClientMethod>>;
      const resource = vps[op.resource];
      const call = resource?.[op.clientMethod];
      if (typeof call !== 'function') throw new Error(`the client has no vps.${op.resource}.${op.clientMethod}`);
      const result = await call.apply(resource, clientArgs(op, args, { signal: ctx.signal }));
      if (!outputSchema) return { summary: `${title}: done.` };
      return { structured: (wrapsList ? { [RESULTS]: result } : result) as JsonObject, summary: summarise(title, result) };
    },
  };
}
