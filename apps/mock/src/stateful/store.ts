// The fake's memory: one account per bearer token, so that parallel CI jobs with different tokens never see each
// other's servers, zones or records.

export interface ServerState {
  id: number;
  name: string;
  hostname: string | null;
  status: string;
  ip_address: string | null;
  ipv6_address: string | null;
  location: string;
  plan_id: number;
  os_id: number;
  backups_enabled: boolean;
  created: number;
  updated: number;
  /** Where a transition (provisioning, starting...) ends, and when; `from`, where it ends if it fails. */
  pending: { status: string, at: number, from: string } | null;
}

export interface RecordState {
  uuid: string;
  zone: string;
  record_type: string;
  name: string;
  value: string;
  ttl: number;
  priority: number | null;
  created: number;
}

export interface ZoneState {
  uuid: string;
  domain: string;
  created: number;
  records: Map<string, RecordState>;
}

export class Account {
  readonly servers = new Map<number, ServerState>();
  readonly zones = new Map<string, ZoneState>();
  /** Zone uuid by normalised domain: zones are unique by domain. */
  readonly domains = new Map<string, string>();
  readonly records = new Map<string, RecordState>();
}

export class Store {
  readonly accounts = new Map<string, Account>();
  // Server ids are the API's database keys: never given twice in a fake's life, across tokens and resets.
  lastServerId = 0;

  nextServerId() {
    return ++this.lastServerId;
  }

  /** The account of a token, created on first use. */
  account(token: string) {
    let account = this.accounts.get(token);
    if (!account) {
      account = new Account();
      this.accounts.set(token, account);
    }
    return account;
  }

  /** Forgets one token's account, or every account when no token is given (server ids go on). */
  reset(token?: string) {
    if (token === undefined) this.accounts.clear();
    else this.accounts.delete(token);
  }
}
