/**
 * `npm run bench`: the benchmark suite. A report, not a test: each benchmark prints a
 * table, and bench/results.json gets every number with the machine it was measured
 * on. Numbers are medians over repeated runs; comparisons (botoscale against the raw
 * SDK) are measured side by side in one run and given as ratios, because machines are
 * noisy. Every request goes to botoscale local on loopback, bounded in count and time.
 */
import { existsSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { ctlCalls, type CtlResult } from './ctl';
import { createAlarms, createGroups, createLoadBalancers } from './fixtures';
import { importCost, type ImportResult } from './imports';
import { child, mb, round, table } from './lib';
import type { MixedResult, MixedRow } from './mixed';
import type { OverheadResult } from './overhead';
import type { PagingResult } from './paging';
import { simulatedWeek, type RetentionResult } from './retention';
import { LocalServer } from './server';
import type { ThroughputResult } from './throughput';
import { tutorialTime, type TutorialResult } from './tutorial';

const ROOT = join(__dirname, '..', '..', '..', '..');
const OUT = join(ROOT, 'bench', 'results.json');

/** The machine the numbers come from. */
export interface Machine {
  cpus: number;
  cpuModel: string;
  memoryGb: number;
  node: string;
  platform: string;
}

/** Memory of botoscale local at a given size. */
export interface MemoryRow {
  groups: number;
  instances: number;
  rssMb: number;
  heapMb: number;
  /** Seconds to create the groups through the API and let their instances launch. */
  setupSeconds: number;
}

/** Everything bench/results.json holds. */
export interface BenchResults {
  date: string;
  machine: Machine;
  seconds: number;
  tutorial: TutorialResult;
  overhead: OverheadResult;
  paging: PagingResult[];
  imports: ImportResult;
  throughput: ThroughputResult;
  /** Mixed reads and writes, in memory and with `--state`. */
  mixed: MixedResult;
  memory: MemoryRow[];
  /** Memory of a 50-group scenario over a simulated week. */
  retention?: RetentionResult;
  ctl: CtlResult;
}

function machine(): Machine {
  return {
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model.trim() ?? 'unknown',
    memoryGb: round(totalmem() / 1024 ** 3, 1),
    node: process.version,
    platform: `${process.platform} ${process.arch}`,
  };
}

const script = (name: string): string => join(__dirname, `${name}.js`);

function pass(ok: boolean): string {
  return ok ? 'yes' : 'NO';
}

async function growTo(server: LocalServer, from: number, to: number): Promise<number> {
  const start = Date.now();
  for (let at = from; at < to; at += 1000) {
    await createGroups(server.endpoint, at, Math.min(to, at + 1000), 4);
    // Let the new instances launch and pass from Pending to InService.
    await server.advance('2m');
  }
  return round((Date.now() - start) / 1000, 1);
}

/**
 * Mixed reads and writes against `memory` (a server already holding `groups` groups) and
 * against a fresh `--state` server grown to the same size (its state file in the system's
 * temporary directory): three rounds each, alternating, so that a noisy moment of the
 * machine does not fall on one side only; each side's median round is reported.
 */
export async function mixedTraffic(memory: LocalServer, groups: number): Promise<MixedResult> {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-bench-state-'));
  const rounds: Record<string, MixedRow[]> = { memory: [], '--state': [] };
  try {
    const stored = await LocalServer.start({ state: join(dir, 'state.json') });
    await growTo(stored, 0, groups);
    for (let round = 0; round < 3; round += 1) {
      for (const [server, endpoint] of [['memory', memory.endpoint], ['--state', stored.endpoint]] as const) {
        (rounds[server] as MixedRow[]).push(await child<MixedRow>(script('mixed'), { endpoint, groups, server }));
      }
    }
    await stored.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const medianRow = (rows: MixedRow[]): MixedRow => [...rows].sort((x, y) => x.perSecond - y.perSecond)[rows.length >> 1] as MixedRow;
  const mem = medianRow(rounds.memory as MixedRow[]);
  const state = medianRow(rounds['--state'] as MixedRow[]);
  return { groups, concurrency: 8, rows: [mem, state], ratio: round(state.perSecond / mem.perSecond, 2), rounds: { memory: (rounds.memory as MixedRow[]).map((r) => r.perSecond), state: (rounds['--state'] as MixedRow[]).map((r) => r.perSecond) } };
}

/** Renders the results as the tables the README shows. */
export function renderTables(r: BenchResults): string {
  const m = r.machine;
  const out: string[] = [];
  out.push(`Measured ${r.date.slice(0, 10)} on ${m.cpus} cores (${m.cpuModel}), ${m.memoryGb} GB, Node ${m.node}, ${m.platform}; the suite took ${Math.round(r.seconds)} s.`);
  out.push('', `**0. The main job** (\`npm run tutorial\`: botoscale local in-process, the three tutorials on the simulated clock, the clean-up check; fresh processes; target < 10 s)`, '');
  out.push(table(['runs', 'wall seconds, each', 'median', 'simulated time covered', 'target met', 'tsc -b before it, nothing to rebuild'],
    [[r.tutorial.runs, r.tutorial.seconds.join(', '), r.tutorial.medianSeconds, r.tutorial.simulated, pass(r.tutorial.medianSeconds < 10), `${r.tutorial.upToDateCompileSeconds} s`]]));
  out.push('', `**1. Client overhead** (median time per call over ${r.overhead.calls} calls of each, alternating call by call; target botoscale/raw ≤ 1.05; allocations: V8 heap bytes per call, from its GC profiler)`, '');
  out.push(table(['call', 'items', 'raw SDK ms/call', 'botoscale ms/call', 'botoscale/raw', 'target met', 'raw KB allocated/call', 'botoscale KB allocated/call'],
    r.overhead.rows.map((x) => [x.call, x.items, x.rawMsPerCall, x.botoscaleMsPerCall, x.ratio, pass(x.ratio <= 1.05), round(x.rawBytesPerCall / 1024, 1), round(x.botoscaleBytesPerCall / 1024, 1)])));
  out.push('', '**2. Paging** (every group, created through the API, through `for await (const g of conn.getAllGroups({ maxRecords }))`, and for comparison through the raw SDK client in a `NextToken` loop; each in a fresh process; target: peak RSS growth < 50 MB, calls = ceil(groups / page size))', '');
  out.push(table(['client', 'page size', 'groups', 'instances', 'calls', 'expected calls', 'seconds', 'peak RSS growth MB', 'target met'],
    r.paging.map((p) => [p.client, p.pageSize, p.groups, p.instances, p.calls, p.expectedCalls, p.seconds, p.peakRssGrowthMb, p.client === 'botoscale' ? pass(p.peakRssGrowthMb < 50 && p.calls === p.expectedCalls) : '—'])));
  out.push('', `**3. Import cost** (time in a fresh process, median of ${r.imports.runs}; target for require ≤ 1.2×; "ready to call" adds the SDK client botoscale loads on first use)`, '');
  out.push(table(['botoscale', 'raw SDK', 'botoscale ms', 'raw ms', 'ratio', 'target met', 'whole process ms (botoscale / raw)'],
    r.imports.rows.map((x) => [`\`${x.botoscale}\``, `\`${x.raw}\``, x.botoscaleMs, x.rawMs, x.ratio, x.target === undefined ? '—' : pass(x.ratio <= x.target), `${x.botoscaleProcessMs} / ${x.rawProcessMs}`])));
  out.push('', `**4. botoscale local** (DescribeAutoScalingGroups over ${r.throughput.groups} groups of 4 instances, one client process, ${r.throughput.concurrency} requests in flight; target ≥ 2,000 req/s. \`http\`: Node's HTTP client sending the query request, which measures the endpoint; \`sdk\`: the AWS SDK v3 client, whose own CPU per request is the limit. "replayed": the server's default, a read asked again before anything changed is answered from the kept answer; "computed": \`responseCache: false\`, every read decoded, computed and serialised, as after every change)`, '');
  out.push(table(['client', 'server reads', 'request', 'requests', 'seconds', 'req/s', 'p50 ms', 'p99 ms', 'target met'],
    r.throughput.rows.map((x) => [x.client, x.responseCache ? 'replayed' : 'computed', x.request, x.requests, x.seconds, x.perSecond, x.p50Ms, x.p99Ms, x.client === 'http' ? pass(x.perSecond >= 2000) : '—'])));
  const mx = r.mixed;
  out.push('', `Mixed traffic (half DescribeAutoScalingGroups of one group, half PutScalingPolicy/CreateOrUpdateTags on one, over ${mx.groups} groups, ${mx.concurrency} in flight, \`http\` client): in memory and with \`--state\` (each change in the journal, flushed to disk, before its answer); target: \`--state\` at least half of in-memory (ratio ${mx.ratio}, ${mx.ratio >= 0.5 ? 'met' : 'NOT met'})`, '');
  out.push(table(['server', 'requests', 'of which writes', 'seconds', 'req/s (median round)', 'p50 ms', 'p99 ms', 'req/s of each round'],
    mx.rows.map((x) => [x.server, x.requests, x.writes, x.seconds, x.perSecond, x.p50Ms, x.p99Ms, (x.server === 'memory' ? mx.rounds.memory : mx.rounds.state).join(', ')])));
  out.push('', table(['groups', 'instances', 'server RSS MB', 'server heap MB', 'set-up s (through the API)'],
    r.memory.map((x) => [x.groups, x.instances, x.rssMb, x.heapMb, x.setupSeconds])));
  if (r.retention !== undefined) {
    const rows = r.retention.rows;
    out.push('', `**4b. botoscale local over a simulated week** (${r.retention.groups} groups of 2–6 t3.micro instances, ${r.retention.alarms} CPU alarms on scaling policies, the load flipped every 6 simulated hours so every group scales out and in four times a day; server RSS and heap after a full GC at the end of each simulated day. What grows is the 1-minute CPU data of every instance and group, which CloudWatch keeps 15 days; activities expire after six weeks, alarm history after two)`, '');
    out.push(table(['simulated day', 'server RSS MB', 'server heap MB', 'real seconds for the day'], rows.map((x) => [x.day, x.rssMb, x.heapMb, x.seconds])));
  }
  out.push('', `**5. autoscalectl API calls** (counted at the wire; each group with 2 alarms; target: no-change apply of 100 groups < 15 calls)`, '');
  out.push(table(['groups', 'first apply', 'no-change apply', 'one-change apply', 'no-change target met'],
    r.ctl.rows.map((x) => [x.groups, x.firstApply, x.noChangeApply, x.oneChangeApply, x.groups === 100 ? pass(x.noChangeApply < 15) : '—'])));
  return out.join('\n');
}

async function main(): Promise<void> {
  const started = Date.now();
  // The SDK's notice about the Node versions its future releases need, once per child process, is noise here.
  process.env.AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED ??= 'true';
  if (!existsSync(join(ROOT, 'dist', 'index.js'))) throw new Error('dist/ is missing: run npm run build first (npm run bench does)');
  const log = (text: string): void => {
    process.stderr.write(`[bench +${Math.round((Date.now() - started) / 1000)}s] ${text}\n`);
  };

  log('0. the main job');
  const tutorial = tutorialTime(ROOT);

  log('3. import cost');
  const imports = importCost(ROOT);

  log('1. client overhead: setting up 10 groups, 10 load balancers, 10 alarms');
  const small = await LocalServer.start();
  await createGroups(small.endpoint, 0, 10, 4);
  await small.advance('2m');
  await createLoadBalancers(small.endpoint, 10);
  await createAlarms(small.endpoint, 10);
  const overhead = await child<OverheadResult>(script('overhead'), { endpoint: small.endpoint }, ['--expose-gc']);
  await small.close();

  log('4. local throughput: 1,000 groups of 4 instances');
  const big = await LocalServer.start();
  const memory: MemoryRow[] = [];
  const at1k = await growTo(big, 0, 1000);
  const mem1k = await big.memory();
  memory.push({ groups: 1000, instances: 4000, rssMb: mb(mem1k.rss), heapMb: mb(mem1k.heapUsed), setupSeconds: at1k });
  const throughput = await child<ThroughputResult>(script('throughput'), { endpoint: big.endpoint, groups: 1000 });
  log('4. local throughput: the same with every read computed afresh');
  const uncached = await LocalServer.start({ responseCache: false });
  await growTo(uncached, 0, 1000);
  throughput.rows.push(...(await child<ThroughputResult>(script('throughput'), { endpoint: uncached.endpoint, groups: 1000, responseCache: 'false' })).rows);
  await uncached.close();

  log('4. mixed traffic: in memory and with --state, 1,000 groups of 4 instances each');
  const mixed = await mixedTraffic(big, 1000);

  log('4. local memory and 2. paging: 10,000 groups of 4 instances');
  const at10k = await growTo(big, 1000, 10_000);
  const mem10k = await big.memory();
  memory.push({ groups: 10_000, instances: 40_000, rssMb: mb(mem10k.rss), heapMb: mb(mem10k.heapUsed), setupSeconds: round(at1k + at10k, 1) });
  const paging: PagingResult[] = [];
  for (const pageSize of [50, 100]) {
    for (const client of ['botoscale', 'raw']) {
      paging.push(await child<PagingResult>(script('paging'), { endpoint: big.endpoint, pageSize, expected: 10_000, client }, ['--expose-gc']));
    }
  }
  await big.close();

  log('4b. local memory over a simulated week: 50 groups scaling out and in');
  const retention = await simulatedWeek();

  log('5. autoscalectl API calls');
  const ctl = await ctlCalls(ROOT, [10, 100]);

  const results: BenchResults = { date: new Date().toISOString(), machine: machine(), seconds: round((Date.now() - started) / 1000, 1), tutorial, overhead, paging, imports, throughput, mixed, memory, retention, ctl };
  writeFileSync(`${OUT}.tmp`, `${JSON.stringify(results, null, 2)}\n`);
  renameSync(`${OUT}.tmp`, OUT);
  process.stdout.write(`${renderTables(results)}\n\nWritten to bench/results.json.\n`);
}

if (require.main === module) {
  main().catch((err: unknown) => {
    process.stderr.write(`${err instanceof Error ? err.stack ?? err.message : String(err)}\n`);
    process.exitCode = 1;
  });
}
