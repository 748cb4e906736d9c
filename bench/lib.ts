/**
 * What every benchmark shares: statistics, tables, the child-process protocol, and
 * counting allocations.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { GCProfiler } from 'node:v8';

/** The middle value (mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1 ? (sorted[mid] as number) : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** The p-th percentile (0..100), nearest rank. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))] as number;
}

/** Rounds for display. */
export function round(value: number, digits = 2): number {
  const f = 10 ** digits;
  return Math.round(value * f) / f;
}

/** Prints rows as an aligned Markdown table (what the README shows). */
export function table(headers: string[], rows: Array<Array<string | number>>): string {
  const cells = [headers, ...rows.map((r) => r.map(String))];
  const widths = headers.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? '').length), 3));
  const line = (r: string[]): string => `| ${r.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(headers), `| ${widths.map((w) => '-'.repeat(w)).join(' | ')} |`, ...rows.map((r) => line(r.map(String)))].join('\n');
}

/** Time of `fn` in milliseconds. */
export async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const start = process.hrtime.bigint();
  const value = await fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, value };
}

/**
 * Bytes allocated on the V8 heap while `fn` runs: what the garbage collections during
 * the run freed (from V8's GC profiler) plus the growth of the used heap.
 */
export async function allocated<T>(fn: () => Promise<T>): Promise<{ bytes: number; gcs: number; value: T }> {
  const profiler = new GCProfiler();
  const { heapUsed: before } = process.memoryUsage();
  profiler.start();
  const value = await fn();
  const { heapUsed: after } = process.memoryUsage();
  const report = profiler.stop();
  let freed = 0;
  for (const s of report?.statistics ?? []) {
    freed += s.beforeGC.heapStatistics.usedHeapSize - s.afterGC.heapStatistics.usedHeapSize;
  }
  return { bytes: after - before + freed, gcs: report?.statistics.length ?? 0, value };
}

/** The message a benchmark child sends its parent when done. */
export interface ChildResult<R> {
  ok: boolean;
  result?: R;
  error?: string;
}

/** Runs `main` as a benchmark child: sends its result (or error) to the parent and exits. */
export function runAsChild<R>(main: (args: Record<string, string>) => Promise<R>): void {
  const args: Record<string, string> = {};
  for (const a of process.argv.slice(2)) {
    const m = /^--([\w-]+)=(.*)$/.exec(a);
    if (m !== null) args[m[1] as string] = m[2] as string;
  }
  main(args).then(
    (result) => {
      process.send?.({ ok: true, result } satisfies ChildResult<R>);
      process.exitCode = 0;
      setImmediate(() => process.exit(0));
    },
    (err: unknown) => {
      process.send?.({ ok: false, error: err instanceof Error ? err.stack ?? err.message : String(err) } satisfies ChildResult<R>);
      setImmediate(() => process.exit(1));
    },
  );
}

/** Forks a benchmark child script and resolves with what it sends back. */
export function child<R>(script: string, args: Record<string, string | number> = {}, execArgv: string[] = []): Promise<R> {
  return new Promise((resolve, reject) => {
    const proc: ChildProcess = fork(script, Object.entries(args).map(([k, v]) => `--${k}=${v}`), { execArgv, stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let settled = false;
    proc.on('message', (m: ChildResult<R>) => {
      settled = true;
      if (m.ok) resolve(m.result as R);
      else reject(new Error(`${script}: ${m.error}`));
    });
    proc.on('exit', (code) => {
      if (!settled) reject(new Error(`${script} exited with code ${code} without a result`));
    });
  });
}

/** Bytes as MB with one decimal. */
export function mb(bytes: number): number {
  return round(bytes / 1024 / 1024, 1);
}

/** What {@link closedLoop} measured. */
export interface LoopResult {
  /** Requests sent and answered. */
  requests: number;
  /** Wall seconds the loop ran. */
  seconds: number;
  /** Requests per second. */
  perSecond: number;
  /** Median latency, ms. */
  p50Ms: number;
  /** 99th percentile latency, ms. */
  p99Ms: number;
}

/**
 * Sends `send(i)` from `concurrency` workers, each waiting for its answer before the next
 * (a closed loop), until `maxRequests` were sent or `maxSeconds` passed. The caller warms up first.
 */
export async function closedLoop(send: (i: number) => Promise<unknown>, concurrency: number, maxSeconds: number, maxRequests: number): Promise<LoopResult> {
  const latencies: number[] = [];
  let next = 0;
  const start = process.hrtime.bigint();
  const deadline = start + BigInt(Math.round(maxSeconds * 1e9));
  const worker = async (): Promise<void> => {
    while (next < maxRequests && process.hrtime.bigint() < deadline) {
      const i = next++;
      const t = process.hrtime.bigint();
      await send(i);
      latencies.push(Number(process.hrtime.bigint() - t) / 1e6);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = Number(process.hrtime.bigint() - start) / 1e9;
  return {
    requests: latencies.length,
    seconds: round(seconds, 2),
    perSecond: Math.round(latencies.length / seconds),
    p50Ms: round(percentile(latencies, 50), 2),
    p99Ms: round(percentile(latencies, 99), 2),
  };
}
