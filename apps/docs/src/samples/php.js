// PHP sample with ext-curl, in the style of the vendor's reference: json_encode of an array literal as the body.
import { phpLiteral } from './literals.js';

export const lang = 'PHP';
export const label = 'PHP';

/** @param {import('./model.js').SampleRequest} req */
export function render(req) {
  const lines = ['<?php', ''];
  if (req.hasBody) lines.push(`$data = ${phpLiteral(req.body)};`, '');
  lines.push(`$ch = curl_init(${phpLiteral(req.url)});`);
  if (req.method === 'POST') lines.push('curl_setopt($ch, CURLOPT_POST, true);');
  else if (req.method !== 'GET') lines.push(`curl_setopt($ch, CURLOPT_CUSTOMREQUEST, '${req.method}');`);
  if (req.hasBody) lines.push('curl_setopt($ch, CURLOPT_POSTFIELDS, json_encode($data));');
  lines.push(
    'curl_setopt($ch, CURLOPT_HTTPHEADER, [',
    "    'Authorization: Bearer ' . getenv('VPS_API_TOKEN'),",
    ...(req.hasBody ? ["    'Content-Type: application/json',"] : []),
    ']);',
    'curl_setopt($ch, CURLOPT_RETURNTRANSFER, true);',
    '',
    '$response = curl_exec($ch);',
    '$status = curl_getinfo($ch, CURLINFO_HTTP_CODE);',
    'curl_close($ch);',
    '',
    'if ($status >= 400) {',
    '    throw new RuntimeException("VPS.org API error $status: $response");',
    '}',
    '',
  );
  lines.push(...(req.noContent ? ['echo $status, PHP_EOL;'] : ['$result = json_decode($response, true);', 'print_r($result);']));
  return lines.join('\n');
}
