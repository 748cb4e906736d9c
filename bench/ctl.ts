/**
 * Benchmark 5, autoscalectl's API calls: the built command (`dist/ctl/cli.js`, as
 * `npx autoscalectl` runs it) applies a file of N groups, each with two CPU alarms on
 * two shared policies, to a fresh botoscale local, through a proxy that counts every
 * request at the wire: the first apply, the same file again (no change), then the file
 * with one group's AMI changed (a new default version of its launch template).
 */
import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { BENCH_CREDENTIALS } from './fixtures';
import { CountingProxy } from './proxy';
import { LocalServer } from './server';

const run = promisify(execFile);

/** Calls of one fleet size. */
export interface CtlRow {
  groups: number;
  firstApply: number;
  noChangeApply: number;
  oneChangeApply: number;
  /** Calls by action, for each apply. */
  byAction: { first: Record<string, number>; noChange: Record<string, number>; oneChange: Record<string, number> };
}

/** The benchmark's result. */
export interface CtlResult {
  rows: CtlRow[];
}

/** A config of `n` groups in botoscale local's default region, with two alarms each. */
export function fleet(n: number, firstAmi = 'ami-0a1b2c3d'): string {
  const lines = [
    'region: us-east-1',
    'policies:',
    '  scale_up: {type: ChangeInCapacity, adjustment: 1, cooldown: 180}',
    '  scale_down: {type: ChangeInCapacity, adjustment: -1, cooldown: 180}',
    'groups:',
  ];
  for (let i = 0; i < n; i += 1) {
    lines.push(
      `  svc${String(i).padStart(3, '0')}:`,
      '    min_size: 0',
      '    max_size: 4',
      '    capacity: 0',
      `    ami: ${i === 0 ? firstAmi : 'ami-0a1b2c3d'}`,
      '    zones: [us-east-1a, us-east-1b]',
      '    instance_type: t3.micro',
      '    alarms:',
      "      - {metric: CPUUtilization, namespace: AWS/EC2, policy: scale_up, comparison: '>', threshold: 70, period: 60, evaluation_periods: 2}",
      "      - {metric: CPUUtilization, namespace: AWS/EC2, policy: scale_down, comparison: '<', threshold: 40, period: 60, evaluation_periods: 2}",
    );
  }
  return `${lines.join('\n')}\n`;
}

async function apply(root: string, proxy: CountingProxy, file: string): Promise<Record<string, number>> {
  proxy.reset();
  await run(process.execPath, [join(root, 'dist', 'ctl', 'cli.js'), 'apply', file, '--endpoint', proxy.endpoint, '--yes', '--no-color'], {
    env: {
      PATH: process.env.PATH ?? '',
      AWS_ACCESS_KEY_ID: BENCH_CREDENTIALS.accessKeyId,
      AWS_SECRET_ACCESS_KEY: BENCH_CREDENTIALS.secretAccessKey,
      BOTO_CONFIG: '/nonexistent',
      AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
    },
    timeout: 120_000,
    maxBuffer: 64 * 1024 * 1024,
  });
  return Object.fromEntries([...proxy.counts].sort(([a], [b]) => a.localeCompare(b)));
}

const sum = (counts: Record<string, number>): number => Object.values(counts).reduce((a, b) => a + b, 0);

/** Runs the three applies for each fleet size, each size on a fresh botoscale local. */
export async function ctlCalls(root: string, sizes: number[]): Promise<CtlResult> {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-bench-ctl-'));
  const rows: CtlRow[] = [];
  try {
    for (const n of sizes) {
      const server = await LocalServer.start();
      const proxy = await CountingProxy.start(server.endpoint);
      try {
        const file = join(dir, `fleet-${n}.yaml`);
        writeFileSync(file, fleet(n));
        const first = await apply(root, proxy, file);
        const noChange = await apply(root, proxy, file);
        writeFileSync(file, fleet(n, 'ami-0feedbee'));
        const oneChange = await apply(root, proxy, file);
        rows.push({ groups: n, firstApply: sum(first), noChangeApply: sum(noChange), oneChangeApply: sum(oneChange), byAction: { first, noChange, oneChange } });
      } finally {
        await proxy.close();
        await server.close();
      }
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  return { rows };
}
