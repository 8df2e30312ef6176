// Checks the bundle against the official OAS 3.1 JSON schema with a validator independent of Redocly.
import { Validator } from '@seriousme/openapi-schema-validator';

const validator = new Validator();
const url = new URL('../dist/openapi.json', import.meta.url);
const result = await validator.validate(url.pathname);
if (!result.valid) {
  console.error('dist/openapi.json does not validate against the OAS 3.1 schema:');
  console.error(JSON.stringify(result.errors, null, 2));
  process.exit(1);
}
console.log(`dist/openapi.json is valid OpenAPI ${validator.version}`);
