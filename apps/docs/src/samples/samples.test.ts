// The generated samples: four per operation, in the languages redocly.yaml lists, each carrying the operation's
// own example values.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { listOperations, loadSpec, namedExamples } from '@vps-org/openapi';
import { LANGUAGES, codeSamples, codeSamplesByOperation, sampleRequests } from './index.js';
import { phpLiteral, pyLiteral, tsLiteral } from './literals.js';
import { parseCurl, shellWords } from '@vps-org/testkit';
import { shellQuote } from './curl.js';

const spec = loadSpec();
const requests = sampleRequests(spec);
const byId = codeSamplesByOperation(spec);

describe('coverage', () => {
  it('gives every one of the 20 operations a cURL, TypeScript, Python and PHP sample', () => {
    const ids = listOperations(spec).map((op) => op.operationId);
    expect(ids).toHaveLength(20);
    expect([...byId.keys()].sort()).toEqual([...ids].sort());
    for (const [id, samples] of byId) {
      expect(samples.filter((s) => !('x-example' in s)).map((s) => s.label), id).toEqual(['cURL', 'TypeScript', 'Python', 'PHP']);
      for (const s of samples) expect(s.source.trim().length, `${id} ${s.label}`).toBeGreaterThan(40);
    }
  });

  it("adds, for a body with several named examples, each example's four samples with its own body", () => {
    const op = listOperations(spec).find((o) => o.operationId === 'createDnsZoneRecord')!;
    const named = namedExamples(spec, op, 'request');
    const samples = byId.get('createDnsZoneRecord')!;
    expect(Object.keys(named).length).toBeGreaterThan(1);
    for (const [name, body] of Object.entries(named)) {
      const own = samples.filter((s) => 'x-example' in s && s['x-example'] === name);
      expect(own.map((s) => s.label), name).toEqual(['cURL', 'TypeScript', 'Python', 'PHP']);
      expect(own[0]!.source, name).toContain(JSON.stringify(body, null, 2).split('\n')[1]);
    }
    const mx = samples.filter((s) => 'x-example' in s && String(s['x-example']).toLowerCase().includes('mx'));
    for (const s of mx) expect(s.source, s.label).toMatch(/priority/);
    // An operation with one body example (or none) has no per-example samples.
    expect(byId.get('createServer')!.some((s) => 'x-example' in s)).toBe(false);
  });

  it('emits exactly the languages redocly.yaml lists (Redoc matches tabs to samples by lang + label)', () => {
    const config = parse(readFileSync(new URL('../../redocly.yaml', import.meta.url), 'utf8'));
    expect(config.openapi.codeSamples.languages).toEqual(LANGUAGES.map(({ lang, label }) => ({ lang, label })));
  });
});

describe("each sample uses the operation's own examples", () => {
  it.each(requests.map((r) => [r.operationId, r]))('%s', (_id, req) => {
    const samples = Object.fromEntries(codeSamples(req).map((s) => [s.label, s.source]));
    for (const { value } of req.pathParams) {
      for (const label of ['cURL', 'Python', 'PHP']) expect(samples[label], label).toContain(encodeURIComponent(String(value)));
      expect(samples.TypeScript).toContain(tsLiteral(value));
    }
    expect(samples.cURL).toContain(`-X ${req.method} "${req.url}"`);
    expect(samples.Python).toContain(`requests.${req.method.toLowerCase()}(`);
    expect(samples.TypeScript).toContain(`vps.${req.client.resource}.${req.client.method}(`);
    if (req.hasBody) {
      expect(parseCurl(samples.cURL!, { VPS_API_TOKEN: 'vps_x' }).body).toBe(JSON.stringify(req.body, null, 2));
      expect(samples.TypeScript).toContain(tsLiteral(req.body));
      expect(samples.Python).toContain(`payload = ${pyLiteral(req.body)}`);
      expect(samples.PHP).toContain(`$data = ${phpLiteral(req.body)};`);
    }
  });

  it('takes the path parameter examples and the first request-body example', () => {
    const req = requests.find((r) => r.operationId === 'createDnsZoneRecord')!;
    expect(req.url).toBe('https://admin.vps.org/api/v1/dns-zones/abc123-def456-ghi789/records/');
    const first = spec.components.examples.RecordA.value;
    expect(req.body).toEqual(first);
    const server = requests.find((r) => r.operationId === 'rebootServer')!;
    expect(server.pathParams).toEqual([{ name: 'server_id', value: 12345 }]);
    expect(server.hasBody).toBe(false);
  });

  it('puts the documented query examples in the list samples', () => {
    const req = requests.find((r) => r.operationId === 'listServers')!;
    expect(req.url).toBe('https://admin.vps.org/api/v1/servers/?status=active&location=us-west&page=1');
    const ts = byId.get('listServers')!.find((s) => s.label === 'TypeScript')!.source;
    expect(ts).toContain("vps.servers.list({\n  status: 'active',");
  });

  it('awaits without a result for 204 operations', () => {
    const ts = byId.get('deleteDnsRecord')!.find((s) => s.label === 'TypeScript')!.source;
    expect(ts).toContain("await vps.dnsRecords.delete('rec-001');");
    expect(ts).not.toContain('const result');
  });
});

describe('literals', () => {
  const value = { a: "it's", 'b-c': [1, true, null, { d: 'say "hi" \\ \n' }], e: {} };

  it('TypeScript literals evaluate back to the value', () => {
    expect(new Function(`return ${tsLiteral(value)}`)()).toEqual(value);
  });

  it('Python literals are JSON once True/False/None are spelled the JSON way', () => {
    const py = pyLiteral(value).replaceAll('True', 'true').replaceAll('None', 'null').replace(/,(\s*[}\]])/g, '$1');
    expect(JSON.parse(py)).toEqual(value);
  });

  it('PHP literals escape quotes and backslashes and keep {} an object', () => {
    const php = phpLiteral(value);
    expect(php).toContain("'a' => 'it\\'s'");
    expect(php).toContain("'d' => 'say \"hi\" \\\\ \n'");
    expect(php).toContain("'e' => (object) []");
  });
});

describe('cURL quoting', () => {
  it('round-trips any body through shellQuote and a POSIX-style parse', () => {
    const body = `{"v": "0 issue \\"letsencrypt.org\\"", "q": "it's $HOME \`x\`"}`;
    expect(shellWords(`curl -d ${shellQuote(body)}`)).toEqual(['curl', '-d', body]);
  });
});
