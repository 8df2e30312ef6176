// One command per operation of the model: `vps <group> <command> [path args] [query flags] [body flags]`, calling
// the client's method of the same resource. Names, parameters and types all come from the operation model.
import { listOperations, type BodyFieldModel, type OperationModel, type ParameterModel } from '@vps-org/openapi';
import * as client from '@vps-org/client';
import { waitForServer as waitForServerStatus, type ServerStatus } from '@vps-org/client';
import { Argument, Command, Option } from 'commander';
import { CommandContext, type Session } from '../context.js';
import { CliError, UsageError } from '../errors.js';
import { progress } from '../output/progress.js';
import { SERVERS_RESOURCE, WAIT_TARGETS } from './server-waits.js';
import { jsonObject, number, parserFor } from './values.js';
import { ZONES_RESOURCE, zoneUuid } from './zone-ref.js';

type ClientMethod = (...args: unknown[]) => unknown;
type PageIterator = (vps: unknown, ...args: unknown[]) => AsyncIterable<unknown>;

const isZoneParam = (op: OperationModel, p: ParameterModel): boolean =>
  (p.in === 'path' && op.resource === ZONES_RESOURCE && p === op.pathParams[0]) || (p.in === 'query' && p.name === 'zone');

function paramOption(p: ParameterModel): Option {
  const option = new Option(`--${p.flagName} <${p.type === 'integer' ? 'n' : 'value'}>`, p.description ?? p.name);
  if (p.enum) option.choices(p.enum.map(String));
  const parse = parserFor([p.type]);
  if (parse) option.argParser(parse);
  return option;
}

function fieldOption(f: BodyFieldModel): Option {
  const description = `${f.description ?? f.name}${f.required ? ' (required)' : ''}`;
  if (f.types.length === 1 && f.types[0] === 'boolean') return new Option(`--${f.flagName}`, description);
  const option = new Option(`--${f.flagName} <${f.types.includes('integer') ? 'n' : 'value'}>`, description);
  if (f.enum) option.choices(f.enum.map(String));
  const parse = parserFor(f.types);
  if (parse) option.argParser(parse);
  return option;
}

