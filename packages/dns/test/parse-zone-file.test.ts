import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseTtl, parseZoneFile } from '../src/zonefile/parse-zone-file.js';
import { ZoneFileError } from '../src/zonefile/zone-file-error.js';

const fixture = readFileSync(new URL('./fixtures/example.com.zone', import.meta.url), 'utf8');
const parse = (text: string, zone = 'example.com') => parseZoneFile(text, { zone, file: 'zone.db' });
const records = (text: string) => parse(text).records.map(({ line: _line, ...r }) => r);

/** The ZoneFileError a text is refused with. */
function refusal(text: string): ZoneFileError {
  try {
    parse(text);
  } catch (error) {
    if (error instanceof ZoneFileError) return error;
    throw error;
  }
  throw new Error('the zone file was accepted');
}

describe('parseZoneFile on a zone file of every shape BIND users write', () => {
  const parsed = parseZoneFile(fixture, { zone: 'example.com', file: 'example.com.zone' });
  const find = (name: string, type: string) => parsed.records.filter((r) => r.name === name && r.type === type);

  it('reads every record but the SOA (apex NS included: the plan leaves them out), with the line each starts on', () => {
    expect(parsed.records).toHaveLength(17);
    expect(parsed.notices).toEqual(["example.com.zone:4: SOA record skipped: VPS.org's nameservers keep the zone's SOA"]);
  });

  it('takes an explicit TTL, else $TTL (with units), and the previous owner when the line starts blank', () => {
    expect(find('@', 'A')).toEqual([
      { name: '@', type: 'A', value: '192.0.2.1', ttl: 300, priority: null, line: 12 },
      { name: '@', type: 'A', value: '192.0.2.2', ttl: 3600, priority: null, line: 13 },
    ]);
    expect(find('@', 'AAAA')).toEqual([{ name: '@', type: 'AAAA', value: '2001:db8::1', ttl: 3600, priority: null, line: 14 }]);
    expect(find('mail', 'A')[0]).toMatchObject({ ttl: 600, value: '192.0.2.25' });
  });

  it('qualifies relative targets against the origin and keeps priorities apart from values', () => {
    expect(find('www', 'CNAME')[0]).toMatchObject({ value: 'example.com' });
    expect(find('@', 'MX').map((r) => [r.priority, r.value])).toEqual([
      [10, 'mail.example.com'],
      [20, 'mx.backup-provider.net'],
    ]);
    expect(find('_sip._tcp', 'SRV')[0]).toMatchObject({ priority: 10, value: '5 5060 sip.example.com' });
    expect(find('dev', 'NS')[0]).toMatchObject({ value: 'ns1.dev-dns.example.net' });
  });

  it('keeps several TXT strings as strings (not joined), across parentheses, with quotes and backslashes', () => {
    expect(find('@', 'TXT')[0]?.value).toBe('v=spf1 include:_spf.google.com ~all');
    expect(find('sel._domainkey', 'TXT')[0]).toMatchObject({
      value: '"v=DKIM1; k=rsa; " "p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"',
      line: 20,
    });
    expect(find('quoted', 'TXT')[0]?.value).toBe('"say \\"hello\\"" "and a \\\\ backslash"');
  });

  it('reads CAA as flags, tag and a quoted value', () => {
    expect(find('@', 'CAA')[0]?.value).toBe('0 issue "letsencrypt.org"');
  });

  it('follows $ORIGIN for relative names, takes absolute names in the zone, and class before TTL', () => {
    expect(find('box.lab', 'A')[0]).toMatchObject({ value: '198.51.100.7' });
    expect(find('api', 'A')[0]).toMatchObject({ value: '192.0.2.80', ttl: 300 });
  });
});

