// The short text line beside a structured result, for clients and people that read text.
import type { JsonObject } from '@vps-org/openapi';

const IDENTITY = ['name', 'domain', 'hostname', 'record_type', 'value', 'status', 'message'];

/** `3 results`, or the fields that say which object this is: `id 12345, name web-1, status active`. */
export function summarise(title: string, result: unknown): string {
  if (Array.isArray(result)) return `${title}: ${result.length} result${result.length === 1 ? '' : 's'}.`;
  if (!result || typeof result !== 'object') return `${title}: done.`;
  const object = result as JsonObject;
  if (typeof object.count === 'number' && Array.isArray(object.results)) {
    return `${title}: ${object.results.length} of ${object.count} results.`;
  }
  const id = object.id ?? object.uuid;
  const parts = [...(id === undefined ? [] : [`${object.id === undefined ? 'uuid' : 'id'} ${String(id)}`])];
  for (const key of IDENTITY) if (typeof object[key] === 'string') parts.push(`${key} ${object[key]}`);
  return `${title}: ${parts.length ? parts.join(', ') : 'done'}.`;
}
