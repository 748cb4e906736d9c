import { PassThrough } from 'node:stream';
import { join } from 'node:path';
import { readFileSync } from 'node:fs';
import { Harness } from './harness';

const FIXTURE = join(__dirname, 'fixtures', 'autoscale.yaml');
const TTY = { isTTY: true };

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.close();
});

function capture(isTTY: boolean): { out: { write: (t: string) => boolean; isTTY: boolean }; text: () => string } {
  let text = '';
  return { out: { write: (t: string) => { text += t; return true; }, isTTY }, text: () => text };
}

describe('colours', () => {
  test('on a terminal the plan is coloured', async () => {
    const out = capture(true);
    await h.run(['plan', FIXTURE], { stdout: out.out });
    expect(out.text()).toContain('\u001b[32m+ create group backend\u001b[0m\n');
  });

  test('not with --no-color, not with NO_COLOR, not into a pipe', async () => {
    for (const [args, env] of [[['--no-color'], {}], [[], { NO_COLOR: '1' }]] as const) {
      const out = capture(true);
      await h.run(['plan', FIXTURE, ...args], { stdout: out.out, env: { AWS_ACCESS_KEY_ID: 'a', AWS_SECRET_ACCESS_KEY: 'b', ...env } });
      expect(out.text()).toContain('+ create group backend\n');
      expect(out.text()).not.toContain('\u001b[');
    }
    const piped = await h.run(['plan', FIXTURE]);
    expect(piped.stdout).not.toContain('\u001b[');
  });
});

describe('--json', () => {
  test('apply prints the plan and the result; progress stays on stderr', async () => {
    const r = await h.run(['apply', FIXTURE, '--json']);
    expect(r.code).toBe(0);
    const out = JSON.parse(r.stdout) as { plan: { changes: boolean; summary: unknown; actions: unknown[] }; result: unknown };
    expect(out.plan.changes).toBe(true);
    expect(out.plan.summary).toEqual({ create: 21, update: 0, replace: 0, delete: 0 });
    expect(out.plan.actions[0]).toEqual({
      action: 'create', resource: 'launch_template', name: 'backend', group: 'backend',
      changes: [
        { field: 'ami', new: 'ami-0a1b2c3d' }, { field: 'instance_type', new: 'c1.medium' }, { field: 'ssh_key', new: 'ops' },
        { field: 'security_groups', new: ['backend'] }, { field: 'user_data', new: '4 lines, sha256:7e88de00a5f9' },
      ],
    });
    expect(out.result).toMatchObject({ ok: true, notApplied: [] });
    expect((out.result as { applied: string[] }).applied).toHaveLength(21);
    expect(r.stderr).toContain('[21/21] create alarm frontend|scale_down|CPUUtilization done');

    const again = JSON.parse((await h.run(['apply', FIXTURE, '--json'])).stdout) as unknown;
    expect(again).toEqual({
      plan: { changes: false, summary: { create: 0, update: 0, replace: 0, delete: 0 }, actions: [], kept: [], warnings: [] },
      result: { ok: true, applied: [], notApplied: [] },
    });
  });

  test('a failure in JSON', async () => {
    h.counter.failWhen = (call) => call.action === 'CreateAutoScalingGroup';
    const r = await h.run(['apply', FIXTURE, '--json']);
    expect(r.code).toBe(1);
    const out = JSON.parse(r.stdout) as { result: { ok: boolean; applied: string[]; notApplied: string[]; failed: unknown } };
    expect(out.result.ok).toBe(false);
    expect(out.result.applied).toEqual(['create launch_template backend', 'create launch_template stage', 'create launch_template frontend']);
    expect(out.result.notApplied).toHaveLength(18);
    expect(out.result.failed).toEqual({ action: 'create group backend', error: 'injected failure' });
  });

  test('validation errors in JSON, with positions', async () => {
    const bad = h.file('bad.yaml', 'groups:\n  web:\n    min_size: 2\n    max_size: 1\n    ami: a\n    zones: [z]\n');
    const r = await h.run(['plan', bad, '--json']);
    expect(r.code).toBe(1);
    expect(JSON.parse(r.stdout)).toEqual({
      valid: false,
      errors: [{ file: bad, line: 3, col: 5, path: 'groups.web.min_size', message: 'min_size (2) is greater than max_size (1)' }],
    });
  });
});

