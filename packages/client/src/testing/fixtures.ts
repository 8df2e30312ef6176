// Bodies taken from the spec's own examples, so the tests answer what the API documents.
import { loadSpec } from '@vps-org/openapi';
import type { ServerDetail } from '../generated/models.js';

const examples = loadSpec().components.examples as Record<string, { value: unknown }>;

export function example<T = unknown>(name: string): T {
  const found = examples[name];
  if (!found) throw new Error(`The spec has no example named ${name}`);
  return structuredClone(found.value) as T;
}

export function serverWithStatus(status: ServerDetail['status'], id = 12345): ServerDetail {
  return { ...example<ServerDetail>('ServerDetail'), id, status };
}
