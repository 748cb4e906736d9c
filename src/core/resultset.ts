/**
 * List results and paging, one mechanism for every list call of every service.
 *
 * A list call returns a {@link PagedRequest}: `await` it for one page (a
 * {@link ResultSet}, as boto2 returns), or iterate it with `for await` to walk every
 * item of every page lazily, following `NextToken` with one page in memory at a time.
 *
 * @module
 */
import { BotoServerError } from './errors';
import { inspectCustom } from './repr';

/**
 * A page of results: an Array that also carries the paging marker, as boto2's
 * `boto.resultset.ResultSet` does.
 */
export class ResultSet<T> extends Array<T> {
  // An accessor over a private field, so `nextToken` is never an own enumerable property,
  // however it is set (fromPage, or assigned on a result set made with `new`/`from`).
  #nextToken: string | undefined;

  /** The token to pass as `nextToken` for the next page; `undefined` on the last page. */
  get nextToken(): string | undefined {
    return this.#nextToken;
  }

  /** Sets the marker (an empty token means none). */
  set nextToken(token: string | undefined) {
    this.#nextToken = token || undefined;
  }

  /** Array methods such as `map()` and `filter()` return plain arrays, not result sets. */
  static override get [Symbol.species](): ArrayConstructor {
    return Array;
  }

  /** Builds a result set from items and the answer's `NextToken`. */
  static fromPage<T>(items: Iterable<T>, nextToken?: string): ResultSet<T> {
    const set = new ResultSet<T>();
    for (const item of items) set.push(item);
    set.nextToken = nextToken;
    return set;
  }

  /** True when more pages follow (boto2's `is_truncated`). */
  get isTruncated(): boolean {
    return this.nextToken !== undefined;
  }

  /** Prints like a plain list of its items, as boto2's ResultSet prints in Python. */
  [inspectCustom](_depth: number, options: object, inspect: (v: unknown, o: object) => string): string {
    return inspect(Array.from(this), options);
  }
}

/** Fetches one page: given the token of the page (none for the first), returns it. */
export type PageFetcher<T> = (nextToken: string | undefined) => Promise<ResultSet<T>>;

/**
 * The answer of a list call. It is a Promise of the first requested page (so `await`
 * gives one page, as in boto2), and an async iterable of every item across all pages.
 * Nothing is sent until it is awaited or iterated.
 */
export class PagedRequest<T> implements PromiseLike<ResultSet<T>>, AsyncIterable<T> {
  readonly #fetch: PageFetcher<T>;
  readonly #firstToken: string | undefined;
  #first: Promise<ResultSet<T>> | undefined;

  /**
   * @param fetch fetches one page for a token
   * @param firstToken the `nextToken` the caller asked to start from
   */
  constructor(fetch: PageFetcher<T>, firstToken?: string) {
    this.#fetch = fetch;
    this.#firstToken = firstToken;
  }

  #page(): Promise<ResultSet<T>> {
    // Through a promise so that a fetcher throwing synchronously still gives a rejection:
    // then()/catch() must never throw.
    this.#first ??= new Promise<ResultSet<T>>((resolve) => resolve(this.#fetch(this.#firstToken)));
    return this.#first;
  }

  then<R1 = ResultSet<T>, R2 = never>(
    onfulfilled?: ((value: ResultSet<T>) => R1 | PromiseLike<R1>) | null,
    onrejected?: ((reason: unknown) => R2 | PromiseLike<R2>) | null,
  ): Promise<R1 | R2> {
    return this.#page().then(onfulfilled, onrejected);
  }

  /** Handles a failure of the first page, as `Promise.prototype.catch`. */
  catch<R = never>(onrejected?: ((reason: unknown) => R | PromiseLike<R>) | null): Promise<ResultSet<T> | R> {
    return this.#page().catch(onrejected);
  }

  /** Runs after the first page settles, as `Promise.prototype.finally`. */
  finally(onfinally?: (() => void) | null): Promise<ResultSet<T>> {
    return this.#page().finally(onfinally);
  }

  /**
   * Every page, fetched one at a time as the loop asks for it. Only the current page is
   * held, so memory stays constant however many pages follow.
   */
  async *pages(): AsyncGenerator<ResultSet<T>, void, undefined> {
    let token = this.#firstToken;
    do {
      const page = await this.#fetch(token);
      // A service answering with the token it was asked with would loop forever.
      if (page.nextToken !== undefined && page.nextToken === token) {
        throw new BotoServerError({
          status: 200,
          reason: 'OK',
          errorCode: 'RepeatedNextToken',
          message: 'the service answered a page with the same nextToken it was asked for; paging stopped instead of repeating forever',
        });
      }
      token = page.nextToken;
      yield page;
    } while (token !== undefined);
  }

  /** Every item of every page, in order. */
  async *[Symbol.asyncIterator](): AsyncGenerator<T, void, undefined> {
    for await (const page of this.pages()) yield* page;
  }

  /** Collects every item of every page into one array (use iteration for large lists). */
  async all(): Promise<T[]> {
    const items: T[] = [];
    for await (const item of this) items.push(item);
    return items;
  }

  /** `[object PagedRequest]`. */
  get [Symbol.toStringTag](): string {
    return 'PagedRequest';
  }
}
