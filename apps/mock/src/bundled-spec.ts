// The spec this package serves: a copy of @vps-org/openapi's bundle that the build puts in dist/, so that the
// published package needs no other package of ours. The path is the same from src/ (tests in the workspace) and from
// dist/ (the published build): both resolve to this package's dist/.
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@vps-org/openapi';
import type { JsonObject } from '@vps-org/openapi';

/** The bundled spec, as YAML (what Prism serves) and JSON (what the front and the fake read). */
export const SPEC_YAML = fileURLToPath(new URL('../dist/openapi.yaml', import.meta.url));
export const SPEC_JSON = fileURLToPath(new URL('../dist/openapi.json', import.meta.url));

let parsed: JsonObject | undefined;
/** The bundled spec, parsed once. */
export const bundledSpec = () => (parsed ??= loadSpec(SPEC_JSON));
