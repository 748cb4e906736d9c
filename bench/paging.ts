/**
 * Benchmark 2, paging: every group of a large listing through botoscale's async
 * iterator (`for await (const g of conn.getAllGroups(...))`), counting the requests
 * at the wire and sampling the process's RSS as it goes. The iterator keeps one page
 * in memory, so RSS growth stays flat however long the listing. For comparison, the
 * same listing with the raw SDK v3 client in a `NextToken` loop (`--client=raw`).
 */
import { NodeHttpHandler } from '@smithy/node-http-handler';
import type { HttpRequest, HttpResponse } from '@smithy/protocol-http';
import type { HttpHandlerOptions } from '@smithy/types';
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { AutoScaleConnection } from '../src/autoscale';
import { BENCH_CREDENTIALS, BENCH_REGION, clientConfig } from './fixtures';
import { mb, round, runAsChild } from './lib';

/** The benchmark's result. */
export interface PagingResult {
  /** `botoscale` (the async iterator) or `raw` (the SDK client in a NextToken loop). */
  client: 'botoscale' | 'raw';
  pageSize: number;
  groups: number;
  instances: number;
  calls: number;
  expectedCalls: number;
  seconds: number;
  rssBeforeMb: number;
  peakRssGrowthMb: number;
}

/** A request handler that counts what it sends. */
function countingHandler(): { handler: NodeHttpHandler; count: () => number } {
  let calls = 0;
  const inner = new NodeHttpHandler();
  const handler = Object.create(inner) as NodeHttpHandler;
  handler.handle = (request: HttpRequest, options?: HttpHandlerOptions): Promise<{ response: HttpResponse }> => {
    calls += 1;
    return inner.handle(request, options);
  };
  return { handler, count: () => calls };
}

/** Every group of the listing, one page at a time; calls `each` per group. */
async function walk(client: 'botoscale' | 'raw', endpoint: string, pageSize: number, handler: NodeHttpHandler, each: (instances: number) => void): Promise<() => Promise<void>> {
  if (client === 'raw') {
    const raw = new AutoScalingClient({ ...clientConfig(endpoint), requestHandler: handler });
    await raw.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: 1 }));
    return async () => {
      let token: string | undefined;
      do {
        const out = await raw.send(new DescribeAutoScalingGroupsCommand({ MaxRecords: pageSize, NextToken: token }));
        for (const g of out.AutoScalingGroups ?? []) each(g.Instances?.length ?? 0);
        token = out.NextToken;
      } while (token !== undefined);
      raw.destroy();
    };
  }
  const conn = new AutoScaleConnection(BENCH_CREDENTIALS.accessKeyId, BENCH_CREDENTIALS.secretAccessKey, {
    endpoint, region: BENCH_REGION, maxAttempts: 1, requestHandler: handler,
  });
  // Warm up (client creation, first connection) before the baseline is taken.
  await conn.getAllGroups({ maxRecords: 1 });
  return async () => {
    for await (const group of conn.getAllGroups({ maxRecords: pageSize })) each(group.instances?.length ?? 0);
    conn.close();
  };
}

async function main(args: Record<string, string>): Promise<PagingResult> {
  const client = args.client === 'raw' ? 'raw' : 'botoscale';
  const pageSize = Number(args.pageSize ?? 100);
  const expected = Number(args.expected);
  const { handler, count } = countingHandler();
  let groups = 0;
  let instances = 0;
  let peak = 0;
  const run = await walk(client, args.endpoint as string, pageSize, handler, (n) => {
    groups += 1;
    instances += n;
    if (groups % 50 === 0) peak = Math.max(peak, process.memoryUsage().rss);
  });
  (globalThis as { gc?: () => void }).gc?.();
  const before = process.memoryUsage().rss;
  peak = before;
  const baseCalls = count();
  const start = process.hrtime.bigint();
  await run();
  peak = Math.max(peak, process.memoryUsage().rss);
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    client,
    pageSize,
    groups,
    instances,
    calls: count() - baseCalls,
    expectedCalls: Math.ceil(expected / pageSize),
    seconds: round(seconds, 2),
    rssBeforeMb: mb(before),
    peakRssGrowthMb: mb(peak - before),
  };
}

if (require.main === module) runAsChild(main);
