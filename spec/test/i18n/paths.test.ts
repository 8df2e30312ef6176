// JSON Pointers and singular JSONPath queries: the two ways a translation's place is written.
import { describe, expect, it } from 'vitest';
import { fromPointer, JsonPathError, nodeAt, parseJsonPath, toJsonPath, toPointer } from '../../src/i18n/paths.js';

describe('JSON Pointer', () => {
  it('escapes / and ~ (RFC 6901) and reads them back', () => {
    const segments = ['paths', '/api/v1/servers/{server_id}/', 'get', 'a~b'];
    expect(toPointer(segments)).toBe('/paths/~1api~1v1~1servers~1{server_id}~1/get/a~0b');
    expect(fromPointer(toPointer(segments))).toEqual(segments);
    expect(toPointer(['tags', 0, 'x-displayName'])).toBe('/tags/0/x-displayName');
  });

  it('refuses a pointer without its leading slash', () => {
    expect(() => fromPointer('paths/x')).toThrow(/Not a JSON Pointer/);
  });
});

describe('singular JSONPath', () => {
  it('writes dots for plain names and brackets for the rest, and reads its own output back', () => {
    const segments = ['paths', "/it's/", 'get', 'tags', 2, 'x-displayName', 'back\\slash'];
    const path = toJsonPath(segments);
    expect(path).toBe("$.paths['/it\\'s/'].get.tags[2]['x-displayName']['back\\\\slash']");
    expect(parseJsonPath(path)).toEqual(segments);
  });

  it('reads double quotes and the normalized form of RFC 9535', () => {
    expect(parseJsonPath(`$["paths"]['/a/']["get"][0]`)).toEqual(['paths', '/a/', 'get', 0]);
    expect(parseJsonPath('$')).toEqual([]);
  });

  it.each([
    ['$.paths.*', 'a wildcard'],
    ['$..description', 'descendants'],
    ["$.tags[?@.name=='Servers']", 'a filter'],
    ['$.tags[0:2]', 'a slice'],
    ['paths.get', 'no $'],
    ['$.tags[01]', 'a leading zero'],
  ])('refuses %s (%s): a translation targets exactly one node', (path) => {
    expect(() => parseJsonPath(path)).toThrow(JsonPathError);
  });

  it('finds the node a path names, and nothing past a missing step', () => {
    const doc = { tags: [{ name: 'Servers' }], paths: { '/a/': { get: { summary: 'x' } } } };
    expect(nodeAt(doc, ['paths', '/a/', 'get', 'summary'])).toBe('x');
    expect(nodeAt(doc, ['tags', 0, 'name'])).toBe('Servers');
    expect(nodeAt(doc, ['tags', '0'])).toBeUndefined();
    expect(nodeAt(doc, ['paths', '/b/', 'get'])).toBeUndefined();
    expect(nodeAt(doc, ['paths', '/a/', 'get', 'summary', 'length'])).toBeUndefined();
  });
});
