// The curl reader, on the shapes the vendor's pages and our cURL samples use.
import { describe, expect, it } from 'vitest';
import { extractCurlCommands, parseCurl, shellWords } from '../src/index.js';

describe('curl parsing', () => {
  it('reads a multi-line command with a multi-line single-quoted body', () => {
    const doc = [
      'Example',
      'curl -X POST "https://admin.vps.org/api/v1/dns-zones/{uuid}/records/" \\',
      '  -H "Authorization: Bearer YOUR_API_TOKEN" \\',
      '  -H "Content-Type: application/json" \\',
      "  -d '{",
      '    "record_type": "A",',
      '    "ttl": 3600',
      "  }'",
      'import requests',
    ].join('\n');
    const [command, ...rest] = extractCurlCommands(doc);
    expect(rest).toEqual([]);
    expect(command).toMatchObject({
      line: 2,
      method: 'POST',
      url: 'https://admin.vps.org/api/v1/dns-zones/{uuid}/records/',
      headers: [
        ['Authorization', 'Bearer YOUR_API_TOKEN'],
        ['Content-Type', 'application/json'],
      ],
    });
    expect(JSON.parse(command!.body!)).toEqual({ record_type: 'A', ttl: 3600 });
  });

  it('ends a command at an unescaped line break, and defaults the method', () => {
    const commands = extractCurlCommands('curl "https://x.test/a/" \\\n  -H "A: b"\ncurl -d \'{}\' https://x.test/b/\n');
    expect(commands.map((c) => [c.method, c.url, c.body])).toEqual([
      ['GET', 'https://x.test/a/', undefined],
      ['POST', 'https://x.test/b/', '{}'],
    ]);
  });

  it('splits words like a shell', () => {
    expect(shellWords(`curl -H "X: \\"q\\"" 'a b'c`)).toEqual(['curl', '-H', 'X: "q"', 'a bc']);
  });

  it('refuses what it does not understand rather than guessing', () => {
    expect(() => extractCurlCommands('curl -k https://x.test/\n')).toThrow(/Unsupported curl option -k/);
    expect(() => parseCurl('curl https://x; rm -rf /')).toThrow(/Unsupported shell syntax/);
  });

  it('expands $VAR inside double quotes and refuses an unset one', () => {
    expect(shellWords('curl -H "Authorization: Bearer $T" \\\n  x', { T: 'vps_1' })).toEqual(['curl', '-H', 'Authorization: Bearer vps_1', 'x']);
    expect(() => shellWords('curl "$NOPE"')).toThrow(/NOPE is not set/);
  });

  it('passes over the options that only change what curl prints', () => {
    expect(parseCurl('curl -i -s -H "A: 1" https://x.test/')).toEqual({ method: 'GET', url: 'https://x.test/', headers: [['A', '1']], body: undefined });
  });

  it('keeps the headers in order, a repeated name included', () => {
    expect(parseCurl('curl -H "A: 1" -H "A: 2" https://x.test/').headers).toEqual([
      ['A', '1'],
      ['A', '2'],
    ]);
  });
});
