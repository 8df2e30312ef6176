// Every record checked at plan time against the API's own rules: the request body schema of the operation that
// creates a record (from the operation model), through the spec's validator. What the API would refuse half-way
// through an apply is refused before anything is sent.
import { createSpecValidator, getOperation, listOperations, loadSpec, resolve, type JsonObject, type SpecValidator } from '@vps-org/openapi';
import { apiInput } from './api-record.js';
import type { FileRecord } from './records.js';

type ValidateFunction = ReturnType<SpecValidator['compile']>;

/** The operation whose request body is a record the API accepts. */
const CREATE_RECORD = 'createDnsZoneRecord';

let validators: Map<string, ValidateFunction> | undefined;

/** One validator per record type: the `oneOf` branch whose `record_type` const is that type. */
function recordValidators(): Map<string, ValidateFunction> {
  if (validators) return validators;
  const spec = loadSpec();
  const operation = getOperation(CREATE_RECORD, listOperations(spec));
  const validator = createSpecValidator(spec);
  const schema = resolve(spec, operation.requestBody?.schema) as JsonObject;
  validators = new Map();
  for (const branch of (schema.oneOf ?? [schema]) as JsonObject[]) {
    const resolved = resolve(spec, branch) as JsonObject;
    const type = resolved.properties?.record_type?.const as string | undefined;
    if (type) validators.set(type, validator.compile(resolved));
  }
  return validators;
}

/** The field names the API's errors would name, with what the rule says, for people. */
function describe(errors: NonNullable<ValidateFunction['errors']>, input: Record<string, unknown>): string {
  return errors
    .map((e) => {
      const field = e.instancePath.replace(/^\//, '') || String(e.params.missingProperty ?? '');
      const given = field in input ? ` "${String(input[field])}"` : '';
      const rule = e.keyword === 'pattern' ? 'is not in the form the API takes' : e.message;
      return `${field}${given} ${rule}`;
    })
    .join('; ');
}

/** The reason the API would refuse the record, or undefined when it takes it. */
export function apiRefusal(record: FileRecord, zone: string): string | undefined {
  const validate = recordValidators().get(record.type);
  if (!validate) return `record type ${record.type} is not held by the VPS.org API`;
  const input = apiInput(record, zone) as unknown as Record<string, unknown>;
  if (validate(input)) return undefined;
  return `the API refuses this ${record.type} record: ${describe(validate.errors ?? [], input)}`;
}