describe('parseZoneFile on a file of fully qualified names (as dig and exporters write them)', () => {
  const text = readFileSync(new URL('./fixtures/fqdn-style.zone', import.meta.url), 'utf8');
  const parsed = parseZoneFile(text, { zone: 'example.com.', file: 'fqdn-style.zone' });

  it('reads every record relative to the zone, with a single-line SOA skipped', () => {
    expect(parsed.records.map(({ line: _line, ...r }) => r)).toEqual([
      { name: '@', type: 'NS', value: 'ns1.vps.org', ttl: 86400, priority: null },
      { name: '@', type: 'A', value: '192.0.2.1', ttl: 3600, priority: null },
      { name: 'www', type: 'CNAME', value: 'example.com', ttl: 3600, priority: null },
      { name: '@', type: 'MX', value: 'mail.example.com', ttl: 3600, priority: 10 },
      { name: 'mail', type: 'AAAA', value: '2001:DB8:0:0:0:0:0:25', ttl: 300, priority: null },
      { name: '_dmarc', type: 'TXT', value: 'v=DMARC1;p=none', ttl: 86400, priority: null },
      { name: '*.dev', type: 'A', value: '192.0.2.99', ttl: 86400, priority: null },
      { name: '_imaps._tcp', type: 'SRV', value: '1 993 mail.example.com', ttl: 3600, priority: 0 },
      { name: '@', type: 'CAA', value: '128 iodef "mailto:security@example.com"', ttl: 86400, priority: null },
    ]);
    expect(parsed.notices.map((n) => n.split(':').slice(0, 2).join(':'))).toEqual(['fqdn-style.zone:2']);
  });
});

describe('parseZoneFile details', () => {
  it('starts at the zone as origin without $ORIGIN, and reads @, IN-less lines and comments', () => {
    expect(records('$TTL 300\n@ A 192.0.2.1 ; apex\nwww IN A 192.0.2.2\n')).toEqual([
      { name: '@', type: 'A', value: '192.0.2.1', ttl: 300, priority: null },
      { name: 'www', type: 'A', value: '192.0.2.2', ttl: 300, priority: null },
    ]);
  });

  it('uses the last explicit TTL when there is no $TTL, as RFC 1035 says', () => {
    expect(records('a 120 A 192.0.2.1\nb A 192.0.2.2\n').map((r) => r.ttl)).toEqual([120, 120]);
  });

  it('takes MX priority 0 and names in any case', () => {
    expect(records('$TTL 60\nWWW.Example.COM. mx 0 Mail.Example.com.\n')).toEqual([
      { name: 'www', type: 'MX', value: 'mail.example.com', ttl: 60, priority: 0 },
    ]);
  });

  it('reads TTL units', () => {
    expect([parseTtl('3600'), parseTtl('1h'), parseTtl('1h30m'), parseTtl('2d'), parseTtl('1W'), parseTtl('x')]).toEqual([
      3600, 3600, 5400, 172800, 604800, undefined,
    ]);
  });

  it('keeps apex NS records of other nameservers', () => {
    expect(records('$TTL 60\n@ NS ns1.other-dns.net.\n')).toHaveLength(1);
  });

  it('reads a record spread over several lines with a parenthesis and comments inside', () => {
    expect(records('$TTL 60\n_xmpp._tcp SRV ( 5 ; priority\n 0 ; weight\n 5269 xmpp )\n')).toEqual([
      { name: '_xmpp._tcp', type: 'SRV', value: '0 5269 xmpp.example.com', ttl: 60, priority: 5 },
    ]);
  });
});

