import { createSpecValidator, type JsonObject, type OperationModel } from '@vps-org/openapi';
import type { ValidateFunction } from 'ajv';
import { dereference } from '../diff/deref.js';
import type { Answer } from './caller.js';
import { closestBranchErrors, toDrift, unknownField, type Drift } from './drift.js';
import { unknownFields } from './unknown-fields.js';

interface ResponseObject {
  content?: Record<string, { schema?: object }>;
  headers?: Record<string, { required?: boolean; schema?: object }>;
}

/** Checks answers against the spec: the status is documented, the body fits its schema (closed), headers as documented. */
export function createAnswerChecker(spec: JsonObject) {
  const v = createSpecValidator(spec);
  const flat = dereference(spec) as { paths: Record<string, Record<string, { responses?: Record<string, ResponseObject> }>> };
  // The spec validator caches by schema object, and the dereferenced document's objects stay the same.
  const compiled = (schema: object): ValidateFunction => v.compile(schema);
  const matches = (schema: object, value: unknown) => compiled(schema)(value);

  return (op: OperationModel, answer: Answer): Drift[] => {
    const base = { operationId: op.operationId, request: answer.request };
    const documented = op.responses.map((r) => r.status);
    if (!documented.includes(String(answer.status))) {
      return [{ ...base, pointer: '', expected: `status ${documented.join(', ')}`, actual: `status ${answer.status}` }];
    }
    const response = flat.paths[op.path]?.[op.method.toLowerCase()]?.responses?.[String(answer.status)];
    const drifts: Drift[] = [];
    const schema = response?.content?.['application/json']?.schema;
    if (schema && answer.notJson) drifts.push({ ...base, pointer: '', expected: 'a JSON body', actual: 'a body that is not JSON' });
    else if (schema) {
      const validate = compiled(schema);
      if (!validate(answer.body)) drifts.push(...closestBranchErrors(validate.errors ?? []).map((e) => toDrift(e, answer.body, base)));
      for (const pointer of unknownFields(schema, answer.body, matches)) drifts.push(unknownField(answer.body, pointer, base));
    }
    for (const [name, header] of Object.entries(response?.headers ?? {})) {
      if (!answer.headers) break;
      const value = answer.headers.get(name);
      const pointer = `(header ${name})`;
      if (value === null) {
        if (header.required) drifts.push({ ...base, pointer, expected: 'a required header', actual: 'absent' });
        continue;
      }
      if (!header.schema) continue;
      const typed = /^-?\d+$/.test(value) ? Number(value) : value;
      if (!compiled(header.schema)(typed)) drifts.push({ ...base, pointer, expected: JSON.stringify(header.schema), actual: JSON.stringify(value) });
    }
    return drifts;
  };
}
