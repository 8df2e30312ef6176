// TypeScript sample: the @vps-org/client resource method named after the operationId, called with the path
// parameters in path order, then the body or the query object (the client's argument order).
import { tsLiteral } from './literals.js';

export const lang = 'TypeScript';
export const label = 'TypeScript';

/** @param {import('./model.js').SampleRequest} req */
export function render(req) {
  if (req.hasBody && req.query.length) throw new Error(`${req.operationId}: a body and a query at once`);
  const args = req.pathParams.map(({ value }) => tsLiteral(value));
  if (req.hasBody) args.push(tsLiteral(req.body));
  else if (req.query.length) args.push(tsLiteral(Object.fromEntries(req.query.map((q) => [q.name, q.value]))));
  const call = `vps.${req.client.resource}.${req.client.method}(${args.join(', ')})`;
  return [
    `import { createVpsClient } from '@vps-org/client';`,
    '',
    `const vps = createVpsClient({ token: process.env.VPS_API_TOKEN! });`,
    '',
    ...(req.noContent ? [`await ${call};`] : [`const result = await ${call};`, 'console.log(result);']),
  ].join('\n');
}
