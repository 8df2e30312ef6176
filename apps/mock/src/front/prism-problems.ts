// Prism's own answers (application/problem+json) are not the API's: each becomes the answer the real API gives,
// with its error body `{detail, error_code, field}`, and a violation of the spec by an answer is reported.
import { GENERIC } from '../routes.js';
import type { ApiError, RouteMatch, Routes } from '../routes.js';

export type PrismViolation = { location?: Array<string | number>, message?: string };
export type PrismProblem = { type?: string, title?: string, detail?: string, validation?: PrismViolation[] };

/**
 * @param status Prism's status.
 * @param explainBody The API's own reading of the body: Prism lists a finding per `oneOf` branch, the API names the
 *   field of the branch sent.
 */
export function translateProblem(
  problem: PrismProblem,
  status: number,
  match: RouteMatch | undefined,
  routes: Routes | undefined,
  explainBody: () => { detail: string; error_code: string; field: string | null } | null,
): { status: number; body: ApiError; violation?: PrismViolation[] } {
  const kind = String(problem.type ?? '').split('#')[1] ?? '';
  const op = match?.op ?? match?.any;
  if (kind === 'UNPROCESSABLE_ENTITY' || status === 422) {
    // Prism lists every finding; the API names one field, the first.
    const [first] = problem.validation ?? [];
    const [where, ...path] = first?.location ?? [];
    if (where === 'path') return { status: 404, body: op && routes ? routes.errorBody(op, 404, GENERIC.notFound) : GENERIC.notFound };
    const explained = where === 'body' ? explainBody?.() : null;
    if (explained) return { status: 400, body: explained };
    return {
      status: 400,
      body: { detail: first?.message ?? 'Invalid request.', error_code: 'validation_error', field: path.length ? path.join('.') : null },
    };
  }
  if (kind === 'UNAUTHORIZED' || status === 401) {
    return { status: 401, body: op && routes ? routes.errorBody(op, 401, GENERIC.unauthorized) : GENERIC.unauthorized };
  }
  if (kind === 'NO_PATH_MATCHED_ERROR') return { status: 404, body: GENERIC.notFound };
  if (kind === 'VIOLATIONS') {
    const violation = problem.validation ?? [];
    const said = violation.map((v) => `${(v.location ?? []).join('.')}: ${v.message}`).join('; ');
    return {
      status: 500,
      body: { detail: `The mock's answer violates the spec: ${said}`, error_code: 'mock_violation', field: null },
      violation,
    };
  }
  return { status, body: { detail: problem.detail ?? problem.title ?? 'Error.', error_code: kind.toLowerCase() || 'error', field: null } };
}
