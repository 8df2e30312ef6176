// The build step: samples injected into a copy of the bundle (never into the spec), and a page that references
// nothing remote, with telemetry off and the four languages configured.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { describe, expect, it } from 'vitest';
import { listOperations } from '@vps-org/openapi';
import { codeSamplesByOperation } from '../samples/index.js';
import { withChangelog } from './changelog.js';
import { decorate } from './decorate.js';
import { checkOffline, replaceCdnUrls } from './offline.js';
import { checkRenderable, untypedConsts } from './renderable.js';
import { readBuiltPage, redocLiteral } from './shipped.js';
import { CDN_REPLACEMENTS } from './theme.js';

const require = createRequire(import.meta.url);
const bundleText = readFileSync(require.resolve('@vps-org/openapi/openapi.json'), 'utf8');
const bundle = JSON.parse(bundleText);
const page = readBuiltPage();

describe('decorate', () => {
  const doc = decorate(bundle);

  it('adds the generated x-codeSamples to all 20 operations of a copy, leaving the bundle untouched', () => {
    const ops = listOperations(doc);
    expect(ops).toHaveLength(20);
    const expected = codeSamplesByOperation(bundle);
    for (const op of ops) expect(op.raw['x-codeSamples'], op.operationId).toEqual(expected.get(op.operationId));
    expect(JSON.stringify(bundle)).toBe(JSON.stringify(JSON.parse(bundleText)));
  });

  it('brands the page with an inline logo', () => {
    expect(doc.info['x-logo'].url).toMatch(/^data:image\/svg\+xml;base64,/);
  });

  it('refuses samples already in the spec: they are generated, never pasted', () => {
    const pasted = structuredClone(bundle);
    pasted.paths['/api/v1/servers/'].get['x-codeSamples'] = [{ lang: 'curl', source: 'curl …' }];
    expect(() => decorate(pasted)).toThrow(/already has x-codeSamples/);
  });
});

describe('renderable spec', () => {
  it('finds no const without a type in the bundle', () => {
    expect(untypedConsts(bundle)).toEqual([]);
    expect(() => checkRenderable(bundle)).not.toThrow();
  });

  it('names the schema whose const has no type', () => {
    const doc = { components: { schemas: { A: { properties: { kind: { const: 'x' }, ok: { type: 'string', const: 'y' } } } } } };
    expect(untypedConsts(doc)).toEqual(['#/components/schemas/A/properties/kind']);
    expect(() => checkRenderable(doc)).toThrow(/const without a type/);
  });
});

describe('offline checks', () => {
  const ok = `<meta http-equiv="Content-Security-Policy" content="default-src 'none'"><script>const o = {"disableTelemetry":true}; const icons = "https://cdn.redocly.com/icons";</script>`;

  it('accept a page whose only remote URLs sit in code it does not run', () => {
    expect(() => checkOffline(ok)).not.toThrow();
  });

  it.each([
    ['a web font', '<link rel="stylesheet" href="https://fonts.googleapis.com/css?family=Inter">'],
    ['a remote <link>', '<link rel="icon" href="//cdn.example.com/favicon.ico">'],
    ['a remote src', '<img src="https://cdn.example.com/logo.png">'],
    ['a remote CSS url()', '<style>body { background: url("https://cdn.example.com/bg.png") }</style>'],
    ['a remote CSS @import', "<style>@import 'https://cdn.example.com/x.css';</style>"],
  ])('reject %s', (what, markup) => {
    expect(() => checkOffline(ok + markup)).toThrow(what);
  });

  it('reject a page with telemetry on or without its CSP', () => {
    expect(() => checkOffline(ok.replace('"disableTelemetry":true', '"disableTelemetry":false'))).toThrow(/telemetry/);
    expect(() => checkOffline(ok.replace('http-equiv="Content-Security-Policy"', ''))).toThrow(/Content-Security-Policy/);
  });

  it('swap the CDN logos Redoc hard-codes, and fail loudly once Redoc stops using them', () => {
    const html = CDN_REPLACEMENTS.map(([from]) => `src:"${from}"`).join(';');
    expect(replaceCdnUrls(html)).not.toMatch(/cdn\.redoc\.ly/);
    expect(() => replaceCdnUrls('nothing to swap')).toThrow(/no longer references/);
  });
});

describe('the built page (dist/index.html)', () => {
  const literal = (name: string) => redocLiteral(page, name);

  it('passes the offline checks', () => {
    checkOffline(page); // throws with the offending snippet
  });

  it('is built from the current spec and samples (a stale build fails here)', () => {
    const stale = 'dist/ is older than the spec or the samples: run `pnpm --filter @vps-org/docs build`';
    const current = JSON.stringify(withChangelog(decorate(bundle), 'en'));
    expect(JSON.stringify(literal('__redoc_definition')) === current, stale).toBe(true);
    const copy = JSON.parse(readFileSync(new URL('../../dist/openapi.json', import.meta.url), 'utf8'));
    expect(JSON.stringify(copy) === current, stale).toBe(true);
  });

  it('tells Redoc to show the four languages, with telemetry off', () => {
    const options = literal('__redoc_options');
    expect(options.codeSamples.languages.map((l: { label: string }) => l.label)).toEqual(['cURL', 'TypeScript', 'Python', 'PHP']);
    expect(options.disableTelemetry).toBe(true);
  });

  it('is titled VPS.org, with system fonts and no font file but inline ones', () => {
    // (Big strings stay out of expect(): a failure would print the whole 2.5 MB page.)
    expect(page.includes('<title>VPS.org API Reference</title>')).toBe(true);
    expect(/html:root \{\s*--font-family-base: system-ui/.test(page)).toBe(true);
    const fontFaces = page.match(/@font-face\s*\{[^}]*\}/g) ?? [];
    const sources = fontFaces.flatMap((f) => [...f.matchAll(/url\(\s*['"]?([a-z]+:)/g)].map((m) => m[1]));
    expect(sources.every((scheme) => scheme === 'data:')).toBe(true);
  });
});
