// The fake's memory: one account per bearer token, so that parallel CI jobs with different tokens never see each
// other's servers, zones or records.

/**
 * @typedef {object} ServerState
 * @property {number} id
 * @property {string} name
 * @property {string | null} hostname
 * @property {string} status
 * @property {string | null} ip_address
 * @property {string | null} ipv6_address
 * @property {string} location
 * @property {number} plan_id
 * @property {number} os_id
 * @property {boolean} backups_enabled
 * @property {number} created
 * @property {number} updated
 * @property {{ status: string, at: number, from: string } | null} pending Where a transition (provisioning,
 *   starting...) ends, and when; `from`, where it ends if it fails.
 */

/**
 * @typedef {object} RecordState
 * @property {string} uuid
 * @property {string} zone
 * @property {string} record_type
 * @property {string} name
 * @property {string} value
 * @property {number} ttl
 * @property {number | null} priority
 * @property {number} created
 */

/**
 * @typedef {object} ZoneState
 * @property {string} uuid
 * @property {string} domain
 * @property {number} created
 * @property {Map<string, RecordState>} records
 */

export class Account {
  constructor() {
    /** @type {Map<number, ServerState>} */
    this.servers = new Map();
    /** @type {Map<string, ZoneState>} */
    this.zones = new Map();
    /** Zone uuid by normalised domain: zones are unique by domain. @type {Map<string, string>} */
    this.domains = new Map();
    /** @type {Map<string, RecordState>} */
    this.records = new Map();
  }
}

export class Store {
  constructor() {
    /** @type {Map<string, Account>} */
    this.accounts = new Map();
    // Server ids are the API's database keys: never given twice in a fake's life, across tokens and resets.
    this.lastServerId = 0;
  }

  nextServerId() {
    return ++this.lastServerId;
  }

  /** The account of a token, created on first use. @param {string} token */
  account(token) {
    let account = this.accounts.get(token);
    if (!account) {
      account = new Account();
      this.accounts.set(token, account);
    }
    return account;
  }

  /** Forgets one token's account, or every account when no token is given (server ids go on). @param {string} [token] */
  reset(token) {
    if (token === undefined) this.accounts.clear();
    else this.accounts.delete(token);
  }
}
