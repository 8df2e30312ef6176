// Arguments are checked against the tool's own input schema before anything is sent, and refused with the field
// named: `body.priority is required`.
import type { Ajv2020, ErrorObject, ValidateFunction } from 'ajv/dist/2020.js';
import type { JsonObject } from '@vps-org/openapi';

type AddFormats = (ajv: Ajv2020) => Ajv2020;

/**
 * An Ajv for JSON Schema 2020-12 with the formats the spec uses (uuid, hostname, ipv4, date-time...). Loaded on the
 * first call, not at start: Ajv's 2020 vocabularies are a fifth of what `vps-mcp` loads before it can list its tools.
 */
export async function createAjv(): Promise<Ajv2020> {
  const [{ Ajv2020: Ajv }, addFormatsModule] = await Promise.all([import('ajv/dist/2020.js'), import('ajv-formats')]);
  const ajv = new Ajv({ allErrors: true, strict: true, strictTypes: false, discriminator: true });
  // ajv-formats is CommonJS: under NodeNext its default export arrives as the module object.
  const formats = addFormatsModule.default as unknown as AddFormats & { default?: AddFormats };
  (formats.default ?? formats)(ajv);
  return ajv;
}

/** `/body/priority` -> `body.priority`; the root is `arguments`. */
function fieldName(pointer: string, child?: string): string {
  const parts = pointer.split('/').slice(1).map((p) => p.replace(/~1/g, '/').replace(/~0/g, '~'));
  if (child !== undefined) parts.push(child);
  return parts.length ? parts.join('.') : 'arguments';
}

/** The property every branch of a `oneOf` requires with a `const` of its own (`record_type`), if there is one. */
function tagOf(branches: JsonObject[]): { name: string; values: unknown[] } | undefined {
  const first = branches[0];
  for (const name of Object.keys((first?.properties ?? {}) as JsonObject)) {
    const values = branches.map((b) => (b.required as string[] | undefined)?.includes(name) ? b.properties?.[name]?.const : undefined);
    if (values.every((v) => v !== undefined)) return { name, values };
  }
  return undefined;
}

/**
 * A copy of a tool schema in which each tagged `oneOf` also carries `discriminator`, so that Ajv checks a value
 * against the one branch its tag picks and reports that branch's errors only (an MX record's missing priority, not
 * seven branches' worth of mismatches). The published schema stays plain JSON Schema.
 */
function withDiscriminators(root: JsonObject): { schema: JsonObject; tags: Map<string, unknown[]> } {
  const tags = new Map<string, unknown[]>();
  const defs = (root.$defs ?? {}) as JsonObject;
  const deref = (node: JsonObject): JsonObject =>
    typeof node.$ref === 'string' && node.$ref.startsWith('#/$defs/') ? (defs[node.$ref.slice(8)] as JsonObject) : node;
  const visit = (node: unknown): unknown => {
    if (Array.isArray(node)) return node.map(visit);
    if (!node || typeof node !== 'object') return node;
    const out = Object.fromEntries(Object.entries(node as JsonObject).map(([k, v]) => [k, visit(v)])) as JsonObject;
    if (Array.isArray(out.oneOf)) {
      const tag = tagOf((out.oneOf as JsonObject[]).map(deref));
      if (tag) {
        out.discriminator = { propertyName: tag.name };
        tags.set(tag.name, tag.values);
      }
    }
    return out;
  };
  return { schema: visit(root) as JsonObject, tags };
}

function sentence(e: ErrorObject, tags: Map<string, unknown[]>): string {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return `${fieldName(e.instancePath, String(params.missingProperty))} is required`;
  if (e.keyword === 'additionalProperties') {
    return `${fieldName(e.instancePath, String(params.additionalProperty))} is not a field this tool takes`;
  }
  if (e.keyword === 'discriminator') {
    const tag = String(params.tag);
    return `${fieldName(e.instancePath, tag)} must be one of ${(tags.get(tag) ?? []).map((v) => JSON.stringify(v)).join(', ')}`;
  }
  if (e.keyword === 'enum') return `${fieldName(e.instancePath)} must be one of ${(params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(', ')}`;
  return `${fieldName(e.instancePath)} ${e.message ?? 'is invalid'}`;
}

export class ArgumentsValidator {
  private readonly compiled = new Map<string, { validate: ValidateFunction; tags: Map<string, unknown[]> }>();
  private ajv: Promise<Ajv2020> | undefined;

  /** The problems with `args`, one sentence each naming the field; empty when they are valid. */
  async check(tool: string, schema: JsonObject, args: unknown): Promise<string[]> {
    let entry = this.compiled.get(tool);
    if (!entry) {
      const { schema: tagged, tags } = withDiscriminators(schema);
      this.ajv ??= createAjv();
      entry = { validate: (await this.ajv).compile(tagged), tags };
      this.compiled.set(tool, entry);
    }
    if (entry.validate(args)) return [];
    const { tags } = entry;
    return [...new Set((entry.validate.errors ?? []).map((e) => sentence(e, tags)))];
  }
}
