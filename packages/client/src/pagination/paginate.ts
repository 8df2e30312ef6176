import { brand, VpsError } from '../core/errors/vps-error.js';
import type { Redact } from '../core/redact.js';
import type { Transport } from '../core/transport.js';

/** A page the way Django REST Framework paginates: `results`, and a `next` URL or null. */
export interface Page<Item> {
  results: Item[];
  next?: string | null;
}

/** `listAll` could not go on: a page without a `results` array, a `next` that leads back, or too many pages. */
export class VpsPaginationError extends VpsError {
  static {
    brand(this, 'VpsPaginationError');
  }
  /** The query of the page that was being asked for. */
  readonly query: Record<string, string>;

  constructor(message: string, query: Record<string, string>) {
    super(message);
    this.query = query;
  }
}

/** More pages than any account has servers: a server that keeps inventing `next` links stops here. */
export const MAX_PAGES = 10_000;

/**
 * Every item of every page: fetches the first page with `query`, then follows `next` until it is null or absent.
 * The next page is asked for with the parameters of `next` that the operation takes (`names`), on the client's
 * own base URL, so the token never goes to the host `next` names; a query already sent ends the loop.
 */
export async function* paginate<Item, Q extends object>(
  fetchPage: (query: Q | undefined) => Promise<Page<Item>>,
  query: Q | undefined,
  names: readonly string[],
  maxPages = MAX_PAGES,
  redact: Redact = (value) => value,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let pageQuery = query;
  for (let pages = 1; ; pages++) {
    const page = await fetchPage(pageQuery);
    const sent = (pageQuery ?? {}) as Record<string, string>;
    if (!Array.isArray(page?.results)) throw new VpsPaginationError('A page of the list has no `results` array', redact(sent));
    yield* page.results;
    if (page.next === null || page.next === undefined) return;
    seen.add(canonical(sent));
    const next: Record<string, string> = {};
    for (const [name, value] of new URL(page.next, 'http://next.invalid').searchParams) {
      if (names.includes(name)) next[name] = value;
    }
    // `next` is the server's: an echo of the token in it is redacted before it goes into an error.
    if (seen.has(canonical(next))) {
      throw new VpsPaginationError(`Pagination loop: the API linked back to a page already read (${redact(page.next)})`, redact(next));
    }
    if (pages >= maxPages) throw new VpsPaginationError(`Pagination stopped after ${maxPages} pages`, redact(next));
    pageQuery = next as Q;
  }
}

/** The query as it goes on the wire: `{ page: 2 }` and `{ page: '2' }` are the same request. */
function canonical(query: object): string {
  const entries = Object.entries(query).filter(([, value]) => value !== undefined && value !== null);
  return JSON.stringify(entries.map(([key, value]) => [key, String(value)]).sort());
}

/** The token redactor of the client a resource belongs to (a resource of your own, without one, redacts nothing). */
export function redactorOf(resource: object): Redact | undefined {
  return (resource as { transport?: Partial<Transport> }).transport?.redact;
}
