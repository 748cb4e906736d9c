/**
 * Benchmark 4, mixed traffic: half reads (DescribeAutoScalingGroups of one named group,
 * computed afresh because the writes keep changing the state) and half writes
 * (PutScalingPolicy and CreateOrUpdateTags, updating in place so the state does not
 * grow), from one client process with a fixed number in flight, against a server that
 * keeps its state in memory and one started with `--state` (every change in the
 * journal, flushed to disk, before its answer). The ratio of the two is the cost of
 * persistence.
 */
import { Agent } from 'node:http';
import { groupName } from './fixtures';
import { closedLoop, runAsChild } from './lib';
import { httpClient } from './throughput';

/** One server's result. */
export interface MixedRow {
  /** `memory` or `--state`. */
  server: string;
  requests: number;
  writes: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** The benchmark's result. */
export interface MixedResult {
  groups: number;
  concurrency: number;
  rows: MixedRow[];
  /** `--state` req/s over in-memory req/s (median rounds). */
  ratio: number;
  /** req/s of every round, by server. */
  rounds: { memory: number[]; state: number[] };
}

async function main(args: Record<string, string>): Promise<MixedRow> {
  const groups = Number(args.groups);
  const concurrency = Number(args.concurrency ?? 8);
  const seconds = Number(args.seconds ?? 5);
  const maxRequests = Number(args.maxRequests ?? 50_000);
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const http = httpClient(args.endpoint as string, agent);
  const base = 'Version=2011-01-01';
  const pick = (i: number): string => groupName((i * 7919) % groups);
  let writes = 0;
  const send = async (i: number): Promise<void> => {
    const group = pick(i);
    switch (i % 4) {
      case 0:
      case 2: {
        const xml = await http(`Action=DescribeAutoScalingGroups&${base}&AutoScalingGroupNames.member.1=${group}`);
        if (!xml.includes(`<AutoScalingGroupName>${group}</AutoScalingGroupName>`)) throw new Error(`expected group ${group}`);
        return;
      }
      case 1:
        writes += 1;
        await http(`Action=PutScalingPolicy&${base}&AutoScalingGroupName=${group}&PolicyName=mixed&AdjustmentType=ChangeInCapacity&ScalingAdjustment=${1 + (i % 3)}`);
        return;
      default:
        writes += 1;
        await http(`Action=CreateOrUpdateTags&${base}&Tags.member.1.ResourceId=${group}&Tags.member.1.ResourceType=auto-scaling-group&Tags.member.1.Key=mixed&Tags.member.1.Value=v${i}&Tags.member.1.PropagateAtLaunch=false`);
    }
  };
  for (let i = 0; i < 200; i += 1) await send(i);
  writes = 0;
  const loop = await closedLoop(send, concurrency, seconds, maxRequests);
  agent.destroy();
  return {
    server: args.server ?? 'memory',
    ...loop,
    writes,
  };
}

if (require.main === module) runAsChild(main);
