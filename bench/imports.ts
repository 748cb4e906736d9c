/**
 * Benchmark 3, import cost: requiring botoscale's entry points against requiring the
 * raw SDK v3 clients they wrap, each in a fresh Node process, in alternating order.
 * botoscale resolves as a user's code does (`require('botoscale')`, through the
 * package's `exports`, so from the built `dist/`).
 *
 * botoscale loads an SDK client only when a connection first needs it, so requiring it
 * is cheap; the "ready to call" rows add that first load (require, make a connection,
 * load its client) against requiring and constructing the raw client, so the deferred
 * cost is shown too.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { median, round } from './lib';

/** One comparison. */
export interface ImportRow {
  /** What is measured, e.g. `require('botoscale/autoscale')`. */
  botoscale: string;
  /** What it is compared with. */
  raw: string;
  botoscaleMs: number;
  rawMs: number;
  ratio: number;
  /** The target ratio, when there is one. */
  target: number | undefined;
  /** Whole process (start, work, exit), for context. */
  botoscaleProcessMs: number;
  rawProcessMs: number;
}

/** The benchmark's result. */
export interface ImportResult {
  runs: number;
  rows: ImportRow[];
}

const CLIENTS = {
  autoscale: { pkg: '@aws-sdk/client-auto-scaling', client: 'AutoScalingClient', conn: 'AutoScaleConnection' },
  cloudwatch: { pkg: '@aws-sdk/client-cloudwatch', client: 'CloudWatchClient', conn: 'CloudWatchConnection' },
  elb: { pkg: '@aws-sdk/client-elastic-load-balancing', client: 'ElasticLoadBalancingClient', conn: 'ELBConnection' },
  ec2: { pkg: '@aws-sdk/client-ec2', client: 'EC2Client', conn: 'EC2Connection' },
};

interface Probe {
  botoscale: string;
  raw: string;
  /** JavaScript run (timed) with `req` (a require from the repository root) in scope; may await. */
  botoscaleCode: string;
  rawCode: string;
  target?: number;
}

const q = JSON.stringify;

const PROBES: Probe[] = [
  {
    botoscale: "require('botoscale')",
    raw: 'the four clients',
    botoscaleCode: `req('botoscale');`,
    rawCode: Object.values(CLIENTS).map((c) => `req(${q(c.pkg)});`).join(' '),
    target: 1.2,
  },
  ...Object.entries(CLIENTS).map(([name, c]): Probe => ({
    botoscale: `require('botoscale/${name}')`,
    raw: c.pkg,
    botoscaleCode: `req(${q(`botoscale/${name}`)});`,
    rawCode: `req(${q(c.pkg)});`,
    target: 1.2,
  })),
  ...Object.entries(CLIENTS).map(([name, c]): Probe => ({
    botoscale: `ready to call: ${c.conn}`,
    raw: `new ${c.client}()`,
    botoscaleCode: `const conn = new (req(${q(`botoscale/${name}`)}).${c.conn})({ region: 'us-east-1' }); await conn.client();`,
    rawCode: `new (req(${q(c.pkg)}).${c.client})({ region: 'us-east-1' });`,
  })),
];

/** Runs `code` in a fresh process; returns the time of `code` and of the whole process, in ms. */
function probe(root: string, code: string): { ms: number; processMs: number } {
  const script = [
    `const req = require('node:module').createRequire(${q(join(root, 'package.json'))});`,
    '(async () => {',
    '  const t = process.hrtime.bigint();',
    `  ${code}`,
    '  process.stdout.write(String(Number(process.hrtime.bigint() - t) / 1e6));',
    '})().catch((e) => { console.error(e); process.exit(1); });',
  ].join('\n');
  const start = process.hrtime.bigint();
  const out = execFileSync(process.execPath, ['-e', script], { cwd: root, encoding: 'utf8', env: { ...process.env, BOTO_CONFIG: '/nonexistent' } });
  return { ms: Number(out), processMs: Number(process.hrtime.bigint() - start) / 1e6 };
}

/** Runs the benchmark from the repository root (which must have been built). */
export function importCost(root: string, runs = 11): ImportResult {
  const samples = PROBES.map(() => ({ boto: [] as number[], raw: [] as number[], bp: [] as number[], rp: [] as number[], ratios: [] as number[] }));
  // Warm the file system cache once.
  for (const p of PROBES) {
    probe(root, p.botoscaleCode);
    probe(root, p.rawCode);
  }
  for (let r = 0; r < runs; r += 1) {
    PROBES.forEach((p, i) => {
      const s = samples[i] as (typeof samples)[number];
      const botoFirst = r % 2 === 0;
      const first = probe(root, botoFirst ? p.botoscaleCode : p.rawCode);
      const second = probe(root, botoFirst ? p.rawCode : p.botoscaleCode);
      const boto = botoFirst ? first : second;
      const raw = botoFirst ? second : first;
      s.boto.push(boto.ms);
      s.raw.push(raw.ms);
      s.bp.push(boto.processMs);
      s.rp.push(raw.processMs);
      s.ratios.push(boto.ms / raw.ms);
    });
  }
  return {
    runs,
    rows: PROBES.map((p, i) => {
      const s = samples[i] as (typeof samples)[number];
      return {
        botoscale: p.botoscale,
        raw: p.raw,
        botoscaleMs: round(median(s.boto), 1),
        rawMs: round(median(s.raw), 1),
        ratio: round(median(s.ratios), 2),
        target: p.target,
        botoscaleProcessMs: round(median(s.bp), 1),
        rawProcessMs: round(median(s.rp), 1),
      };
    }),
  };
}
