// Content-Type and Accept checked before Prism sees them: Prism parses both with `new MIMEType()`, which throws on a
// malformed value and takes the whole process down (stoplightio/prism#2605), so a header it cannot parse never
// reaches it.
import { MIMEType } from 'node:util';

/** The essence (`type/subtype`) of a media type, or undefined when the value is malformed. */
export function essence(value: string) {
  try {
    return new MIMEType(value).essence;
  } catch {
    return undefined;
  }
}

/** JSON as DRF's JSONParser takes it: `application/json`, or a `+json` type. */
const isJson = (type: string) => type === 'application/json' || /^application\/[!#$&^_.+\w-]+\+json$/.test(type);

/**
 * What is wrong with the Content-Type of a body the operation reads, as the API's 415 body, or null when it is JSON.
 * A missing Content-Type is left to the validation behind the front, as before.
 */
export function unsupportedBody(header: string | undefined): { detail: string; error_code: string; field: null } | null {
  if (header === undefined) return null;
  const type = essence(header);
  if (type && isJson(type)) return null;
  return { detail: `Unsupported media type "${header}" in request.`, error_code: 'unsupported_media_type', field: null };
}

/** Whether an Accept header has a part `new MIMEType()` would throw on. */
export function acceptIsMalformed(header: string) {
  return header.split(',').some((part) => part.trim() !== '' && essence(part.trim()) === undefined);
}
