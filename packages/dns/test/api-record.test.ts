import { describe, expect, it } from 'vitest';
import { apiInput, apiName, fromApi } from '../src/api-record.js';

const apiRecord = (name: string) => ({
  uuid: 'rec-1',
  record_type: 'A' as const,
  name,
  value: '192.0.2.1',
  ttl: 3600,
  priority: null,
  created_at: '2024-01-15T10:30:00Z',
});

describe('fromApi', () => {
  it.each([
    ['@', '@'],
    ['www', 'www'],
    ['www.example.com', 'www'],
    ['WWW.Example.com.', 'www'],
    ['example.com', '@'],
    ['example.com.', '@'],
  ])('reads the API name %j as %j relative to the zone', (name, relative) => {
    expect(fromApi(apiRecord(name), 'example.com')?.name).toBe(relative);
  });

  it('keeps the uuid, and a null priority as null', () => {
    expect(fromApi(apiRecord('@'), 'example.com')).toEqual({ uuid: 'rec-1', name: '@', type: 'A', value: '192.0.2.1', ttl: 3600, priority: null });
  });
});

describe('names sent to the API', () => {
  it('sends a relative name that ends in the zone name fully qualified, and reads it back as the same relative name', () => {
    // BIND reads `www.example.com` (no dot) in example.com as www.example.com.example.com.
    expect(apiName('www.example.com', 'example.com')).toBe('www.example.com.example.com.');
    expect(fromApi(apiRecord('www.example.com.example.com.'), 'example.com')?.name).toBe('www.example.com');
    expect(apiName('www', 'example.com')).toBe('www');
    expect(apiName('@', 'example.com')).toBe('@');
  });

  it('sends a priority only for MX and SRV, 0 included', () => {
    expect(apiInput({ name: '@', type: 'MX', value: '.', ttl: 60, priority: 0 }, 'example.com')).toEqual({ record_type: 'MX', name: '@', value: '.', ttl: 60, priority: 0 });
    expect(apiInput({ name: '@', type: 'A', value: '192.0.2.1', ttl: 60, priority: null }, 'example.com')).toEqual({ record_type: 'A', name: '@', value: '192.0.2.1', ttl: 60 });
  });
});
