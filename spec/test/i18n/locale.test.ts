// The completeness check and the translated spec, on small overlays and on the real ones.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { listOperations, loadSpec } from '../../src/index.js';
import { checkLocale, loadLocale, LOCALES, skeletonActions, translateSpec } from '../../src/i18n/locale.js';
import { parseOverlay } from '../../src/i18n/overlay.js';
import { translatableStrings } from '../../src/i18n/strings.js';

const spec = {
  info: { title: 'API' },
  tags: [{ name: 'Servers' }],
  paths: {
    '/s/': {
      get: { summary: 'List servers', description: 'Lists them.', responses: { '200': { description: 'OK' } } },
    },
  },
  components: { examples: { E: { summary: 'An error', value: { detail: 'Not found.' } } } },
};

const overlayText = `overlay: 1.0.0
info:
  title: fr
  version: 1.0.0
actions:
  - target: $.info
    update:
      title: API (fr)
    x-source:
      title: API
  - target: $.tags[0]
    update:
      x-displayName: Serveurs
    x-source:
      x-displayName: Servers
  - target: $.paths['/s/'].get
    update:
      summary: Lister les serveurs
      description: ""
    x-source:
      summary: List all servers
      description: Lists them.
  - target: $.paths['/s/'].get.responses['200']
    update:
      description: 42
    x-source:
      description: OK
  - target: $.paths['/gone/'].get
    update:
      summary: Parti
    x-source:
      summary: Gone
`;
const file = parseOverlay(overlayText, 'fr.overlay.yaml');

describe('checkLocale', () => {
  it('names the pointer of each missing, empty, changed, gone and non-text translation, with its line', () => {
    expect(checkLocale(spec, file).map((p) => [p.kind, p.pointer, p.line])).toEqual([
      ['missing', '/components/examples/E/summary', undefined],
      ['gone', '/paths/~1gone~1/get/summary', 28],
      ['missing', '/paths/~1s~1/get/description', undefined],
      ['not-text', '/paths/~1s~1/get/responses/200/description', 23],
      ['changed', '/paths/~1s~1/get/summary', 16],
    ]);
  });

  it('passes an overlay that translates every string of the current English', () => {
    const actions = skeletonActions(spec, checkLocale(spec, file));
    for (const action of actions) {
      for (const key of Object.keys(action.update as object)) (action.update as Record<string, string>)[key] = `fr: ${key}`;
    }
    const all = [...file.overlay.actions.slice(0, 2), ...actions];
    const complete = { ...file, overlay: { ...file.overlay, actions: all }, lines: all.map((_, i) => i + 1) };
    expect(checkLocale(spec, complete)).toEqual([]);
  });
});

describe('skeletonActions', () => {
  it('lists missing, changed and non-text strings by target, English in x-source, update empty, old text in x-previous', () => {
    expect(skeletonActions(spec, checkLocale(spec, file))).toEqual([
      {
        target: "$.paths['/s/'].get",
        update: { summary: '', description: '' },
        'x-source': { summary: 'List servers', description: 'Lists them.' },
        'x-previous': { summary: 'Lister les serveurs' },
      },
      { target: "$.paths['/s/'].get.responses['200']", update: { description: '' }, 'x-source': { description: 'OK' } },
      { target: '$.components.examples.E', update: { summary: '' }, 'x-source': { summary: 'An error' } },
    ]);
  });
});

describe('translateSpec', () => {
  const fr = translateSpec(spec, file);

  it('applies the translations, keeps English where there is none, and ignores those of strings that are gone', () => {
    expect(fr.info.title).toBe('API (fr)');
    expect(fr.tags).toEqual([{ name: 'Servers', 'x-displayName': 'Serveurs' }]);
    expect(fr.paths['/s/'].get.summary).toBe('Lister les serveurs');
    expect(fr.paths['/s/'].get.description).toBe('Lists them.');
    expect(fr.paths['/s/'].get.responses['200'].description).toBe('OK');
    expect(Object.keys(fr.paths)).toEqual(['/s/']);
    expect(fr.components.examples.E.value).toEqual({ detail: 'Not found.' });
  });
});

describe.each(LOCALES)('the %s overlay', (locale) => {
  const english = loadSpec();
  const overlay = loadLocale(locale);
  const translated = translateSpec(english, overlay);

  it('translates every string of the spec, and nothing that is gone', () => {
    expect(checkLocale(english, overlay)).toEqual([]);
  });

  it('changes text only: same paths, operations, tag names, field names, enums and example values', () => {
    const strip = (doc: unknown) => {
      const copy = structuredClone(doc) as Record<string, unknown>;
      for (const s of translatableStrings(copy)) {
        const parent = s.parent.reduce<Record<string | number, unknown>>((o, k) => o[k] as Record<string | number, unknown>, copy);
        delete parent[s.key];
      }
      return copy;
    };
    expect(strip(translated)).toEqual(strip(english));
  });

  it('gives every operation a title of its own language, tag names staying English', () => {
    const en = listOperations(english);
    const tr = listOperations(translated);
    expect(tr.map((op) => [op.operationId, op.method, op.path, op.tag])).toEqual(en.map((op) => [op.operationId, op.method, op.path, op.tag]));
    tr.forEach((op, i) => expect(op.summary, op.operationId).not.toBe(en[i]!.summary));
    const script = locale === 'ko' ? /[\uAC00-\uD7A3]/ : /[a-zàâçéèêëîïôûùüÿœ]/;
    for (const op of tr) expect(op.summary, op.operationId).toMatch(script);
  });

  it('fails on an operation added to the spec without its translations, naming each of its strings', () => {
    const added = structuredClone(english);
    added.paths['/api/v1/servers/{server_id}/rescue/'] = {
      post: { operationId: 'rescueServer', summary: 'Rescue a server', tags: ['Servers'], responses: { '200': { description: 'Rescued.' } } },
    };
    expect(checkLocale(added, overlay).map((p) => [p.kind, p.pointer])).toEqual([
      ['missing', '/paths/~1api~1v1~1servers~1{server_id}~1rescue~1/post/responses/200/description'],
      ['missing', '/paths/~1api~1v1~1servers~1{server_id}~1rescue~1/post/summary'],
    ]);
  });

  it('uses the vendor\'s own words where its pages translate a text', () => {
    const vendor = { ko: '모든 DNS 영역 나열', fr: 'Lister toutes les zones DNS' }[locale];
    expect(listOperations(translated).find((op) => op.operationId === 'listDnsZones')!.summary).toBe(vendor);
  });

  it(`is what the build wrote to dist/openapi.${locale}.json`, () => {
    const built = JSON.parse(readFileSync(new URL(`../../dist/openapi.${locale}.json`, import.meta.url), 'utf8'));
    expect(JSON.stringify(built) === JSON.stringify(translated), `dist/openapi.${locale}.json is stale: pnpm build`).toBe(true);
  });
});
