/** One page of a paginated list (ServerList's shape). */
export interface Page<Item> {
  results: Item[];
  next?: string | null;
}

/**
 * Yields every item of every page, fetching a page only when the loop reaches it, and stops when `next` is null or
 * absent. The next page is asked for with the query of the `next` URL, sent to our own base URL: the token is never
 * sent to whatever host the API writes into `next` (a proxy's internal name, say).
 */
export async function* paginate<Item, Query extends object>(
  fetchPage: (query: Query | undefined) => Promise<Page<Item>>,
  query?: Query,
): AsyncGenerator<Item, void, undefined> {
  const seen = new Set<string>();
  let pageQuery = query;
  for (;;) {
    const page = await fetchPage(pageQuery);
    yield* page.results;
    if (page.next === null || page.next === undefined) return;
    // A server that links a page to itself (or to an earlier one) would otherwise loop forever.
    if (seen.has(page.next)) throw new Error(`Pagination loop: the API linked to ${page.next} twice`);
    seen.add(page.next);
    // The `next` URL carries the same filters plus the page number, as strings; openapi-fetch sends them as is.
    pageQuery = Object.fromEntries(new URL(page.next, 'http://next.invalid').searchParams) as Query;
  }
}
