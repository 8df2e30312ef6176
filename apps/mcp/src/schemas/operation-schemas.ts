// An operation's tool schemas: its path parameters, query parameters and body as one input object, and its success
// answer as the output object (a list answer, which MCP cannot return bare, under `results`).
import { resolve, type JsonObject, type OperationModel, type ParameterModel } from '@vps-org/openapi';
import { PortableSchema } from './portable.js';

/** The input property that carries the request body, whole, as the spec's body schema has it (unions included). */
export const BODY = 'body';
/** The output property that carries a list answer. */
export const RESULTS = 'results';

export interface OperationSchemas {
  inputSchema: JsonObject;
  /** Undefined when the operation answers without a body (204). */
  outputSchema: JsonObject | undefined;
  /** True when the answer is a list, carried under `results`. */
  wrapsList: boolean;
}

function describe(schema: JsonObject, description: string | undefined): JsonObject {
  return description ? { ...schema, description } : schema;
}

export function operationSchemas(spec: JsonObject, op: OperationModel): OperationSchemas {
  const input = new PortableSchema(spec);
  const properties: JsonObject = {};
  const required: string[] = [];
  const param = (p: ParameterModel): void => {
    properties[p.name] = describe(input.convert(p.schema), p.description);
    if (p.required) required.push(p.name);
  };
  op.pathParams.forEach(param);
  op.queryParams.forEach(param);
  if (op.requestBody) {
    properties[BODY] = describe(input.convert(op.requestBody.schema), op.requestBody.description);
    if (op.requestBody.required) required.push(BODY);
  }
  const inputSchema = input.document({ type: 'object', properties, required, additionalProperties: false });

  const answer = op.responses.find((r) => op.successStatuses.includes(r.status) && r.schema);
  if (!answer?.schema) return { inputSchema, outputSchema: undefined, wrapsList: false };
  const output = new PortableSchema(spec);
  // MCP wants an object at the root: an object answer (`allOf` parts included) says so, a list goes under `results`.
  const isList = (resolve(spec, answer.schema) as JsonObject | undefined)?.type === 'array';
  const root = isList
    ? { type: 'object', properties: { [RESULTS]: output.convert(answer.schema) }, required: [RESULTS], additionalProperties: false }
    : { type: 'object', ...(answer.schemaName ? output.component(answer.schemaName) : output.convert(answer.schema)) };
  return { inputSchema, outputSchema: output.document(root), wrapsList: isList };
}
