/**
 * Benchmark 1, client overhead: the same describe calls through botoscale and through
 * the raw SDK v3 clients, against one botoscale local, alternating call by call (and
 * which goes first) so that both see the same machine at the same moment. Reports the
 * median time per call of each, their ratio, and heap bytes allocated per call.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { CloudWatchClient, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { DescribeLoadBalancersCommand, ElasticLoadBalancingClient } from '@aws-sdk/client-elastic-load-balancing';
import { AutoScaleConnection } from '../src/autoscale';
import { CloudWatchConnection } from '../src/cloudwatch';
import { ELBConnection } from '../src/elb';
import { BENCH_CREDENTIALS, BENCH_REGION, clientConfig } from './fixtures';
import { allocated, median, round, runAsChild, timed } from './lib';

/** One call measured through both clients. */
export interface OverheadRow {
  call: string;
  /** Items each answer carries. */
  items: number;
  rawMsPerCall: number;
  botoscaleMsPerCall: number;
  /** botoscaleMsPerCall / rawMsPerCall. */
  ratio: number;
  rawBytesPerCall: number;
  botoscaleBytesPerCall: number;
}

/** The benchmark's result. */
export interface OverheadResult {
  /** Calls of each client per call type, measured one by one, alternating. */
  calls: number;
  rows: OverheadRow[];
}

interface Pair {
  call: string;
  raw: () => Promise<number>;
  botoscale: () => Promise<number>;
}

async function repeat(n: number, fn: () => Promise<number>): Promise<number> {
  let items = 0;
  for (let i = 0; i < n; i += 1) items = await fn();
  return items;
}

async function main(args: Record<string, string>): Promise<OverheadResult> {
  const endpoint = args.endpoint as string;
  const calls = Number(args.calls ?? 600);
  const batch = 40;
  const options = { endpoint, region: BENCH_REGION, maxAttempts: 1 };
  const keys = [BENCH_CREDENTIALS.accessKeyId, BENCH_CREDENTIALS.secretAccessKey] as const;

  const asRaw = new AutoScalingClient(clientConfig(endpoint));
  const elbRaw = new ElasticLoadBalancingClient(clientConfig(endpoint));
  const cwRaw = new CloudWatchClient(clientConfig(endpoint));
  const as = new AutoScaleConnection(...keys, options);
  const elb = new ELBConnection(...keys, options);
  const cw = new CloudWatchConnection(...keys, options);

  const pairs: Pair[] = [
    {
      call: 'DescribeAutoScalingGroups',
      raw: async () => (await asRaw.send(new DescribeAutoScalingGroupsCommand({}))).AutoScalingGroups?.length ?? 0,
      botoscale: async () => (await as.getAllGroups()).length,
    },
    {
      call: 'DescribeLoadBalancers',
      raw: async () => (await elbRaw.send(new DescribeLoadBalancersCommand({}))).LoadBalancerDescriptions?.length ?? 0,
      botoscale: async () => (await elb.getAllLoadBalancers()).length,
    },
    {
      call: 'DescribeAlarms',
      raw: async () => (await cwRaw.send(new DescribeAlarmsCommand({}))).MetricAlarms?.length ?? 0,
      botoscale: async () => (await cw.describeAlarms()).length,
    },
  ];

  const rows: OverheadRow[] = [];
  for (const pair of pairs) {
    await repeat(100, pair.raw);
    const items = await repeat(100, pair.botoscale);
    const raw: number[] = [];
    const boto: number[] = [];
    for (let i = 0; i < calls; i += 1) {
      const order: Array<[() => Promise<number>, number[]]> = i % 2 === 0 ? [[pair.raw, raw], [pair.botoscale, boto]] : [[pair.botoscale, boto], [pair.raw, raw]];
      for (const [fn, into] of order) into.push((await timed(fn)).ms);
    }
    const rawBytes: number[] = [];
    const botoBytes: number[] = [];
    for (let r = 0; r < 5; r += 1) {
      rawBytes.push((await allocated(() => repeat(batch, pair.raw))).bytes / batch);
      botoBytes.push((await allocated(() => repeat(batch, pair.botoscale))).bytes / batch);
    }
    rows.push({
      call: pair.call,
      items,
      rawMsPerCall: round(median(raw), 3),
      botoscaleMsPerCall: round(median(boto), 3),
      ratio: round(median(boto) / median(raw), 3),
      rawBytesPerCall: Math.round(median(rawBytes)),
      botoscaleBytesPerCall: Math.round(median(botoBytes)),
    });
  }
  for (const c of [asRaw, elbRaw, cwRaw]) c.destroy();
  for (const c of [as, elb, cw]) c.close();
  return { calls, rows };
}

if (require.main === module) runAsChild(main);
