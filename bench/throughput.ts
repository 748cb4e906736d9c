/**
 * Benchmark 4, botoscale local's throughput: DescribeAutoScalingGroups requests from one
 * client process, a fixed number in flight, for a bounded time and count, against a
 * server that replays reads asked again before anything changed (its default) and one
 * that computes every read (`responseCache: false`, the cost of a read after a change). Two request
 * shapes (one named group, with its 4 instances; the first page of the listing, 50
 * groups and 200 instances) and two clients:
 *
 * - `http`: Node's HTTP client sending the query-protocol request as the SDK would, with
 *   a SigV4-shaped Authorization header (the server, not started with `--auth`, routes
 *   by its credential scope and checks no signature). This measures the endpoint.
 * - `sdk`: the AWS SDK v3 client, which spends more CPU per request (signing, parsing
 *   the XML answer into objects) than the endpoint does, so it measures the SDK more
 *   than the server.
 */
import { AutoScalingClient, DescribeAutoScalingGroupsCommand } from '@aws-sdk/client-auto-scaling';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { Agent, request } from 'node:http';
import { clientConfig, groupName } from './fixtures';
import { closedLoop, runAsChild } from './lib';

/** One client and request shape's result. */
export interface ThroughputRow {
  client: 'http' | 'sdk';
  /** Whether the server kept answers of reads (`responseCache`). */
  responseCache: boolean;
  request: string;
  requests: number;
  seconds: number;
  perSecond: number;
  p50Ms: number;
  p99Ms: number;
}

/** The benchmark's result. */
export interface ThroughputResult {
  groups: number;
  concurrency: number;
  rows: ThroughputRow[];
}

async function measure(client: 'http' | 'sdk', responseCache: boolean, label: string, concurrency: number, maxSeconds: number, maxRequests: number, send: (i: number) => Promise<unknown>): Promise<ThroughputRow> {
  // Warm-up: open the connections and let the JIT see the path.
  for (let i = 0; i < 200; i += 1) await send(i);
  const loop = await closedLoop(send, concurrency, maxSeconds, maxRequests);
  return {
    client,
    responseCache,
    request: label,
    ...loop,
  };
}

/** Sends query-protocol requests over Node's HTTP client; resolves with the answer's body. */
export function httpClient(endpoint: string, agent: Agent): (body: string) => Promise<string> {
  const url = new URL(endpoint);
  const date = new Date().toISOString().replace(/[-:]|\.\d{3}/g, '');
  const authorization = `AWS4-HMAC-SHA256 Credential=AKIDBENCHMARK/${date.slice(0, 8)}/us-east-1/autoscaling/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=${'0'.repeat(64)}`;
  return (body) => new Promise((resolve, reject) => {
    const req = request({
      host: url.hostname,
      port: url.port,
      method: 'POST',
      path: '/',
      agent,
      headers: {
        'content-type': 'application/x-www-form-urlencoded; charset=utf-8',
        'content-length': Buffer.byteLength(body),
        'x-amz-date': date,
        authorization,
      },
    }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => {
        const text = Buffer.concat(chunks).toString('utf8');
        if (res.statusCode === 200) resolve(text);
        else reject(new Error(`HTTP ${res.statusCode}: ${text.slice(0, 300)}`));
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

async function main(args: Record<string, string>): Promise<ThroughputResult> {
  const groups = Number(args.groups);
  const concurrency = Number(args.concurrency ?? 8);
  const seconds = Number(args.seconds ?? 5);
  const maxRequests = Number(args.maxRequests ?? 50_000);
  const endpoint = args.endpoint as string;
  const cached = args.responseCache !== 'false';
  const agent = new Agent({ keepAlive: true, maxSockets: concurrency });
  const rows: ThroughputRow[] = [];
  const named = 'one named group (4 instances)';
  const page = 'first page (50 groups, 200 instances)';
  const pick = (i: number): string => groupName((i * 7919) % groups);

  const http = httpClient(endpoint, agent);
  const query = 'Action=DescribeAutoScalingGroups&Version=2011-01-01';
  rows.push(await measure('http', cached, named, concurrency, seconds, maxRequests, async (i) => {
    const xml = await http(`${query}&AutoScalingGroupNames.member.1=${pick(i)}`);
    if ((xml.match(/<InstanceId>/g) ?? []).length !== 4) throw new Error('expected one group with 4 instances');
  }));
  rows.push(await measure('http', cached, page, concurrency, seconds, maxRequests, async () => {
    const xml = await http(query);
    if ((xml.match(/<AutoScalingGroupName>/g) ?? []).length !== 50) throw new Error('expected a page of 50 groups');
  }));

  const sdk = new AutoScalingClient({ ...clientConfig(endpoint), requestHandler: new NodeHttpHandler({ httpAgent: agent }) });
  rows.push(await measure('sdk', cached, named, concurrency, seconds, maxRequests, async (i) => {
    const out = await sdk.send(new DescribeAutoScalingGroupsCommand({ AutoScalingGroupNames: [pick(i)] }));
    if (out.AutoScalingGroups?.[0]?.Instances?.length !== 4) throw new Error('expected one group with 4 instances');
  }));
  rows.push(await measure('sdk', cached, page, concurrency, seconds, maxRequests, async () => {
    const out = await sdk.send(new DescribeAutoScalingGroupsCommand({}));
    if (out.AutoScalingGroups?.length !== 50) throw new Error('expected a page of 50 groups');
  }));
  sdk.destroy();
  agent.destroy();
  return { groups, concurrency, rows };
}

if (require.main === module) runAsChild(main);
