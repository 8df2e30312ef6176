// Errors on demand in stateful mode, as Prism gives them in stateless mode: `Prefer: code=429` (or 402, 403, 500,
// 503, any error status the operation documents; `example=` picks a named example) answers the spec's example
// without touching the account, so that a client's retry and error paths can be tested against the fake too.
import { namedExamples, resolve } from '@vps-org/openapi';
import { json } from './answers.js';
import type { JsonObject, OperationModel } from '@vps-org/openapi';

/** The example of a response header, as Prism serves it in stateless mode (Retry-After: the spec's 30). */
function headerExample(spec: JsonObject, op: OperationModel, status: string, name: string) {
  const response = resolve(spec, op.raw.responses?.[status]);
  const header = resolve(spec, response?.headers?.[name]);
  return header?.example ?? header?.schema?.examples?.[0];
}

const preference = (header: string, key: string) => new RegExp(`(?:^|[,;\\s])${key}=([^,;\\s]+)`, 'i').exec(header)?.[1];

/**
 * The answer a `Prefer` header asks for, or undefined when it asks for none (or only for a success status, which the
 * fake answers from its state).
 */
export function preferredAnswer(spec: JsonObject, op: OperationModel, header: string | null): Response | undefined {
  if (!header) return undefined;
  const code = preference(header, 'code');
  const name = preference(header, 'example');
  if (code === undefined && name === undefined) return undefined;
  if (code !== undefined && Number(code) < 400 && name === undefined) return undefined;
  const status = code ?? op.statuses.find((s) => Number(s) >= 400 && name !== undefined && name in namedExamples(spec, op, s));
  if (status === undefined || !op.statuses.includes(status)) {
    const what = code === undefined ? `example=${name}` : `code=${code}`;
    return json(404, { detail: `Prefer: ${what} is not a documented error answer of ${op.operationId}.`, error_code: 'not_found', field: null });
  }
  if (Number(status) < 400) return undefined;
  const examples = namedExamples(spec, op, status);
  const body = name === undefined ? Object.values(examples)[0] : examples[name];
  if (body === undefined) {
    return json(404, { detail: `${op.operationId} has no example ${name} for ${status}.`, error_code: 'not_found', field: null });
  }
  const response = json(Number(status), body);
  const retryAfter = headerExample(spec, op, status, 'Retry-After');
  if (retryAfter !== undefined) response.headers.set('retry-after', String(retryAfter));
  return response;
}