describe('region, endpoint and profile', () => {
  test('the file\'s region, unless --region', async () => {
    await h.run(['plan', FIXTURE]);
    expect(new Set(h.counter.calls.map((c) => c.region))).toEqual(new Set(['us-west-1']));
    await h.run(['plan', FIXTURE, '--region', 'eu-west-1']);
    expect(new Set(h.counter.calls.map((c) => c.region))).toEqual(new Set(['eu-west-1']));
  });

  test('a profile that does not exist is an error before anything is sent', async () => {
    const r = await h.run(['plan', FIXTURE, '--profile', 'nope']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('nope');
    expect(h.counter.calls).toEqual([]);
  });
});

describe('confirmation on a terminal', () => {
  async function pruneWith(answer: string): Promise<{ code: number; stderr: string }> {
    await h.run(['apply', FIXTURE]);
    const file = h.file('two.yaml', readFileSync(FIXTURE, 'utf8').replace(/\n {2}stage:\n[\s\S]*?\n\n {2}frontend:/, '\n  frontend:'));
    const stdin = Object.assign(new PassThrough(), TTY);
    setImmediate(() => stdin.write(`${answer}\n`));
    return h.run(['apply', file, '--prune'], { stdin });
  }

  test('"yes" applies', async () => {
    const r = await pruneWith('yes');
    expect(r.stderr).toContain('This terminates instances (delete group stage). Type "yes" to go on: ');
    expect(r.code).toBe(0);
    const groups = await h.autoscale().getAllGroups().all();
    expect(groups.map((g) => g.name).sort()).toEqual(['backend', 'frontend']);
  });

  test('anything else applies nothing', async () => {
    const r = await pruneWith('no');
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('Nothing applied.\n');
    expect(h.counter.mutating).toEqual([]);
  });
});

describe('--version and help', () => {
  test('--version prints the package version', async () => {
    const pkg = JSON.parse(readFileSync(join(__dirname, '..', '..', 'package.json'), 'utf8')) as { version: string };
    for (const flag of ['--version', '-V']) {
      const r = await h.run([flag]);
      expect([r.code, r.stdout, r.stderr]).toEqual([0, `${pkg.version}\n`, '']);
    }
  });

  test('help lists the commands; help COMMAND shows that command, as COMMAND --help does', async () => {
    const all = await h.run(['help']);
    expect(all.code).toBe(0);
    expect(all.stdout).toMatch(/^Usage: autoscalectl \[options\] \[command\] \[config\]\n/);
    for (const line of ['  plan [options] <config>', '  apply [options] <config>', '  validate <config>', '  help [command]', '  -V, --version']) expect(all.stdout).toContain(line);
    const plan = await h.run(['help', 'plan']);
    expect(plan.code).toBe(0);
    expect(plan.stdout).toMatch(/^Usage: autoscalectl plan \[options\] <config>\n/);
    expect(plan.stdout).toContain('3: no changes but');
    expect((await h.run(['plan', '--help'])).stdout).toBe(plan.stdout);
    expect(h.counter.calls).toEqual([]);
  });

  test('help of a command that does not exist shows every command, on stderr, and exits 1', async () => {
    const r = await h.run(['help', 'destroy']);
    expect([r.code, r.stdout]).toEqual([1, '']);
    expect(r.stderr).toMatch(/^Usage: autoscalectl \[options\] \[command\] \[config\]\n[\s\S]*\n {2}validate <config>/);
  });
});
