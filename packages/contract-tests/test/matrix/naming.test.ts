// The naming the matrix derives resource methods with, checked against the names issue 3 documents.
import { describe, expect, it } from 'vitest';
import { clientName, methodName, resourceName } from '../support/naming.js';
import { operations } from '../support/spec.js';

describe('resource and method names', () => {
  it('derives the names issue 3 documents from the bundle (tag + operationId)', () => {
    const derived = new Set(operations.map((op) => Object.values(clientName(op)).join('.')));
    const documented = {
      servers: ['list', 'create', 'get', 'update', 'patch', 'delete', 'start', 'stop', 'reboot'],
      dnsZones: ['list', 'create', 'get', 'delete', 'listRecords', 'createRecord'],
      dnsRecords: ['list', 'get', 'update', 'patch', 'delete'],
    };
    for (const [resource, methods] of Object.entries(documented)) {
      for (const method of methods) expect(derived, `${resource}.${method}`).toContain(`${resource}.${method}`);
    }
  });

  it('gives every operation of the bundle its own method', () => {
    const names = operations.map((op) => Object.values(clientName(op)).join('.'));
    expect(new Set(names).size).toBe(names.length);
  });

  it.each([
    ['DNS Zones', 'dnsZones'],
    ['Servers', 'servers'],
    ['DNS Records', 'dnsRecords'],
  ])('resource of tag %s is %s', (tag, name) => {
    expect(resourceName(tag)).toBe(name);
  });

  it.each([
    ['listDnsZoneRecords', 'DNS Zones', 'listRecords'],
    ['createDnsZoneRecord', 'DNS Zones', 'createRecord'],
    ['getServer', 'Servers', 'get'],
    ['listServers', 'Servers', 'list'],
    ['patchDnsRecord', 'DNS Records', 'patch'],
  ])('method of %s (%s) is %s', (operationId, tag, name) => {
    expect(methodName(operationId, tag)).toBe(name);
  });

  it('refuses an operationId that does not name its tag', () => {
    expect(() => methodName('rebootMachine', 'Servers')).toThrow(/does not name/);
  });
});
