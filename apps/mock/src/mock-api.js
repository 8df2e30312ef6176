// The OpenAPI document of the mock's own /_mock/ routes (not the API's: the VPS.org spec does not list them). The
// build copies it beside the bundle, so that the same relative path works from src/ and from dist/.
import { readFileSync } from 'node:fs';

/** @type {import('@vps-org/openapi').JsonObject | undefined} */
let doc;
/** The /_mock/ routes' OpenAPI document, parsed once. */
export const mockApi = () => (doc ??= JSON.parse(readFileSync(new URL('./mock-api.json', import.meta.url), 'utf8')));
