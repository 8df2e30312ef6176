// Python sample with requests: the query as params=, the body as json=, the token from the environment.
import { pyLiteral } from './literals.js';

export const lang = 'Python';
export const label = 'Python';

/** @param {import('./model.js').SampleRequest} req */
export function render(req) {
  const lines = ['import os', '', 'import requests', '', `url = ${JSON.stringify(withoutQuery(req.url))}`];
  lines.push(`headers = {"Authorization": f"Bearer {os.environ['VPS_API_TOKEN']}"}`);
  const args = ['url', 'headers=headers'];
  if (req.query.length) {
    lines.push(`params = ${pyLiteral(Object.fromEntries(req.query.map((q) => [q.name, q.value])))}`);
    args.push('params=params');
  }
  if (req.hasBody) {
    lines.push(`payload = ${pyLiteral(req.body)}`);
    args.push('json=payload');
  }
  args.push('timeout=30');
  lines.push('', `response = requests.${req.method.toLowerCase()}(${args.join(', ')})`, 'response.raise_for_status()');
  lines.push(req.noContent ? 'print(response.status_code)' : 'print(response.json())');
  return lines.join('\n');
}

/** @param {string} url */
function withoutQuery(url) {
  return url.split('?')[0];
}
