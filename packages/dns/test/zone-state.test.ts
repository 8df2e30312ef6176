import { describe, expect, it } from 'vitest';
import { fromApi } from '../src/zone-state.js';

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
