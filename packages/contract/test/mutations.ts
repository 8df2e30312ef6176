import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

/** The spec as bundled by `pnpm build`: the base every test changes one thing of. */
export const bundlePath = createRequire(import.meta.url).resolve('@vps-org/openapi/openapi.json');
export const base = (): Spec => JSON.parse(readFileSync(bundlePath, 'utf8')) as Spec;

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a mutation reaches into the bundle's JSON as it is
export type Spec = any;

/** A copy of the spec with one change made. */
export function changed(edit: (spec: Spec) => void): Spec {
  const spec = base();
  edit(spec);
  return spec;
}
