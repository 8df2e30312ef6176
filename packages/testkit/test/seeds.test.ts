import { describe, expect, it } from 'vitest';
import { jsonBlocks, seedFixture } from '../src/index.js';

describe('the vendor-page extractor', () => {
  const page = ['Response', '{', '  "id": 1', '}', 'Request', "curl -X POST https://x.test/a/ \\", "  -d '{\"name\": \"n\"}'", 'End'].join('\n');

  it('takes top-level JSON blocks and curl bodies, in page order', () => {
    expect(jsonBlocks(page)).toEqual([{ id: 1 }, { name: 'n' }]);
  });

  it('keeps each curl command with the line it starts on', () => {
    expect(seedFixture('p.txt', page).curl).toEqual([{ line: 6, source: "curl -X POST https://x.test/a/ \\\n  -d '{\"name\": \"n\"}'" }]);
  });

  it('names the line of a block that never closes', () => {
    expect(() => jsonBlocks('a\n[\n1,')).toThrow(/line 2: \[ is never closed/);
  });
});
