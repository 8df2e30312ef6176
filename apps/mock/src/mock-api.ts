// The OpenAPI document of the mock's own /_mock/ routes (not the API's: the VPS.org spec does not list them). The
// build copies it beside the bundle, so that the same relative path works from src/ and from dist/.
import { readFileSync } from 'node:fs';
import type { JsonObject } from '@vps-org/openapi';

let doc: JsonObject | undefined;
/** The /_mock/ routes' OpenAPI document, parsed once. */
export const mockApi = () => (doc ??= JSON.parse(readFileSync(new URL('./mock-api.json', import.meta.url), 'utf8')));
