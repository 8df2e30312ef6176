// The one-time tokens that confirm a destructive call when the client cannot ask the person itself: the first call
// answers with what it would do and a token; only a second call with the same arguments and that token runs.
import { randomBytes } from 'node:crypto';
import type { JsonObject } from '@vps-org/openapi';

/** The input property that carries the token. */
export const CONFIRMATION_TOKEN = 'confirmation_token';
const TTL_MS = 10 * 60_000;

/** The arguments as a stable string: same call, same key, whatever the order of the properties. */
export function callKey(tool: string, args: JsonObject): string {
  const stable = (value: unknown): unknown =>
    value && typeof value === 'object' && !Array.isArray(value)
      ? Object.fromEntries(Object.keys(value).sort().map((k) => [k, stable((value as JsonObject)[k])]))
      : Array.isArray(value)
        ? value.map(stable)
        : value;
  const { [CONFIRMATION_TOKEN]: _token, ...rest } = args;
  return JSON.stringify([tool, stable(rest)]);
}

export class Confirmations {
  private readonly pending = new Map<string, { key: string; expires: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  issue(key: string): string {
    const token = randomBytes(12).toString('base64url');
    this.pending.set(token, { key, expires: this.now() + TTL_MS });
    return token;
  }

  /** True once for a token issued for this very call and not expired; the token is spent either way. */
  take(token: string, key: string): boolean {
    const entry = this.pending.get(token);
    this.pending.delete(token);
    for (const [t, e] of this.pending) if (e.expires < this.now()) this.pending.delete(t);
    return entry !== undefined && entry.key === key && entry.expires >= this.now();
  }
}
