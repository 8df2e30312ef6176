// The generated doc comments are written for callers: provenance notes of the spec stay in the reference.
import { describe, expect, it } from 'vitest';
import { callerSpec, callerText } from '../scripts/lib/caller-docs.mjs';

describe('callerText', () => {
  it.each([
    ['Fields not listed are refused (inferred).', 'Fields not listed are refused.'],
    [
      'The error body every error response carries. `detail` is always present (inferred: other errors may omit them, as Django REST Framework does).',
      'The error body every error response carries. `detail` is always present.',
    ],
    ['One page of servers. `count` is what the reference shows; `next` follows DRF (inferred).', 'One page of servers.'],
    ['Zone not found, or not owned by the user (inferred from the reference\'s common errors).', 'Zone not found, or not owned by the user.'],
    ['Lists the records.\n\nPermission: `dns:list` (inferred: the reference names no permission).', 'Lists the records.\n\nPermission: `dns:list`.'],
  ])('%j -> %j', (text, expected) => {
    expect(callerText(text)).toBe(expected);
  });

  it('drops a description that was only a provenance note', () => {
    expect(callerText('The reference documents this status but shows no body; inferred.')).toBeUndefined();
  });
});

describe('callerSpec', () => {
  it('cleans every description and leaves wire data alone', () => {
    const spec = {
      description: 'A server (inferred).',
      properties: { id: { description: 'From the reference.', example: 'inferred (kept)' }, value: { description: 'A value (inferred).' } },
      examples: { A: { description: 'inferred', value: { detail: 'inferred' } } },
    };
    expect(callerSpec(spec)).toEqual({
      description: 'A server.',
      properties: { id: { example: 'inferred (kept)' }, value: { description: 'A value.' } },
      examples: { A: { description: 'inferred', value: { detail: 'inferred' } } },
    });
  });
});
