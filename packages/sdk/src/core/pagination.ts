/**
 * One page of a list: its items and the cursor of the next page (null on the last one). A list's
 * own page type (e.g. `MessageThreadPage`, with `unreadTotal`) extends it.
 */
export interface Page<T> {
  data: T[];
  nextCursor: string | null;
}

/** A list's query for one page: the caller's filters and the page's cursor. */
export function pageQuery<Q extends object>(
  query: Q,
  cursor: string | undefined,
): Q & { cursor?: string } {
  return { ...query, cursor };
}

/**
 * What every `list` method returns. Await it for one page; iterate it with `for await` for every
 * item across all pages (each next page is fetched only when the previous one is used up).
 * `T` is the item; `P` the page as the API's schema for this list describes it.
 *
 * @example
 * const first = await lb.leads.list({ stage: 'new', limit: 50 }); // { data, nextCursor }
 * for await (const lead of lb.leads.list({ stage: 'new' })) console.log(lead.email);
 * const { unreadTotal } = await lb.messages.listThreads(); // a page keeps its extra fields
 */
export class PagePromise<T, P extends Page<T> = Page<T>> implements Promise<P>, AsyncIterable<T> {
  readonly [Symbol.toStringTag] = 'PagePromise';
  private first: Promise<P> | undefined;

  constructor(
    private readonly fetchPage: (cursor: string | undefined) => Promise<P>,
    private readonly startCursor?: string,
  ) {}

  // Lazy: nothing is requested until the list is awaited or iterated.
  private firstPage(): Promise<P> {
    this.first ??= this.fetchPage(this.startCursor);
    return this.first;
  }

  /** Resolves to the first page (`{ data, nextCursor }`). */
  // biome-ignore lint/suspicious/noThenProperty: awaiting a list must give its first page.
  then<R1 = P, R2 = never>(
    onfulfilled?: ((page: P) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.firstPage().then(onfulfilled, onrejected);
  }

  /** Handles a failure of the first page's request, as `Promise.prototype.catch`. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<P | R> {
    return this.firstPage().catch(onrejected);
  }

  /** Runs `onfinally` once the first page has arrived or failed, as `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<P> {
    return this.firstPage().finally(onfinally);
  }

  /** Every page in turn, starting with the first. */
  async *pages(): AsyncGenerator<P, void, undefined> {
    let page = await this.firstPage();
    yield page;
    while (page.nextCursor) {
      page = await this.fetchPage(page.nextCursor);
      yield page;
    }
  }

  /** Every item of every page, in the list's order. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page.data;
  }

  /** Collects every item into an array — mind the size of the list. */
  async toArray(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }
}
