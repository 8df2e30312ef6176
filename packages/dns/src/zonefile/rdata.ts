// The data part of each record type, read from tokens into the value (and priority) the API takes.
import { isIPv4, isIPv6 } from 'node:net';
import type { RecordType } from '../records.js';
import { qualify } from './names.js';
import type { Token } from './tokenize.js';
import { MAX_STRING_BYTES, txtValue } from './txt.js';

export interface Rdata {
  value: string;
  priority: number | null;
}

/** Thrown with the reason only; the parser adds the file and line. */
export class RdataError extends Error {}

function uint(token: Token | undefined, what: string, max: number): number {
  if (!token || token.quoted || !/^\d+$/.test(token.text) || Number(token.text) > max) {
    throw new RdataError(`${what} must be a whole number from 0 to ${max}${token ? `, not "${token.text}"` : ''}`);
  }
  return Number(token.text);
}

function host(token: Token | undefined, what: string, origin: string): string {
  if (!token || token.quoted || token.escaped) throw new RdataError(`${what} must be a plain host name`);
  const q = qualify(token.text, origin);
  if ('error' in q) throw new RdataError(`${what}: ${q.error}`);
  return q.fqdn || '.';
}

function count(tokens: Token[], type: string, n: number, shape: string): void {
  if (tokens.length !== n) {
    throw new RdataError(`${type} takes ${shape} (${n} field${n > 1 ? 's' : ''}), got ${tokens.length}: "${tokens.map((t) => t.text).join(' ')}"`);
  }
}

export function readRdata(type: RecordType, tokens: Token[], origin: string): Rdata {
  switch (type) {
    case 'A':
    case 'AAAA': {
      count(tokens, type, 1, type === 'A' ? 'an IPv4 address' : 'an IPv6 address');
      const address = tokens[0]!.text;
      if (!(type === 'A' ? isIPv4(address) : isIPv6(address))) {
        throw new RdataError(`"${address}" is not an ${type === 'A' ? 'IPv4' : 'IPv6'} address`);
      }
      return { value: address, priority: null };
    }
    case 'CNAME':
    case 'NS':
      count(tokens, type, 1, 'a host name');
      return { value: host(tokens[0], `${type} target`, origin), priority: null };
    case 'MX':
      if (tokens.length === 1 && !/^\d+$/.test(tokens[0]!.text)) {
        throw new RdataError(`MX needs a priority before the mail server, e.g. "MX 10 ${tokens[0]!.text}"`);
      }
      count(tokens, type, 2, '"priority host"');
      return { priority: uint(tokens[0], 'MX priority', 65535), value: host(tokens[1], 'MX host', origin) };
    case 'SRV': {
      count(tokens, type, 4, '"priority weight port target"');
      const priority = uint(tokens[0], 'SRV priority', 65535);
      const weight = uint(tokens[1], 'SRV weight', 65535);
      const port = uint(tokens[2], 'SRV port', 65535);
      return { priority, value: `${weight} ${port} ${host(tokens[3], 'SRV target', origin)}` };
    }
    case 'TXT': {
      if (!tokens.length) throw new RdataError('TXT needs at least one string');
      for (const t of tokens) {
        if (t.notUtf8) throw new RdataError(`TXT string "${t.text}" is not UTF-8 text: the API holds text, not bytes`);
        if (Buffer.byteLength(t.text) > MAX_STRING_BYTES) {
          throw new RdataError(`TXT string of ${Buffer.byteLength(t.text)} bytes: a string holds at most ${MAX_STRING_BYTES} (split it into several)`);
        }
      }
      const value = txtValue(tokens.map((t) => t.text));
      if (!value) throw new RdataError('TXT text is empty');
      return { value, priority: null };
    }
    case 'CAA': {
      count(tokens, type, 3, '"flags tag value"');
      const flags = uint(tokens[0], 'CAA flags', 255);
      const tag = tokens[1]!;
      if (tag.quoted || !/^[A-Za-z0-9]+$/.test(tag.text)) throw new RdataError(`CAA tag "${tag.text}" must be letters and digits`);
      if (tokens[2]!.notUtf8) throw new RdataError('CAA value is not UTF-8 text');
      const text = tokens[2]!.text.replace(/["\\]/g, '\\$&');
      return { value: `${flags} ${tag.text.toLowerCase()} "${text}"`, priority: null };
    }
  }
}
