import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { planZone } from '../src/plan.js';
import type { CurrentRecord } from '../src/records.js';
import { parseZoneFile } from '../src/zonefile/parse-zone-file.js';
import { writeZoneFile } from '../src/zonefile/write-zone-file.js';

const fixture = readFileSync(new URL('./fixtures/example.com.zone', import.meta.url), 'utf8');
const parse = (text: string) => parseZoneFile(text, { zone: 'example.com', file: 'export.zone' }).records;

describe('writeZoneFile', () => {
  it('writes $ORIGIN, the most common TTL as $TTL, relative owners, absolute hosts, quoted TXT, sorted by name, type and value', () => {
    const text = writeZoneFile('example.com', [
      { name: '@', type: 'A', value: '192.0.2.1', ttl: 300, priority: null },
      { name: 'www', type: 'CNAME', value: 'example.com', ttl: 3600, priority: null },
      { name: '@', type: 'MX', value: 'mail.example.com', ttl: 3600, priority: 10 },
      { name: 'q', type: 'TXT', value: 'say "hi" \\o/', ttl: 3600, priority: null },
      { name: '_sip._tcp', type: 'SRV', value: '5 5060 sip.example.com', ttl: 3600, priority: 10 },
      { name: '@', type: 'CAA', value: '0 issue "letsencrypt.org"', ttl: 3600, priority: null },
    ]);
    expect(text).toBe(
      [
        '$ORIGIN example.com.',
        '$TTL 3600',
        '@\t300\tIN\tA\t192.0.2.1',
        '@\tIN\tCAA\t0 issue "letsencrypt.org"',
        '@\tIN\tMX\t10 mail.example.com.',
        '_sip._tcp\tIN\tSRV\t10 5 5060 sip.example.com.',
        'q\tIN\tTXT\t"say \\"hi\\" \\\\o/"',
        'www\tIN\tCNAME\texample.com.',
        '',
      ].join('\n'),
    );
  });

  it('splits a long TXT into strings of 255 characters that read back as one text', () => {
    const long = 'k'.repeat(600);
    const text = writeZoneFile('example.com', [{ name: 'dkim', type: 'TXT', value: long, ttl: 3600, priority: null }]);
    expect(text.split('\n')[2]).toBe(`dkim\tIN\tTXT\t"${'k'.repeat(255)}" "${'k'.repeat(255)}" "${'k'.repeat(90)}"`);
    expect(parse(text)[0]?.value).toBe(long);
  });

  it('reads back as the same records: a plan of its own export changes nothing', () => {
    const records = parse(fixture);
    const held: CurrentRecord[] = records.map(({ line: _line, ...r }, i) => ({ ...r, uuid: `rec-${i}` }));
    const exported = writeZoneFile('example.com', held);
    expect(planZone(parseZoneFile(exported, { zone: 'example.com', file: 'export.zone' }).records, held).plan).toMatchObject({ add: [], change: [], delete: [] });
  });

  it('writes the same file whatever order the records come in', () => {
    const held = parse(fixture);
    expect(writeZoneFile('example.com', [...held].reverse())).toBe(writeZoneFile('example.com', held));
  });

  it('splits a TXT at 255 bytes, not characters, never inside a character', () => {
    const text = writeZoneFile('example.com', [{ name: 't', type: 'TXT', value: 'é'.repeat(200), ttl: 60, priority: null }]);
    expect(text.split('\n')[2]).toBe(`t\tIN\tTXT\t"${'é'.repeat(127)}" "${'é'.repeat(73)}"`);
    expect(parse(text)[0]?.value).toBe('é'.repeat(200));
  });

  it('writes kept TXT strings back as they were (DNS-SD)', () => {
    const text = writeZoneFile('example.com', [{ name: 'lp', type: 'TXT', value: '"txtvers=1" "rp=printers/lp"', ttl: 60, priority: null }]);
    expect(text.split('\n')[2]).toBe('lp\tIN\tTXT\t"txtvers=1" "rp=printers/lp"');
  });

  it('with bind, adds an SOA and the apex NS records so that named-checkzone loads it as it is', () => {
    const held = [{ name: '@', type: 'NS' as const, value: 'ns2.vps.org', ttl: 60, priority: null }, { name: 'www', type: 'A' as const, value: '192.0.2.1', ttl: 60, priority: null }];
    expect(writeZoneFile('example.com', held, { bind: true }).split('\n').slice(2, 4)).toEqual([
      '@\tIN\tSOA\tns2.vps.org. hostmaster.example.com. 1 3600 600 1209600 300',
      '@\tIN\tNS\tns2.vps.org.',
    ]);
    expect(writeZoneFile('example.com', held)).not.toContain('NS');
  });
});
