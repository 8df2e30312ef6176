import { readFileSync } from 'node:fs';
// Turning command-line text into the values an operation takes, with commander's typed usage errors.
import { InvalidArgumentError } from 'commander';

export function integer(text: string): number {
  if (!/^-?\d+$/.test(text)) throw new InvalidArgumentError(`"${text}" is not a whole number.`);
  return Number(text);
}

export function number(text: string): number {
  const n = Number(text);
  if (text.trim() === '' || Number.isNaN(n)) throw new InvalidArgumentError(`"${text}" is not a number.`);
  return n;
}

/** The parser for a parameter or field of these JSON types, or undefined to keep the text. */
export function parserFor(types: Array<string | undefined>): ((text: string) => unknown) | undefined {
  if (types.includes('integer')) return types.includes('null') ? nullable(integer) : integer;
  if (types.includes('number')) return types.includes('null') ? nullable(number) : number;
  return undefined;
}

function nullable(parse: (text: string) => number): (text: string) => number | null {
  return (text) => (text === 'null' ? null : parse(text));
}

/** `--data '{"name":"x"}'`, or `--data @body.json` to read it from a file. */
export function jsonObject(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text.startsWith('@') ? readFileSync(text.slice(1), 'utf8') : text);
  } catch (error) {
    throw new InvalidArgumentError(`not valid JSON: ${(error as Error).message}`);
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw new InvalidArgumentError('must be a JSON object');
  return value as Record<string, unknown>;
}
