// Request bodies checked against the spec's own schemas (Ajv through @vps-org/openapi), so that the fake refuses
// what the API refuses even when no Prism stands in front of it (in-process use), and names the field.
import { createSpecValidator, resolve } from '@vps-org/openapi';
import { bundledSpec } from '../bundled-spec.js';
import type { JsonObject, OperationModel, SpecValidator } from '@vps-org/openapi';

export type ApiError = { detail: string, error_code: string, field: string | null };

const invalid = (field: string, detail: string): ApiError => ({ detail, error_code: 'validation_error', field: field || null });

export class BodyChecker {
  readonly validator: SpecValidator;

  constructor(readonly spec: JsonObject) {
    this.validator = createSpecValidator(spec);
  }

  /** What is wrong with `body` as the request body of `op`, or null when nothing is. */
  check(op: OperationModel, body: unknown): ApiError | null {
    if (!op.requestBody) return null;
    return this.checkSchema(op.requestBody.schema, body);
  }

  checkSchema(schemaRef: JsonObject, body: unknown): ApiError | null {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return invalid('', `Invalid data. Expected an object, but got ${Array.isArray(body) ? 'an array' : typeof body}.`);
    }
    let schema = resolve(this.spec, schemaRef) as JsonObject;
    // A oneOf whose branches are told apart by a `const` (record_type): pick the branch the body names, so that the
    // error is about that branch ("MX needs priority") and not "matches no branch".
    if (Array.isArray(schema.oneOf)) {
      const branches = schema.oneOf.map((b: unknown) => resolve(this.spec, b) as JsonObject);
      const first = (branches[0] ?? {}) as JsonObject;
      const key = Object.keys(first.properties ?? {}).find((k) => first.properties[k]?.const !== undefined);
      if (key) {
        const value = (body as Record<string, unknown>)[key];
        const branch = branches.find((b: JsonObject) => b.properties?.[key]?.const === value);
        if (!branch) {
          return value === undefined
            ? invalid(key, 'This field is required.')
            : invalid(key, `"${String(value)}" is not a valid choice.`);
        }
        schema = branch;
      }
    }
    const validate = this.validator.compile(schema);
    if (validate(body)) return null;
    return describe(validate.errors ?? [], body as Record<string, unknown>);
  }
}

/** The first error, as the API words it. */
function describe(errors: NonNullable<ReturnType<SpecValidator['compile']>['errors']>, body: Record<string, unknown>): ApiError {
  const [error] = errors;
  if (!error) return invalid('', 'Invalid data.');
  const path = error.instancePath.split('/').slice(1);
  const params = error.params as Record<string, unknown>;
  if (error.keyword === 'required') {
    const field = [...path, String(params.missingProperty)].join('.');
    if (field === 'priority' && typeof body.record_type === 'string') {
      return invalid(field, `${body.record_type} records require a priority value`);
    }
    return invalid(field, 'This field is required.');
  }
  const extra = params.additionalProperty ?? params.unevaluatedProperty;
  if (extra !== undefined) {
    const field = [...path, String(extra)].join('.');
    return invalid(field, `${field} is not allowed here.`);
  }
  const field = path.join('.');
  return invalid(field, `${field ? `${field}: ` : ''}${error.message ?? 'is invalid'}.`);
}

let shared: BodyChecker | undefined;
/** One checker of the bundled spec per process: Ajv compiles the spec's schemas once. */
export function bundledChecker() {
  return (shared ??= new BodyChecker(bundledSpec()));
}
