// The README's example of a translation is one the French overlay really holds.
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { describe, expect, it } from 'vitest';
import { parseOverlay } from '../../src/i18n/overlay.js';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const block = /```yaml\n([\s\S]*?)```/.exec(readme)?.[1];

describe('the README', () => {
  it('shows an action of the French overlay as it is written there', () => {
    expect(block).toBeDefined();
    const [shown] = parse(block!) as Array<{ target: string }>;
    const file = new URL('../../locales/fr.overlay.yaml', import.meta.url);
    const { overlay } = parseOverlay(readFileSync(file, 'utf8'), 'fr.overlay.yaml');
    // The README shows part of the action (its summary): what it shows must be what the overlay holds.
    expect(overlay.actions.find((a) => a.target === shown?.target)).toMatchObject(shown!);
  });
});
