// The vendor reference pages the spec was written from (the seed documents) show curl requests. Each of them, sent
// as written (method, path, body; placeholders such as {uuid} filled with the spec's examples, YOUR_API_TOKEN with a
// `vps_` token), must get a 2xx from the mock, with a body that conforms to the spec.
import { parseCurl, type CurlCommand } from '@vps-org/testkit';
import seeds from '@vps-org/openapi/fixtures/seeds.json' with { type: 'json' };
import { describe, expect, it } from 'vitest';
import { mockUrl, TOKEN } from '../support/client.js';
import { checkResponse } from '../support/recorder.js';
import { matchOperation } from '../support/spec.js';

// The vendor's pages, as the spec package's fixture holds them (`pnpm seeds:check` keeps it equal to them).
const commands = seeds.flatMap(({ file, curl }) =>
  curl.map(({ line, source }) => ({ file, command: { line, source, ...parseCurl(source) } satisfies CurlCommand })),
);

const API_ORIGIN = 'https://admin.vps.org';

/** The request a seed's curl command makes, aimed at the mock. */
function requestOf(command: CurlCommand): { path: string; operationId: string; init: RequestInit } {
  const parts = /^(https?:\/\/[^/]+)(\/[^?#]*)(\?[^#]*)?$/.exec(command.url);
  if (!parts) throw new Error(`not an absolute URL: ${command.url}`);
  expect(parts[1], 'the seed calls the documented API origin').toBe(API_ORIGIN);
  const written = parts[2]!;
  const match = matchOperation(command.method, written);
  if (!match) throw new Error(`no operation of the spec is ${command.method} ${written}`);
  // A placeholder segment ({uuid}, {rec-uuid}) takes the example of the path parameter it stands for.
  const names = [...match.op.path.matchAll(/\{([^}]+)\}/g)].map((m) => m[1]!);
  let i = 0;
  const filled = match.op.path.replace(/\{([^}]+)\}/g, () => {
    const name = names[i]!;
    const segment = match.segments[i++]!;
    if (!/^\{.*\}$/.test(segment)) return encodeURIComponent(segment);
    const example = match.op.pathParams.find((p) => p.name === name)?.example;
    if (example === undefined) throw new Error(`${match.op.operationId}: no example for path parameter ${name}`);
    return encodeURIComponent(String(example));
  });

  const headers = new Headers();
  for (const [name, value] of command.headers) headers.append(name, value.replace('YOUR_API_TOKEN', TOKEN));
  expect(headers.get('authorization'), 'the seed sends a bearer token').toBe(`Bearer ${TOKEN}`);
  if (command.body !== undefined) expect(() => JSON.parse(command.body!), 'the seed body is JSON').not.toThrow();
  return {
    path: filled + (parts[3] ?? ''),
    operationId: match.op.operationId,
    init: { method: command.method, headers, ...(command.body !== undefined && { body: command.body }) },
  };
}

describe('the seed documents', () => {
  it('each have curl examples', () => {
    expect(seeds.length).toBeGreaterThanOrEqual(3);
    for (const { file } of seeds) {
      expect(commands.filter((c) => c.file === file).length, `${file} has no curl example`).toBeGreaterThan(0);
    }
  });

  it.each(commands.map(({ file, command }) => [`${file}:${command.line} ${command.method} ${command.url}`, command] as const))(
    '%s succeeds against the mock',
    async (_name, command) => {
      const { path, operationId, init } = requestOf(command);
      const response = await fetch(mockUrl() + path, init);
      const text = await response.text();
      expect(response.status, `${operationId} answered ${response.status}: ${text}\nsl-violations: ${response.headers.get('sl-violations')}`).toBeGreaterThanOrEqual(200);
      expect(response.status, `${operationId} answered ${response.status}: ${text}`).toBeLessThan(300);
      expect(response.headers.get('sl-violations')).toBeNull();
      const { operationId: matched, problems } = checkResponse(command.method, path.split('?')[0]!, response.status, response.headers.get('content-type'), text);
      expect(matched).toBe(operationId);
      expect(problems).toEqual([]);
    },
  );
});
