// Request bodies checked against the spec's own schemas (Ajv through @vps-org/openapi), so that the fake refuses
// what the API refuses even when no Prism stands in front of it (in-process use), and names the field.
import { createSpecValidator, resolve } from '@vps-org/openapi';
import { bundledSpec } from '../bundled-spec.js';

/** @typedef {import('@vps-org/openapi').OperationModel} OperationModel */
/** @typedef {import('@vps-org/openapi').JsonObject} JsonObject */
/** @typedef {{ detail: string, error_code: string, field: string | null }} ApiError */

/** @param {string} field @param {string} detail @returns {ApiError} */
const invalid = (field, detail) => ({ detail, error_code: 'validation_error', field: field || null });

export class BodyChecker {
  /** @param {JsonObject} spec */
  constructor(spec) {
    this.spec = spec;
    this.validator = createSpecValidator(spec);
  }

  /**
   * What is wrong with `body` as the request body of `op`, or null when nothing is.
   * @param {OperationModel} op
   * @param {unknown} body
   * @returns {ApiError | null}
   */
  check(op, body) {
    if (!op.requestBody) return null;
    return this.checkSchema(op.requestBody.schema, body);
  }

  /**
   * @param {JsonObject} schemaRef
   * @param {unknown} body
   * @returns {ApiError | null}
   */
  checkSchema(schemaRef, body) {
    if (body === null || typeof body !== 'object' || Array.isArray(body)) {
      return invalid('', `Invalid data. Expected an object, but got ${Array.isArray(body) ? 'an array' : typeof body}.`);
    }
    let schema = /** @type {JsonObject} */ (resolve(this.spec, schemaRef));
    // A oneOf whose branches are told apart by a `const` (record_type): pick the branch the body names, so that the
    // error is about that branch ("MX needs priority") and not "matches no branch".
    if (Array.isArray(schema.oneOf)) {
      const branches = schema.oneOf.map((/** @type {unknown} */ b) => /** @type {JsonObject} */ (resolve(this.spec, b)));
      const first = /** @type {JsonObject} */ (branches[0] ?? {});
      const key = Object.keys(first.properties ?? {}).find((k) => first.properties[k]?.const !== undefined);
      if (key) {
        const value = /** @type {Record<string, unknown>} */ (body)[key];
        const branch = branches.find((/** @type {JsonObject} */ b) => b.properties?.[key]?.const === value);
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
    return describe(validate.errors ?? [], /** @type {Record<string, unknown>} */ (body));
  }
}

/**
 * The first error, as the API words it.
 * @param {NonNullable<ReturnType<import('@vps-org/openapi').SpecValidator['compile']>['errors']>} errors
 * @param {Record<string, unknown>} body
 * @returns {ApiError}
 */
function describe(errors, body) {
  const [error] = errors;
  if (!error) return invalid('', 'Invalid data.');
  const path = error.instancePath.split('/').slice(1);
  const params = /** @type {Record<string, unknown>} */ (error.params);
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

/** @type {BodyChecker | undefined} */
let shared;
/** One checker of the bundled spec per process: Ajv compiles the spec's schemas once. */
export function bundledChecker() {
  return (shared ??= new BodyChecker(bundledSpec()));
}
