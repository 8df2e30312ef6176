// The judge of the tools' schemas: Ajv in JSON Schema 2020-12 mode, strict, with formats; not the server's own.
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';

type AddFormats = (ajv: Ajv2020) => Ajv2020;

export function strictAjv(): Ajv2020 {
  const ajv = new Ajv2020({ allErrors: true, strict: true, strictTypes: false });
  const formats = addFormatsModule as unknown as AddFormats & { default?: AddFormats };
  (formats.default ?? formats)(ajv);
  return ajv;
}