describe('parseZoneFile refuses a bad file as a whole, naming the file and line', () => {
  const cases: Array<[string, string, RegExp]> = [
    ['a name outside the zone', '$TTL 60\nok A 192.0.2.1\nother.org. A 192.0.2.1\n', /^zone\.db:3: other\.org\. is outside the zone example\.com\.$/],
    ['an unsupported type', '$TTL 60\n\nwww PTR host.example.com.\n', /^zone\.db:3: record type PTR is not held by the VPS\.org API \(A, AAAA.*--skip-unsupported/],
    ['an MX without a priority', '$TTL 60\n@ MX mail.example.com.\n', /^zone\.db:2: MX needs a priority before the mail server/],
    ['a bad IPv4 address', '$TTL 60\nwww A 192.0.2.300\n', /^zone\.db:2: "192\.0\.2\.300" is not an IPv4 address$/],
    ['a bad IPv6 address', '$TTL 60\nwww AAAA 2001:db8::g\n', /^zone\.db:2: "2001:db8::g" is not an IPv6 address$/],
    ['an SRV without a target', '$TTL 60\n_sip._tcp SRV 10 5 5060\n', /^zone\.db:2: SRV takes "priority weight port target" \(4 fields\), got 3/],
    ['a CAA with a bad tag', '$TTL 60\n@ CAA 0 "issue" x\n', /^zone\.db:2: CAA tag "issue" must be letters and digits$/],
    ['a missing TTL', 'www A 192.0.2.1\n', /^zone\.db:1: no TTL/],
    ['an unterminated string', '$TTL 60\nt TXT "abc\n', /^zone\.db:2: unterminated quoted string$/],
    ['an unclosed parenthesis', '$TTL 60\nt TXT ( "a"\n "b"\n', /^zone\.db:2: "\(" opened on line 2 is never closed$/],
    ['a stray parenthesis', '$TTL 60\nt TXT "a" )\n', /^zone\.db:2: "\)" without/],
    ['another class', '$TTL 60\nwww CH A 192.0.2.1\n', /^zone\.db:2: class CH is not supported: only IN$/],
    ['$INCLUDE', '$INCLUDE other.zone\n', /^zone\.db:1: \$INCLUDE is not supported/],
    ['a record under an $ORIGIN outside the zone', '$ORIGIN example.org.\n$TTL 60\nwww A 192.0.2.1\n', /^zone\.db:3: www\.example\.org\. is outside the zone example\.com\.$/],
    ['a first record without an owner', '$TTL 60\n  A 192.0.2.1\n', /^zone\.db:2: no owner name/],
    ['CNAME and other data at one name', '$TTL 60\nwww CNAME x.example.net.\nwww TXT "hi"\n', /^zone\.db:3: CNAME and other data at www \(lines 2 and 3\)/],
    ['a TXT string over 255 bytes', `$TTL 60\nt TXT "${'é'.repeat(128)}"\n`, /^zone\.db:2: TXT string of 256 bytes: a string holds at most 255/],
    ['a byte that is not UTF-8 text', '$TTL 60\nt TXT "\\200"\n', /^zone\.db:2: TXT string .* is not UTF-8 text/],
    ['a TXT the API refuses (over 4096 characters)', `$TTL 60\nt TXT ${'"a" '.repeat(4097)}\n`, /^zone\.db:2: the API refuses this TXT record: value .* must NOT have more than 4096 characters/],
    ['a wildcard label the API refuses', '$TTL 60\nhost.*.sub A 192.0.2.1\n', /^zone\.db:2: the API refuses this A record: name "host\.\*\.sub" is not in the form the API takes$/],
    ['a name BIND reads and the API refuses', '$TTL 60\n_sip+d2t._tcp SRV 0 0 0 .\n', /^zone\.db:2: the API refuses this SRV record: name "_sip\+d2t\._tcp" is not in the form the API takes$/],
    ['a label over 63 characters', `$TTL 60\n${'a'.repeat(64)} A 192.0.2.1\n`, /^zone\.db:2: "a{64}" is not a valid domain name$/],
    ['an escaped owner name', '$TTL 60\na\\.b A 192.0.2.1\n', /^zone\.db:2: owner name a\.b must be a plain domain name$/],
    ['a record with no type', '$TTL 60\nwww 300 IN\n', /^zone\.db:2: no record type$/],
  ];
  it.each(cases)('%s', (_what, text, message) => {
    const error = refusal(text);
    expect(error.message).toMatch(message);
    expect(error.file).toBe('zone.db');
  });
});

describe('parseZoneFile as BIND reads it', () => {
  it('reports every refused line in one pass, then a count', () => {
    const error = refusal('$TTL 60\na PTR x.\nb A 300.1.1.1\nc DS 1 2 3 AB\nd A 192.0.2.1\ne MX mx\n');
    expect(error.problems.map((p) => p.line)).toEqual([2, 3, 4, 6]);
    expect(error.message.split('\n')).toHaveLength(5);
    expect(error.message.split('\n').at(-1)).toBe('4 lines refused');
  });

  it('with skipUnsupported, leaves out each record of a type the API does not hold, with a notice naming its line', () => {
    const parsed = parseZoneFile('$TTL 60\na PTR x.\nb A 192.0.2.1\nc SSHFP 1 1 abcd\n', { zone: 'example.com', file: 'z', skipUnsupported: true });
    expect(parsed.records.map((r) => r.name)).toEqual(['b']);
    expect(parsed.notices).toEqual([
      'z:2: PTR record skipped: the VPS.org API does not hold PTR records',
      'z:4: SSHFP record skipped: the VPS.org API does not hold SSHFP records',
    ]);
  });

  it('reads a name without a trailing dot as relative, and warns when it ends in the zone name', () => {
    const parsed = parse('$TTL 60\nwww.example.com A 192.0.2.1\n');
    expect(parsed.records[0]!.name).toBe('www.example.com');
    expect(parsed.notices).toEqual(['zone.db:2: warning: www.example.com has no trailing dot, so it is relative: www.example.com.example.com. (add a dot if www.example.com. was meant)']);
  });

  it('reads \\DDD as a byte: "\\195\\133LAND" is ÅLAND', () => {
    expect(records('$TTL 60\naland TXT "\\195\\133LAND ISLANDS"\n')[0]!.value).toBe('ÅLAND ISLANDS');
  });

  it('keeps DNS-SD strings apart, and joins strings that are a 255-byte split of one text', () => {
    expect(records('$TTL 60\nlp TXT "txtvers=1" "rp=printers/lp"\n')[0]!.value).toBe('"txtvers=1" "rp=printers/lp"');
    const long = 'k'.repeat(300);
    expect(records(`$TTL 60\ndkim TXT "${long.slice(0, 255)}" "${long.slice(255)}"\n`)[0]!.value).toBe(long);
  });

  it('drops an exact duplicate with a notice, as BIND does', () => {
    const parsed = parse('$TTL 60\nwww A 192.0.2.1\nWWW 300 A 192.0.2.1\n');
    expect(parsed.records).toHaveLength(1);
    expect(parsed.notices).toEqual(['zone.db:3: www\t300\tIN\tA\t192.0.2.1: the same record as on line 2, dropped (as BIND does)']);
  });

  it("reads named-compilezone's own output: $ORIGIN . first, then the zone's origin", () => {
    const text = '$ORIGIN .\n$TTL 300\nexample.com IN SOA ns1.vps.org. h.example.com. 1 2 3 4 5\n$ORIGIN example.com.\nwww A 192.0.2.1\n';
    expect(records(text)).toEqual([{ name: 'www', type: 'A', value: '192.0.2.1', ttl: 300, priority: null }]);
  });

  it("takes the SOA's TTL as the last TTL given when there is no $TTL (RFC 1035)", () => {
    expect(records('@ 7200 IN SOA ns1.vps.org. h.example.com. 1 2 3 4 5\nwww A 192.0.2.1\n')[0]!.ttl).toBe(7200);
    expect(records('@ IN SOA ns1.vps.org. h.example.com. 1 2 3 4 900\nwww A 192.0.2.1\n')[0]!.ttl).toBe(900);
  });

  it('accepts what real DNS holds: an underscore in a CNAME, MX, NS or SRV target, and a null MX (RFC 7505)', () => {
    const text = [
      '$TTL 60',
      'selector1._domainkey CNAME selector1-example-com._domainkey.example.onmicrosoft.com.',
      '_3b2c.www CNAME _c3e2.acm-validations.aws.',
      'nomail MX 0 .',
      'mx MX 10 mail_1.example.net.',
      'sub NS ns_1.example.net.',
      '_sip._tcp SRV 1 1 5060 sip_1.example.net.',
    ].join('\n');
    expect(records(text).map((r) => r.value)).toEqual([
      'selector1-example-com._domainkey.example.onmicrosoft.com',
      '_c3e2.acm-validations.aws',
      '.',
      'mail_1.example.net',
      'ns_1.example.net',
      '1 5060 sip_1.example.net',
    ]);
  });

  it('reads `; vps:ignore NAME[:TYPE]` comment lines as ignore rules', () => {
    const parsed = parse('; vps:ignore _acme-challenge:TXT\n;vps:ignore *.dyn\n$TTL 60\nwww A 192.0.2.1\n');
    expect(parsed.ignore.map((r) => r.text)).toEqual(['_acme-challenge:TXT', '*.dyn']);
  });
});
