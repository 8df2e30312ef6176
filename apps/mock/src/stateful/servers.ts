// Servers: create -> provisioning -> active after the transition delay; the power actions go through starting,
// stopping and rebooting; list filters by status and location and pages like Django REST Framework.
import { filterValue, iso, json, noContent } from './answers.js';
import { catalogueProblem, osOf, planOf } from './catalogue.js';
import type { Call, Fail } from './answers.js';
import type { ServerState } from './store.js';

// DRF's PAGE_SIZE for the server list (inferred: the reference shows pages, not their size).
export const PAGE_SIZE = 20;

/** Addresses from 198.18.0.0/15 (RFC 2544) and 2001:db8::/32 (RFC 3849), one per server id. */
export const ipv4Of = (id: number) => `198.${18 + ((id >> 16) & 1)}.${(id >> 8) & 255}.${id & 255}`;
export const ipv6Of = (id: number) => `2001:db8::${id.toString(16)}`;

/** Ends a transition whose time has come. Transitions are applied when read, so no timer outlives the fake. */
export function settle(server: ServerState, now: number) {
  const pending = server.pending;
  if (!pending || now < pending.at) return server;
  server.status = pending.status;
  server.updated = pending.at;
  server.pending = null;
  if (server.ip_address === null) {
    server.ip_address = ipv4Of(server.id);
    server.ipv6_address = ipv6Of(server.id);
  }
  return server;
}

export function summary(s: ServerState) {
  const { bandwidth: _bandwidth, ...plan } = planOf(s.plan_id);
  return {
    id: s.id,
    name: s.name,
    hostname: s.hostname,
    status: s.status,
    ip_address: s.ip_address,
    location: s.location,
    plan,
    os: osOf(s.os_id),
    backups_enabled: s.backups_enabled,
    created_at: iso(s.created),
    updated_at: iso(s.updated),
  };
}

export function detail(s: ServerState) {
  return {
    ...summary(s),
    ipv6_address: s.ipv6_address,
    plan: planOf(s.plan_id),
    resource_usage: { cpu_percent: 0, memory_used: 0, disk_used: 0, bandwidth_used: 0 },
  };
}

export function serverOperations({ transitionMs, fail, named, notFound }: {
    transitionMs: number; fail: Fail;
    named: (call: Call, status: number, name: string) => { detail: string }; notFound: (call: Call) => Response;
  }) {
  const find = (call: Call) => {
    const server = call.account.servers.get(Number(call.params.server_id));
    return server && settle(server, call.now);
  };

  /**
   * A power action: allowed from `from`, goes through `via` to `to`. Refused with the spec's example `refusal` from
   * the states it names (`refusedFrom`), and from any other state (provisioning, suspended...) with that state.
   */
  const action = (from: string[], via: string, to: string, refusal: string, refusedFrom: string[], message: string) => (call: Call) => {
    const server = find(call);
    if (!server) return notFound(call);
    if (!from.includes(server.status)) {
      if (refusedFrom.includes(server.status)) return fail(400, named(call, 400, refusal));
      return fail(400, { detail: `Server is ${server.status}.`, error_code: 'invalid_state', field: null });
    }
    // A failed transition (POST /_mock/servers/{id}/status) goes back where it came from.
    server.pending = { status: to, at: call.now + transitionMs, from: server.status };
    server.status = via;
    server.updated = call.now;
    settle(server, call.now);
    return json(200, { status: 'success', message, server: { id: server.id, name: server.name, status: via } });
  };

  const running = ['active', 'starting', 'rebooting'];
  const down = ['stopped', 'stopping'];
  const operations: Record<string, (call: Call) => Response> = {
    listServers(call) {
      const status = filterValue(call.url, 'status');
      const location = filterValue(call.url, 'location');
      const page = Number(call.url.searchParams.get('page') ?? '1');
      const all = [...call.account.servers.values()]
        .map((s) => settle(s, call.now))
        .filter((s) => (status === null || s.status === status) && (location === null || s.location === location));
      const pages = Math.max(1, Math.ceil(all.length / PAGE_SIZE));
      if (!Number.isInteger(page) || page < 1 || page > pages) {
        return fail(404, { detail: 'Invalid page.', error_code: 'not_found', field: null });
      }
      /** DRF's links: absolute, the other query parameters kept, no `page` for the first page. */
      const link = (n: number) => {
        const url = new URL(call.url);
        if (n === 1) url.searchParams.delete('page');
        else url.searchParams.set('page', String(n));
        return url.href;
      };
      return json(200, {
        count: all.length,
        next: page < pages ? link(page + 1) : null,
        previous: page > 1 ? link(page - 1) : null,
        results: all.slice((page - 1) * PAGE_SIZE, page * PAGE_SIZE).map(summary),
      });
    },

    createServer(call) {
      // Prism (or, in-process, the fake's own check) has held the body to createServer's schema.
      const body = call.body as { name: string; hostname?: string | null; location: string; plan_id: number; os_id: number; backups_enabled?: boolean };
      const refused = catalogueProblem(body);
      if (refused) return fail(400, refused);
      const account = call.account;
      const server: ServerState = {
        id: call.nextServerId(),
        name: body.name,
        hostname: body.hostname ?? null,
        status: 'provisioning',
        ip_address: null,
        ipv6_address: null,
        location: body.location,
        plan_id: body.plan_id,
        os_id: body.os_id,
        backups_enabled: body.backups_enabled ?? false,
        created: call.now,
        updated: call.now,
        // Failed provisioning leaves the server suspended: the API has no error status.
        pending: { status: 'active', at: call.now + transitionMs, from: 'suspended' },
      };
      account.servers.set(server.id, server);
      return json(201, { ...summary(server), message: 'Server is being provisioned. This may take 2-5 minutes.' });
    },

    getServer(call) {
      const server = find(call);
      return server ? json(200, detail(server)) : notFound(call);
    },

    updateServer(call) {
      const server = find(call);
      if (!server) return notFound(call);
      const body = call.body as { name: string, hostname: string | null, backups_enabled: boolean };
      Object.assign(server, { name: body.name, hostname: body.hostname, backups_enabled: body.backups_enabled, updated: call.now });
      return json(200, detail(server));
    },

    patchServer(call) {
      const server = find(call);
      if (!server) return notFound(call);
      const body = call.body as { name?: string, hostname?: string | null, backups_enabled?: boolean };
      for (const key of ['name', 'hostname', 'backups_enabled'] as const) {
        if (body[key] !== undefined) Object.assign(server, { [key]: body[key] });
      }
      server.updated = call.now;
      return json(200, detail(server));
    },

    deleteServer(call) {
      const server = find(call);
      if (!server) return notFound(call);
      call.account.servers.delete(server.id);
      return noContent();
    },

    startServer: action(['stopped'], 'starting', 'active', 'ErrorServerAlreadyRunning', running, 'Server is starting'),
    stopServer: action(['active'], 'stopping', 'stopped', 'ErrorServerNotRunning', down, 'Server is stopping'),
    rebootServer: action(['active'], 'rebooting', 'active', 'ErrorServerNotRunning', down, 'Server is rebooting'),
  };
  return operations;
}
