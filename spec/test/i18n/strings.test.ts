// What counts as text to translate, and what is wire data that stays as it is.
import { describe, expect, it } from 'vitest';
import { translatableStrings } from '../../src/i18n/strings.js';

const doc = {
  info: { title: 'API', summary: 'Sum', description: 'Desc', license: { name: 'MIT' } },
  tags: [{ name: 'DNS Zones', description: 'Zones' }, { name: 'Servers', 'x-displayName': 'Servers!' }],
  paths: {
    '/a/': {
      get: {
        operationId: 'getA',
        summary: 'Get A',
        parameters: [{ name: 'status', in: 'query', description: 'Filter', schema: { enum: ['active'], default: 'active' } }],
        responses: {
          '200': {
            description: 'OK',
            content: { 'application/json': { examples: { One: { summary: 'One A', description: 'Why', value: { description: 'wire text', summary: 'wire' } } } } },
          },
        },
        'x-codeSamples': [{ lang: 'curl', label: 'cURL', source: 'curl ...' }],
      },
    },
  },
  components: {
    schemas: {
      Thing: {
        title: 'Thing record',
        description: 'A thing',
        examples: [{ description: 'schema example value' }],
        example: { summary: 'also a value' },
        properties: {
          description: { type: 'string', description: 'The text of the thing', const: 'x' },
          value: { type: 'string', description: 'Its value', default: 'd' },
          summary: { type: 'object', properties: { title: { type: 'string', description: 'Nested' } } },
        },
      },
    },
  },
};

describe('translatableStrings', () => {
  const found = Object.fromEntries(translatableStrings(doc).map((s) => [s.pointer, s.text]));

  it('finds every summary, description and title a reader sees, and each tag display name', () => {
    expect(found).toEqual({
      '/info/title': 'API',
      '/info/summary': 'Sum',
      '/info/description': 'Desc',
      '/tags/0/description': 'Zones',
      '/tags/1/x-displayName': 'Servers!',
      '/paths/~1a~1/get/summary': 'Get A',
      '/paths/~1a~1/get/parameters/0/description': 'Filter',
      '/paths/~1a~1/get/responses/200/description': 'OK',
      '/paths/~1a~1/get/responses/200/content/application~1json/examples/One/summary': 'One A',
      '/paths/~1a~1/get/responses/200/content/application~1json/examples/One/description': 'Why',
      '/components/schemas/Thing/title': 'Thing record',
      '/components/schemas/Thing/description': 'A thing',
      '/components/schemas/Thing/properties/description/description': 'The text of the thing',
      '/components/schemas/Thing/properties/value/description': 'Its value',
      '/components/schemas/Thing/properties/summary/properties/title/description': 'Nested',
      // A tag without x-displayName: its name is what readers see, so that is the text to translate.
      '/tags/0/x-displayName': 'DNS Zones',
    });
  });

  it('leaves out wire data: example values, enums, defaults, consts, code samples, names', () => {
    const texts = Object.values(found);
    for (const data of ['wire text', 'wire', 'schema example value', 'also a value', 'active', 'x', 'd', 'curl ...', 'getA', 'MIT']) {
      expect(texts).not.toContain(data);
    }
  });

  it('gives the target and key of each string', () => {
    const tag = translatableStrings(doc).find((s) => s.pointer === '/tags/0/x-displayName')!;
    expect({ parent: tag.parent, key: tag.key }).toEqual({ parent: ['tags', 0], key: 'x-displayName' });
  });
});
