import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { BotoClientError, BotoServerError, PagedRequest, ResultSet } from '../../src/core';

/** A synthetic list call: `pages` pages of `size` items, tokens `t1`, `t2`, …; records every token asked. */
function pagedSource(pages: number, size: number): { fetch: (token: string | undefined) => Promise<ResultSet<{ n: number }>>; asked: (string | undefined)[] } {
  const asked: (string | undefined)[] = [];
  const fetch = async (token: string | undefined): Promise<ResultSet<{ n: number }>> => {
    asked.push(token);
    const index = token === undefined ? 0 : Number(token.slice(1));
    const items = Array.from({ length: size }, (_, i) => ({ n: index * size + i }));
    return ResultSet.fromPage(items, index + 1 < pages ? `t${index + 1}` : undefined);
  };
  return { fetch, asked };
}

describe('PagedRequest is lazy', () => {
  test('nothing is fetched until it is awaited or iterated', async () => {
    const { fetch, asked } = pagedSource(3, 2);
    const request = new PagedRequest(fetch);
    const iterator = request[Symbol.asyncIterator]();
    const pages = request.pages();
    await new Promise((r) => setImmediate(r));
    expect(asked).toEqual([]);
    expect(await iterator.next()).toEqual({ done: false, value: { n: 0 } });
    expect(asked).toEqual([undefined]);
    expect((await pages.next()).value).toEqual([{ n: 0 }, { n: 1 }]);
    expect(asked).toEqual([undefined, undefined]);
  });

  test('await gives one page (boto2\'s ResultSet), fetched once however often it is awaited', async () => {
    const { fetch, asked } = pagedSource(3, 2);
    const request = new PagedRequest(fetch);
    const first = await request;
    const again = await request;
    expect(first).toBe(again);
    expect(first).toBeInstanceOf(ResultSet);
    expect([...first]).toEqual([{ n: 0 }, { n: 1 }]);
    expect(first.nextToken).toBe('t1');
    expect(asked).toEqual([undefined]);
  });

  test('the nextToken asked for is where awaiting and iterating start', async () => {
    const { fetch, asked } = pagedSource(3, 2);
    const request = new PagedRequest(fetch, 't1');
    expect([...(await request)]).toEqual([{ n: 2 }, { n: 3 }]);
    expect((await request.all()).map((x) => x.n)).toEqual([2, 3, 4, 5]);
    expect(asked).toEqual(['t1', 't1', 't2']);
  });

  test('then/catch/finally behave as a Promise\'s', async () => {
    const { fetch } = pagedSource(1, 1);
    const order: string[] = [];
    const length = await new PagedRequest(fetch).then((page) => page.length).finally(() => order.push('finally'));
    expect(length).toBe(1);
    expect(order).toEqual(['finally']);
    const failing = new PagedRequest<number>(async () => { throw new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'); });
    expect(await failing.catch((e: unknown) => (e as Error).message)).toBe('maxRecords must be an integer from 1 to 100, got 0');
    await expect(failing).rejects.toBeInstanceOf(BotoClientError);
    expect(Object.prototype.toString.call(failing)).toBe('[object PagedRequest]');
  });

  test('a fetcher that throws synchronously still gives a rejection; then() never throws', async () => {
    const request = new PagedRequest<number>(() => { throw new BotoClientError('names is required'); });
    let promise: Promise<unknown> | undefined;
    expect(() => { promise = request.then(); }).not.toThrow();
    await expect(promise).rejects.toThrow('names is required');
    await expect(request.all()).rejects.toThrow('names is required');
  });
});

describe('walking every page', () => {
  test('for await yields every item of every page in order', async () => {
    const { fetch, asked } = pagedSource(3, 2);
    const seen: number[] = [];
    for await (const item of new PagedRequest(fetch)) seen.push(item.n);
    expect(seen).toEqual([0, 1, 2, 3, 4, 5]);
    expect(asked).toEqual([undefined, 't1', 't2']);
  });

  test('.pages() yields each page as a ResultSet with its token', async () => {
    const { fetch } = pagedSource(3, 2);
    const tokens: (string | undefined)[] = [];
    for await (const page of new PagedRequest(fetch).pages()) {
      expect(page).toBeInstanceOf(ResultSet);
      tokens.push(page.nextToken);
    }
    expect(tokens).toEqual(['t1', 't2', undefined]);
  });

  test('.all() collects everything', async () => {
    const { fetch } = pagedSource(4, 3);
    expect((await new PagedRequest(fetch).all()).map((x) => x.n)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
  });

  test('breaking out of the loop fetches no further pages', async () => {
    const { fetch, asked } = pagedSource(100, 10);
    for await (const item of new PagedRequest(fetch)) if (item.n === 12) break;
    expect(asked).toEqual([undefined, 't1']);
  });

  test('an error on a later page rejects the loop after the earlier items', async () => {
    const seen: number[] = [];
    const request = new PagedRequest<number>(async (token) => {
      if (token === undefined) return ResultSet.fromPage([1, 2], 'next');
      throw new BotoServerError({ status: 400, reason: 'Bad Request', errorCode: 'InvalidNextToken', message: 'The token is invalid' });
    });
    await expect((async () => { for await (const n of request) seen.push(n); })()).rejects.toMatchObject({ errorCode: 'InvalidNextToken' });
    expect(seen).toEqual([1, 2]);
  });

  test('a service answering with the token it was asked with stops with an error instead of looping forever', async () => {
    let calls = 0;
    const request = new PagedRequest<number>(async (token) => { calls += 1; return ResultSet.fromPage([calls], token ?? 'stuck'); });
    const err = await request.all().catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ errorCode: 'RepeatedNextToken', status: 200 });
    expect((err as Error).message).toBe('the service answered a page with the same nextToken it was asked for; paging stopped instead of repeating forever');
    expect(calls).toBe(2);
  });
});

describe('constant memory', () => {
  // A real collection, not timing: expose V8's gc() to this test.
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;

  test('10,000 items over 100 pages: earlier pages are not retained while iterating', async () => {
    const { fetch, asked } = pagedSource(100, 100);
    const refs: WeakRef<ResultSet<{ n: number }>>[] = [];
    let live = 0;
    const registry = new FinalizationRegistry<number>(() => { live -= 1; });
    const tracking = async (token: string | undefined): Promise<ResultSet<{ n: number }>> => {
      const page = await fetch(token);
      refs.push(new WeakRef(page));
      registry.register(page, refs.length);
      live += 1;
      return page;
    };
    let count = 0;
    let expected = 0;
    const retainedAtChecks: number[] = [];
    const liveAtChecks: number[] = [];
    for await (const item of new PagedRequest(tracking)) {
      expect(item.n).toBe(expected);
      expected += 1;
      count += 1;
      if (count % 1000 === 500) {
        // Let the current job end (WeakRef targets are kept until then), collect, let finalizers run.
        await new Promise((r) => setImmediate(r));
        gc();
        await new Promise((r) => setImmediate(r));
        const current = refs.length - 1;
        retainedAtChecks.push(refs.slice(0, current - 1).filter((r) => r.deref() !== undefined).length);
        liveAtChecks.push(live);
      }
    }
    expect(count).toBe(10_000);
    expect(asked).toHaveLength(100);
    expect(asked.slice(0, 3)).toEqual([undefined, 't1', 't2']);
    expect(retainedAtChecks).toHaveLength(10);
    // Retaining pages would show here as 3, 13, 23, …; V8's optimizing compiler may keep one
    // page it saw as an embedded constant (it does not with --no-opt), which is still constant memory.
    // (FinalizationRegistry callbacks may run arbitrarily late on a busy machine, so the live
    // count is only a sanity bound; the WeakRef check above is the proof.)
    expect(Math.max(...retainedAtChecks)).toBeLessThanOrEqual(1);
    expect(Math.min(...liveAtChecks)).toBeGreaterThanOrEqual(1);
  });

  test('the check can fail: pages a caller keeps are seen as retained', async () => {
    const { fetch } = pagedSource(5, 10);
    const kept: ResultSet<{ n: number }>[] = [];
    const refs: WeakRef<ResultSet<{ n: number }>>[] = [];
    for await (const page of new PagedRequest(fetch).pages()) {
      kept.push(page);
      refs.push(new WeakRef(page));
    }
    await new Promise((r) => setImmediate(r));
    gc();
    expect(refs.filter((r) => r.deref() !== undefined)).toHaveLength(5);
    expect(kept).toHaveLength(5);
  });
});
