// What the contract tests take from the bundled spec: its operations, their examples, and the arguments a call
// of each operation is made with. Everything here is read from the bundle, never from a hand-kept list.
import { createRouter, createSpecValidator, listOperations, loadSpec, resolve, type JsonObject, type OperationModel } from '@vps-org/openapi';

export type SpecOperation = OperationModel;

export const spec = loadSpec();
export const operations: SpecOperation[] = listOperations(spec);
export const validator = createSpecValidator(spec);

/** Every (operation, status) pair the bundle documents, in spec order. */
export const documentedPairs: Array<{ op: SpecOperation; status: number }> = operations.flatMap((op) =>
  op.statuses.map((status) => ({ op, status: Number(status) })),
);

export function operation(operationId: string): SpecOperation {
  const op = operations.find((o) => o.operationId === operationId);
  if (!op) throw new Error(`no operation ${operationId} in the bundle`);
  return op;
}

function namedExamples(media: JsonObject | undefined): Array<[string, unknown]> {
  const json = media?.['application/json'];
  if (!json) return [];
  if (json.examples) {
    return Object.entries(json.examples as Record<string, unknown>).map(([name, ex]) => [name, resolve(spec, ex).value]);
  }
  return json.example === undefined ? [] : [['example', json.example]];
}

/**
 * The body the mock answers `status` with by default: the first named example of the response's JSON media type
 * (Prism's default), or undefined when the response documents no body (204).
 */
export function responseExample(op: SpecOperation, status: number | string): { hasBody: boolean; name?: string; value?: unknown } {
  const response = resolve(spec, op.raw.responses?.[String(status)]);
  if (!response) throw new Error(`${op.operationId} documents no ${status}`);
  if (!response.content) return { hasBody: false };
  const [first] = namedExamples(response.content);
  if (!first) throw new Error(`${op.operationId} ${status} has a body but no example`);
  return { hasBody: true, name: first[0], value: first[1] };
}

/** The request body the calls use: the first named example of the operation's request body. */
export function requestExample(op: SpecOperation): unknown {
  if (!op.requestBody) return undefined;
  return structuredClone(op.example.body);
}

/** The arguments of a call of `op`, from the spec's examples (the operation model's example call). */
export function exampleArguments(op: SpecOperation): {
  path: Record<string, unknown>;
  pathValues: unknown[];
  query: Record<string, unknown> | undefined;
  body: unknown;
} {
  for (const q of op.queryParams) if (q.example === undefined) throw new Error(`${op.operationId}: query parameter ${q.name} has no example`);
  return {
    path: op.example.pathParams,
    pathValues: op.pathParams.map((p) => op.example.pathParams[p.name]),
    query: op.queryParams.length ? op.example.query : undefined,
    body: requestExample(op),
  };
}

/** A concrete URL path: each `{param}` replaced by its value (URL-encoded). */
export { expandPath as fillPath } from '@vps-org/openapi';

const router = createRouter(operations);

/** The operation a request is for, from its method and path, with the path segments that filled its parameters. */
export function matchOperation(method: string, pathname: string): { op: SpecOperation; segments: string[] } | undefined {
  const match = router.match(method, pathname);
  return match?.op && { op: match.op, segments: match.op.pathParams.map((p) => match.params[p.name] ?? '') };
}