export function registerOperations(program: Command, session: Session): void {
  for (const op of listOperations()) {
    const group =
      program.commands.find((c) => c.name() === op.cli.group) ??
      program.command(op.cli.group).description(op.tagDescription ?? op.tag);
    const cmd = group.command(op.cli.command).description(op.summary ?? `${op.method} ${op.path}`);
    for (const p of op.pathParams) {
      const arg = new Argument(`<${p.flagName}>`, isZoneParam(op, p) ? 'zone domain or uuid' : (p.description ?? p.name));
      const parse = parserFor([p.type]);
      if (parse) arg.argParser(parse);
      cmd.addArgument(arg);
    }
    for (const p of op.queryParams) cmd.addOption(paramOption(p));
    const fields = op.requestBody?.fields ?? [];
    for (const f of fields) {
      cmd.addOption(fieldOption(f));
      if (f.types.length === 1 && f.types[0] === 'boolean') cmd.addOption(new Option(`--no-${f.flagName}`).hideHelp());
    }
    if (op.requestBody) cmd.option('--data <json>', 'the whole request body as JSON (flags override its fields)', jsonObject);
    if (op.paginated) cmd.option('--all', 'every page, as one list');
    const waitTarget = op.resource === SERVERS_RESOURCE ? WAIT_TARGETS[op.cli.command] : undefined;
    if (waitTarget) {
      cmd.option('--wait', `wait until the server is ${waitTarget}`);
      cmd.option('--wait-timeout <seconds>', 'give up waiting after this long', number, 600);
      cmd.option('--wait-interval <seconds>', 'time between two checks', number, 5);
    }
    cmd.action(async (...args: unknown[]) => {
      const command = args[args.length - 1] as Command;
      const ctx = new CommandContext(session, command);
      const options = command.opts<Record<string, unknown>>();
      // A usage error (a missing field) shows before anything needs the token or the network.
      const bodyArg = op.requestBody ? body(op, fields, options, command) : undefined;
      const vps = ctx.client();
      const pathArgs: unknown[] = [];
      for (const [i, p] of op.pathParams.entries()) {
        const value = args[i];
        pathArgs.push(isZoneParam(op, p) ? await zoneUuid(vps, String(value)) : value);
      }
      const callArgs = [...pathArgs];
      if (bodyArg) callArgs.push(bodyArg);
      else if (op.queryParams.length) callArgs.push(await query(op, options, command, (ref) => zoneUuid(vps, ref)));

      let result: unknown;
      if (op.pageIterator && options.all) {
        // The client's page iterator is a function of its own (`listAllServers(vps, query)`), named by the model.
        const iterate = (client as unknown as Record<string, PageIterator | undefined>)[op.pageIterator];
        if (typeof iterate !== 'function') throw new CliError(`the client has no ${op.pageIterator}`);
        const all: unknown[] = [];
        for await (const item of iterate(vps, ...callArgs)) all.push(item);
        result = all;
      } else {
        const resource = (vps as unknown as Record<string, Record<string, ClientMethod> | undefined>)[op.resource];
        const call = resource?.[op.clientMethod];
        if (typeof call !== 'function') throw new CliError(`the client has no vps.${op.resource}.${op.clientMethod}`);
        result = await call.apply(resource, callArgs);
      }

      if (waitTarget && options.wait) {
        const id = (pathArgs[0] ?? (result as { id?: number }).id) as number;
        result = await waitForServer(ctx, id, waitTarget, options);
      }
      if (op.noContent) {
        if (!ctx.json) ctx.notice(`${op.cli.group} ${op.cli.command} ${pathArgs.join(' ')}: done`);
        return;
      }
      ctx.print(result);
    });
  }
}

function body(op: OperationModel, fields: BodyFieldModel[], options: Record<string, unknown>, command: Command): Record<string, unknown> {
  const result: Record<string, unknown> = { ...((options.data as Record<string, unknown> | undefined) ?? {}) };
  for (const f of fields) {
    const key = command.options.find((o) => o.long === `--${f.flagName}`)?.attributeName() ?? f.argName;
    if (options[key] !== undefined) result[f.name] = options[key];
  }
  const missing = fields.filter((f) => f.required && result[f.name] === undefined);
  if (missing.length) {
    throw new UsageError(`${op.cli.group} ${op.cli.command} needs ${missing.map((f) => `--${f.flagName}`).join(', ')} (or those fields in --data)`);
  }
  return result;
}

async function query(
  op: OperationModel,
  options: Record<string, unknown>,
  command: Command,
  zone: (ref: string) => Promise<string>,
): Promise<Record<string, unknown>> {
  const result: Record<string, unknown> = {};
  for (const p of op.queryParams) {
    const key = command.options.find((o) => o.long === `--${p.flagName}`)?.attributeName() ?? p.argName;
    const value = options[key];
    if (value === undefined) continue;
    result[p.name] = p.name === 'zone' ? await zone(String(value)) : value;
  }
  return result;
}

async function waitForServer(ctx: CommandContext, id: number, status: ServerStatus, options: Record<string, unknown>): Promise<unknown> {
  const shown = progress(ctx.io.stderr, !ctx.json);
  const started = Date.now();
  const tick = (): void => shown.update(`waiting for server ${id} to be ${status}... ${Math.round((Date.now() - started) / 1000)}s`);
  tick();
  const timer = setInterval(tick, 1000);
  try {
    return await waitForServerStatus(ctx.client(), id, status, {
      timeoutMs: Number(options.waitTimeout) * 1000,
      intervalMs: Number(options.waitInterval) * 1000,
    });
  } finally {
    clearInterval(timer);
    shown.done();
  }
}

