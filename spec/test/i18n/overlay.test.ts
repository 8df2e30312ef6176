// The Overlay 1.0 reader (with the line of each problem) and applier.
import { describe, expect, it } from 'vitest';
import { applyOverlay, OverlayError, parseOverlay, type Overlay } from '../../src/i18n/overlay.js';

const header = 'overlay: 1.0.0\ninfo:\n  title: t\n  version: 1.0.0\n';

function errorOf(text: string): OverlayError {
  try {
    parseOverlay(text, 'x.overlay.yaml');
  } catch (error) {
    expect(error).toBeInstanceOf(OverlayError);
    return error as OverlayError;
  }
  throw new Error('expected an OverlayError');
}

describe('parseOverlay', () => {
  it('reads a valid overlay and the line of each action', () => {
    const text = `${header}actions:\n  - target: $.info\n    update:\n      title: A\n  - target: $.tags[0]\n    remove: true\n`;
    const file = parseOverlay(text, 'x.overlay.yaml');
    expect(file.overlay.actions).toHaveLength(2);
    expect(file.lines).toEqual([6, 9]);
  });

  it.each([
    ['a YAML syntax error', `${header}actions:\n  - target: $.info\n    update: {a: [}\n`, 7, 'yaml'],
    ['a wrong version', 'overlay: 2.0.0\ninfo:\n  title: t\n  version: 1.0.0\nactions: []\n', 1, 'overlay'],
    ['no info', 'overlay: 1.0.0\nactions:\n  - target: $.info\n    update: {}\n', 1, 'info'],
    ['no actions', `${header}actions: []\n`, 5, 'actions'],
    ['an action without target', `${header}actions:\n  - update:\n      title: A\n`, 6, 'actions[0].target'],
    ['a JSONPath with a wildcard', `${header}actions:\n  - target: $.info\n    update: {}\n  - target: $.paths.*\n    update: {}\n`, 8, 'actions[1].target'],
    ['update and remove together', `${header}actions:\n  - target: $.info\n    remove: true\n    update: {}\n`, 8, 'actions[0].update'],
    ['neither update nor remove', `${header}actions:\n  - target: $.info\n`, 6, 'actions[0].update'],
  ])('names the file, line and field of %s', (_, text, line, field) => {
    const error = errorOf(text);
    expect(error.file).toBe('x.overlay.yaml');
    expect({ line: error.line, field: error.field }).toEqual({ line, field });
    expect(error.message).toMatch(new RegExp(`^x\\.overlay\\.yaml:${line}: `));
  });
});

describe('applyOverlay', () => {
  const doc = { info: { title: 'T', contact: { name: 'n', url: 'u' } }, tags: [{ name: 'a' }, { name: 'b' }], list: [1] };
  const overlay = (actions: Overlay['actions']): Overlay => ({ overlay: '1.0.0', info: { title: 't', version: '1' }, actions });

  it('merges objects recursively, replaces values, appends to arrays, and leaves the input alone', () => {
    const before = JSON.stringify(doc);
    const { document, unmatched } = applyOverlay(doc, overlay([
      { target: '$.info', update: { title: 'Titre', contact: { name: 'nom' } } },
      { target: '$.list', update: 2 },
      { target: '$.tags[1]', update: { 'x-displayName': 'B' } },
    ]));
    expect(document).toEqual({
      info: { title: 'Titre', contact: { name: 'nom', url: 'u' } },
      tags: [{ name: 'a' }, { name: 'b', 'x-displayName': 'B' }],
      list: [1, 2],
    });
    expect(unmatched).toEqual([]);
    expect(JSON.stringify(doc)).toBe(before);
  });

  it('removes from objects and arrays, in order', () => {
    const { document } = applyOverlay(doc, overlay([
      { target: '$.tags[0]', remove: true },
      { target: '$.info.contact', remove: true },
    ]));
    expect(document).toEqual({ info: { title: 'T' }, tags: [{ name: 'b' }], list: [1] });
  });

  it('reports the actions whose target matches nothing, without failing', () => {
    const { document, unmatched } = applyOverlay(doc, overlay([
      { target: "$.paths['/gone/'].get", update: { summary: 'x' } },
      { target: '$.info', update: { summary: 's' } },
      { target: '$.tags[5]', remove: true },
    ]));
    expect(unmatched).toEqual([0, 2]);
    expect(document.info).toEqual({ ...doc.info, summary: 's' });
  });
});
