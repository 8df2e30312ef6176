import { describe, expect, it } from 'vitest';
import { diffSpecs, type SpecChange } from '../src/index.js';
import { base, changed, type Spec } from './mutations.js';

const diff = (edit: (spec: Spec) => void) => diffSpecs(base(), changed(edit));
const one = (changes: SpecChange[], want: Partial<SpecChange>) => {
  const found = changes.filter((c) => Object.entries(want).every(([k, v]) => c[k as keyof SpecChange] === v));
  expect(found, `no change like ${JSON.stringify(want)} among\n${changes.map((c) => `${c.kind} ${c.breaking} ${c.text}`).join('\n')}`).not.toHaveLength(0);
  return found[0]!;
};
const schemas = (s: Spec) => s.components.schemas;
const server = '/api/v1/servers/{server_id}/';

describe('spec:diff classifies each kind of change (api-smart-diff, wrapped)', () => {
  it('finds nothing between the spec and itself', () => {
    expect(diffSpecs(base(), base())).toEqual([]);
  });

  it('an operation removed is breaking', () => {
    const c = one(diff((s) => delete s.paths[server].delete), { kind: 'operation-removed' });
    expect(c).toMatchObject({ breaking: true, operation: `DELETE ${server}`, side: 'operation', pointer: '/paths/~1api~1v1~1servers~1{server_id}~1/delete' });
  });

  it('a status removed is breaking', () => {
    const c = one(diff((s) => delete s.paths[server].get.responses['404']), { kind: 'status-removed' });
    expect(c).toMatchObject({ breaking: true, operation: `GET ${server}`, text: `\`GET ${server}\`: no longer answers 404` });
  });

  it('a field removed from an answer is breaking; one added is not, and reads as the changelog says', () => {
    const removed = diff((s) => {
      delete schemas(s).Server.properties.hostname;
      schemas(s).Server.required = schemas(s).Server.required.filter((r: string) => r !== 'hostname');
    });
    expect(one(removed, { kind: 'field-removed', operation: `GET ${server}` })).toMatchObject({ breaking: true, side: 'response' });
    const added = diff((s) => (schemas(s).Server.properties.ipv6_extra = { type: 'string' }));
    const c = one(added, { kind: 'field-added', operation: `GET ${server}` });
    expect(c).toMatchObject({ breaking: false, side: 'response', text: `\`GET ${server}\`: the answer has a new field \`ipv6_extra\`` });
    expect(added.filter((x) => x.breaking)).toEqual([]);
  });

  it('a request field made required is breaking', () => {
    const c = one(diff((s) => schemas(s).ServerCreateRequest.required.push('hostname')), { kind: 'field-required' });
    expect(c).toMatchObject({ breaking: true, side: 'request', operation: 'POST /api/v1/servers/' });
  });

  it('a request type, format or bound narrowed is breaking', () => {
    expect(one(diff((s) => (schemas(s).ServerUpdateRequest.properties.hostname.type = 'string')), { kind: 'type-changed' })).toMatchObject({
      breaking: true,
      side: 'request',
    });
    expect(one(diff((s) => (schemas(s).ServerCreateRequest.properties.location.format = 'hostname')), { kind: 'format-changed' })).toMatchObject({
      breaking: true,
    });
    expect(one(diff((s) => (schemas(s).ServerCreateRequest.properties.name.maxLength = 10)), { kind: 'constraint-changed' })).toMatchObject({
      breaking: true,
      text: '`POST /api/v1/servers/`: in the request body, `name`: maxLength is now `10` (was `255`)',
    });
  });

  it('an enum value added to an answer or removed from a request is breaking; removed from an answer it is not', () => {
    expect(one(diff((s) => schemas(s).ServerStatus.enum.push('migrating')), { kind: 'enum-value-added', operation: `GET ${server}` })).toMatchObject({
      breaking: true,
      side: 'response',
    });
    expect(one(diff((s) => schemas(s).ServerStatusFilter.enum.pop()), { kind: 'enum-value-removed' })).toMatchObject({
      breaking: true,
      side: 'request',
      text: '`GET /api/v1/servers/`: the query parameter `status` no longer accepts `suspended`',
    });
    const fewer = diff((s) => schemas(s).ServerStatus.enum.pop());
    expect(one(fewer, { kind: 'enum-value-removed', operation: `GET ${server}` }).breaking).toBe(false);
  });

  it('a parameter added as required is breaking; an optional one is not', () => {
    const param = (required: boolean) => (s: Spec) => s.paths['/api/v1/servers/'].get.parameters.push({ name: 'region', in: 'query', required, schema: { type: 'string' } });
    expect(one(diff(param(true)), { kind: 'parameter-added' })).toMatchObject({ breaking: true, text: '`GET /api/v1/servers/`: new required query parameter `region`' });
    expect(one(diff(param(false)), { kind: 'parameter-added' }).breaking).toBe(false);
  });

  it('a path renamed is one breaking change per operation, named as a move', () => {
    const changes = diff((s) => {
      s.paths['/api/v1/machines/{server_id}/'] = s.paths[server];
      delete s.paths[server];
    });
    const c = one(changes, { kind: 'path-renamed', operation: `GET ${server}` });
    expect(c).toMatchObject({ breaking: true, text: `\`GET ${server}\` (getServer) moved to \`GET /api/v1/machines/{server_id}/\`` });
    expect(changes.filter((x) => x.kind === 'operation-added' || x.kind === 'operation-removed')).toEqual([]);
  });

  it(
    'the record union: a branch removed from a request is breaking, and so is an answer branch widened, on every operation that answers records',
    () => {
      const changes = diff((s) => {
        schemas(s).DnsRecordInput.oneOf.pop();
        delete schemas(s).DnsRecordInput.discriminator.mapping.CAA;
        schemas(s).DnsTxtRecord.allOf[1].properties.priority = { type: ['integer', 'null'] };
      });
      const put = 'PUT /api/v1/dns-records/{uuid}/';
      expect(one(changes, { kind: 'variant-removed', operation: put, side: 'request' })).toMatchObject({
        breaking: true,
        text: `\`${put}\`: the request body can no longer be the CAA record variant`,
      });
      const txt = one(changes, { operation: 'GET /api/v1/dns-records/{uuid}/', side: 'response' });
      expect(txt.breaking).toBe(true);
      expect(txt.text).toContain('(TXT record).priority');
      // Every operation that answers records sees the change, not only the first branch or the first operation.
      expect(new Set(changes.filter((c) => c.side === 'response').map((c) => c.operation)).size).toBe(8);
    },
    600_000,
  );
});
