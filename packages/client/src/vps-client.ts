import { createHttp, type VpsHttp } from './core/raw-http.js';
import type { VpsClientOptions } from './core/options.js';
import { REDACTED } from './core/redact.js';
import { createTransport, type Transport } from './core/transport.js';
import { DnsRecordsResource } from './resources/dns-records.generated.js';
import { DnsZonesResource } from './resources/dns-zones.generated.js';
import { ServersResource } from './resources/servers.generated.js';

/**
 * A client of the VPS.org API. Holds no global state: make as many as you need (one per token, per test...).
 * The token lives in the transport's closure and shows in no `util.inspect`, `JSON.stringify` or error message.
 */
export class VpsClient {
  readonly baseUrl: string;
  /** The operations of the Servers tag (wait for a status with `waitForServer`, list every page with `listAllServers`). */
  readonly servers: ServersResource;
  /** The operations of the DNS Zones tag. */
  readonly dnsZones: DnsZonesResource;
  /** The operations of the DNS Records tag. */
  readonly dnsRecords: DnsRecordsResource;
  readonly #transport: Transport;
  #http: VpsHttp | undefined;

  constructor(options: VpsClientOptions) {
    this.#transport = createTransport(options);
    this.baseUrl = this.#transport.baseUrl;
    this.servers = new ServersResource(this.#transport);
    this.dnsZones = new DnsZonesResource(this.#transport);
    this.dnsRecords = new DnsRecordsResource(this.#transport);
  }

  /** Raw access by path, typed by the spec (see `VpsHttp`), with the same auth, retries, timeouts and errors. */
  get http(): VpsHttp {
    return (this.#http ??= createHttp(this.#transport));
  }

  /** What `util.inspect` (and so `console.log`) shows: never the token. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `VpsClient { baseUrl: '${this.baseUrl}', token: '${REDACTED}' }`;
  }

  toJSON(): { baseUrl: string } {
    return { baseUrl: this.baseUrl };
  }
}

/** Creates a client: `const vps = createVpsClient({ token: process.env.VPS_API_TOKEN! })`. */
export function createVpsClient(options: VpsClientOptions): VpsClient {
  return new VpsClient(options);
}
