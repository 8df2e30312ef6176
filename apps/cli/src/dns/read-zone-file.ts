// A zone file from disk or stdin, parsed; a file that cannot be read is one CLI error naming it.
import { readFile } from 'node:fs/promises';
import { parseZoneFile, type ParsedZoneFile } from '@vps-org/dns';
import { CliError } from '../errors.js';

export async function readText(path: string, stdin: NodeJS.ReadableStream): Promise<string> {
  try {
    return path === '-' ? await readAll(stdin) : await readFile(path, 'utf8');
  } catch (error) {
    throw new CliError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
}

export async function readZoneFile(
  path: string,
  zone: string,
  stdin: NodeJS.ReadableStream,
  options: { skipUnsupported?: boolean | undefined } = {},
): Promise<ParsedZoneFile> {
  const text = await readText(path, stdin);
  return parseZoneFile(text, { zone, file: path === '-' ? '<stdin>' : path, skipUnsupported: Boolean(options.skipUnsupported) });
}

async function readAll(stream: NodeJS.ReadableStream): Promise<string> {
  let text = '';
  for await (const chunk of stream) text += String(chunk);
  return text;
}
