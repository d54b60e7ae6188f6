import { malformedGetResponse } from '../internal/malformed-get-response.js';
import type { Transport, TransportResponse, QueryParams } from '../transport/create-transport.js';

/** One page of a list. */
export interface Page<T> {
  /** The page's items (after `mapItem`, cut to `maxResults`). */
  readonly items: readonly T[];
  /** The absolute URL of the next page, or `undefined` on the last one. */
  readonly nextLink: string | undefined;
  /** The HTTP response of the page. */
  readonly response: TransportResponse;
}

/** An async iterable over the items of a paged list, with a per-page escape hatch. */
export interface PagedAsyncIterable<T> extends AsyncIterable<T> {
  /** Iterates page by page instead of item by item. */
  byPage(): AsyncIterable<Page<T>>;
}

/** Options of {@link paginate}. */
export interface PaginateOptions<T> {
  /**
   * Stop after this many items (no further page is requested).
   * @default Infinity
   */
  readonly maxResults?: number | undefined;
  /** Aborts the current page request and ends the iteration with `RequestAbortedError`. */
  readonly signal?: AbortSignal | undefined;
  /** Query parameters of the first request (filters such as `jobType`, `tag`, `listViewType`). */
  readonly query?: QueryParams | undefined;
  /**
   * Turns a raw item (a parsed JSON value) into `T`. Without it, items are
   * passed through unchecked.
   */
  readonly mapItem?: (item: unknown) => T;
}

/**
 * Lists a collection that pages with `{ value: [...], nextLink }`: GETs
 * `first` (a path under the transport's base URL, or an absolute URL), then
 * each `nextLink` verbatim until there is none or `maxResults` items were
 * yielded. Nothing is requested until the iteration starts.
 *
 * A `nextLink` on another origin is refused with `UntrustedUrlError` when it
 * would be followed (the bearer token would leak; the page that carried it is
 * still yielded); a page without a `value` array, or a `nextLink` that repeats
 * an earlier one, ends the iteration with `MalformedResponseError`.
 *
 * @example
 * for await (const job of paginate(transport, jobsPath(ws), { maxResults: 50 })) console.log(job);
 * for await (const page of paginate(transport, jobsPath(ws)).byPage()) console.log(page.items.length);
 */
export function paginate<T = unknown>(
  transport: Transport,
  first: string,
  options: PaginateOptions<T> = {},
): PagedAsyncIterable<T> {
  const maxResults = options.maxResults ?? Number.POSITIVE_INFINITY;
  if (!(maxResults >= 0) || (Number.isFinite(maxResults) && !Number.isInteger(maxResults))) {
    throw new RangeError(
      `paginate: expected maxResults to be an integer >= 0, received ${maxResults}`,
    );
  }
  if (typeof first !== 'string' || first === '') {
    throw new TypeError(
      `paginate: expected the first URL or path to be a non-empty string, received ${JSON.stringify(first)}`,
    );
  }
  const mapItem = options.mapItem ?? ((item: unknown) => item as T);

  async function* pages(): AsyncGenerator<Page<T>> {
    let yielded = 0;
    if (yielded >= maxResults) return;
    const seen = new Set<string>();
    let response = await transport.request({
      method: 'GET',
      ...(first.startsWith('/') ? { path: first } : { url: first }),
      ...(options.query === undefined ? {} : { query: options.query }),
      ...(options.signal === undefined ? {} : { signal: options.signal }),
    });
    seen.add(response.url);
    for (;;) {
      const body = response.body as { value?: unknown; nextLink?: unknown } | undefined;
      if (typeof body !== 'object' || body === null || !Array.isArray(body.value)) {
        throw malformedGetResponse(
          response,
          `returned a page that is not a list: expected { "value": [...], "nextLink"?: string }, received ${describe(body)} (request id ${response.requestId})`,
        );
      }
      const rawNext = body.nextLink;
      if (rawNext !== undefined && rawNext !== null && typeof rawNext !== 'string') {
        throw malformedGetResponse(
          response,
          `returned a page with an invalid nextLink: expected a string or null, received ${describe(rawNext)} (request id ${response.requestId})`,
        );
      }
      const room = maxResults - yielded;
      const items = (body.value as unknown[])
        .slice(0, Number.isFinite(room) ? room : undefined)
        .map(mapItem);
      yielded += items.length;
      const nextLink =
        typeof rawNext === 'string' && rawNext !== '' ? absolute(rawNext, response) : undefined;
      yield { items, nextLink, response };
      if (nextLink === undefined || yielded >= maxResults) return;
      if (seen.has(nextLink)) {
        throw malformedGetResponse(
          response,
          `returned a nextLink that was already followed: expected a new page URL, received ${nextLink} again (the listing would loop)`,
        );
      }
      seen.add(nextLink);
      response = await transport.request({
        method: 'GET',
        url: transport.resolveTrustedUrl(nextLink, 'nextLink'),
        ...(options.signal === undefined ? {} : { signal: options.signal }),
      });
    }
  }

  return {
    byPage: () => ({ [Symbol.asyncIterator]: () => pages() }),
    async *[Symbol.asyncIterator](): AsyncGenerator<T> {
      for await (const page of pages()) yield* page.items;
    },
  };
}

function absolute(link: string, response: TransportResponse): string {
  try {
    return new URL(link, response.url).toString();
  } catch {
    throw malformedGetResponse(
      response,
      `returned a page with an invalid nextLink: expected a URL, received ${JSON.stringify(link.slice(0, 200))} (request id ${response.requestId})`,
    );
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'an empty body';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object')
    return `an object with keys ${Object.keys(value).slice(0, 10).join(', ') || '(none)'}`;
  return typeof value;
}
