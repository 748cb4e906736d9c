/**
 * The main job, `npm run tutorial`, as a command: the whole run against an in-process
 * botoscale local, `--endpoint` against one in real time, and the `--aws` guards that
 * must refuse before anything is created. (Its wall time is the benchmark's business.)
 */
import { format } from 'node:util';
import { ELBConnection } from '../../src/elb';
import { startLocal, type LocalEndpoint } from '../../src/local';
import { main } from '../../examples/tutorial';

/** Runs the command with console.log and console.error recorded. */
async function command(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const log = console.log;
  const error = console.error;
  console.log = (...args: unknown[]): void => {
    out.push(format(...args));
  };
  console.error = (...args: unknown[]): void => {
    err.push(format(...args));
  };
  try {
    const code = await main(argv);
    return { code, out: out.join('\n'), err: err.join('\n') };
  } finally {
    console.log = log;
    console.error = error;
  }
}

beforeAll(() => {
  process.env.AWS_ACCESS_KEY_ID = 'AKIDEXAMPLETEST';
  process.env.AWS_SECRET_ACCESS_KEY = 'example-test-secret';
});

test('the main job runs every part against botoscale local and leaves nothing behind', async () => {
  const r = await command([]);
  expect(r.err).toBe('');
  expect(r.code).toBe(0);
  const headings = r.out.split('\n').filter((l) => l.startsWith('## # '));
  expect(headings).toEqual([
    '## # Seed 000 + 001: the Auto Scaling tutorial with scaling policies and alarms',
    '## # Seed 003: the Elastic Load Balancing tutorial',
    '## # The scaling demo: CPU above 70% scales up, below 40% scales down',
    '## # Seed 002\'s wish: on-demand base plus spot across types, target tracking at 50% CPU, capacity kept',
    '## # Seed 000 on a new account: launch templates instead of launch configurations',
  ]);
  expect(r.out).toMatch(/^botoscale local is serving http:\/\/127\.0\.0\.1:\d+ \(simulated clock, advanced by the tutorial\)$/m);
  expect(r.out).toMatch(/^botoscale local in new-account mode is serving http:\/\/127\.0\.0\.1:\d+$/m);
  expect(r.out.split('\n').filter((l) => l === 'Nothing the tutorials created is left.')).toHaveLength(2);
  expect(r.out).toMatch(/^\(\d+m\d*s? of simulated time\)$/m);
  expect(r.out).toMatch(/^Done in \d+\.\d s of wall time\.$/m);
}, 60_000);

describe('--endpoint', () => {
  let local: LocalEndpoint;
  beforeEach(async () => {
    local = await startLocal({ port: 0, realTime: true, speed: 300 });
  });
  afterEach(async () => {
    await local.close();
  });

  test('runs against another botoscale local in real time, on that endpoint\'s clock', async () => {
    const r = await command(['--endpoint', local.endpoint, '--only', 'elb']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toContain(`ELBConnection:${local.endpoint.replace('http://', '')}`);
    // Waits are measured on that endpoint's clock, not on a simulated clock of this process.
    expect(r.out).not.toContain('of simulated time');
    expect(r.out).toContain('[ LoadBalancer:load-balancer-prod, LoadBalancer:load-balancer-staging ]');
    expect(r.out).toContain('Nothing the tutorials created is left.');
  }, 60_000);

  test('refuses to touch what it would create when it exists already', async () => {
    const elb = new ELBConnection({ endpoint: local.endpoint });
    await elb.createLoadBalancer('my-lb', ['us-east-1a'], [[80, 8080, 'http']]);
    const r = await command(['--endpoint', local.endpoint, '--only', 'elb']);
    expect(r.code).toBe(1);
    expect(r.err).toBe('These already exist, and the tutorials would change or delete them:\n  load balancer my-lb\nDelete or rename them first.');
    expect((await elb.getAllLoadBalancers()).map((lb) => lb.name)).toEqual(['my-lb']);
    elb.close();
  }, 30_000);
});

describe('--aws', () => {
  test('needs an image', async () => {
    const r = await command(['--aws']);
    expect(r.code).toBe(2);
    expect(r.err).toBe('--aws needs --image-id: an AMI of the region that the instances can launch from (any small Linux image will do).');
  });

  test('without a terminal and without --yes, says what it would create and what it costs, and refuses', async () => {
    const tty = Object.getOwnPropertyDescriptor(process.stdin, 'isTTY');
    Object.defineProperty(process.stdin, 'isTTY', { value: undefined, configurable: true });
    try {
      const r = await command(['--aws', '--image-id', 'ami-0123456789abcdef0', '--region', 'eu-west-1']);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      expect(r.err).toContain('This runs the tutorials against AWS itself, in eu-west-1, with your credentials. It creates:');
      expect(r.err).toContain('  - Auto Scaling group my_group: 4 instances of t3.micro from ami-0123456789abcdef0, in the first two zones of eu-west-1');
      expect(r.err).toContain('  - Classic Load Balancers my-lb, load-balancer-prod, load-balancer-staging');
      expect(r.err).toContain('THIS COSTS MONEY');
      expect(r.err).toContain('there seed 000 says so and goes on with a\nlaunch template of the same settings');
      expect(r.err).toMatch(/stdin is not a terminal: refusing to go ahead\. Add --yes to confirm\. Nothing was created\.$/);
    } finally {
      if (tty === undefined) delete (process.stdin as { isTTY?: boolean }).isTTY;
      else Object.defineProperty(process.stdin, 'isTTY', tty);
    }
  });

  test('cannot be combined with --endpoint', async () => {
    const write = process.stderr.write;
    const seen: string[] = [];
    process.stderr.write = ((chunk: string): boolean => {
      seen.push(String(chunk));
      return true;
    }) as typeof process.stderr.write;
    try {
      const r = await command(['--aws', '--endpoint', 'http://127.0.0.1:1']);
      expect(r.code).toBe(1);
      expect(seen.join('')).toContain("option '--endpoint <url>' cannot be used with option '--aws'");
    } finally {
      process.stderr.write = write;
    }
  });
});
