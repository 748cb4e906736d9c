/**
 * autoscalectl's `lifecycle_hooks:` against botoscale local, counted at the wire: a new
 * group is created with its hooks (CreateAutoScalingGroup's LifecycleHookSpecificationList,
 * so its first instance waits in Pending:Wait), a no-change apply makes no hook call, a
 * changed hook is put again, one whose role or metadata is removed is replaced, and hooks
 * gone from the file are kept, or deleted with --prune. Then every bad input, with its
 * message and line.
 */
import { formatConfigError } from '../../src/ctl/config/errors';
import { parseConfig } from '../../src/ctl/config/load';
import { Harness, tally } from './harness';

let h: Harness;
afterEach(async () => {
  await h?.close();
});

const GROUP = `region: us-west-1
groups:
  web:
    min_size: 1
    max_size: 3
    ami: ami-0a1b2c3d
    zones: [us-west-1a]
`;

const HOOKS = `    lifecycle_hooks:
      - name: warm-up
        transition: launching
        heartbeat_timeout: 10m
        default_result: CONTINUE
      - name: drain
        transition: autoscaling:EC2_INSTANCE_TERMINATING
        notification_target_arn: arn:aws:sqs:us-west-1:123456789012:drain
        role_arn: arn:aws:iam::123456789012:role/hooks
        notification_metadata: web-drain
`;

async function hooks(): Promise<string[]> {
  return (await h.autoscale().getAllLifecycleHooks('web')).map((x) => [x.name, x.transition, x.heartbeatTimeout, x.defaultResult, x.notificationTargetArn, x.roleArn, x.notificationMetadata].join(' '));
}

async function states(): Promise<string[]> {
  const [g] = await h.autoscale().getAllGroups({ names: ['web'] });
  return (g?.instances ?? []).map((i) => i.lifecycleState ?? '');
}

describe('lifecycle_hooks against botoscale local', () => {
  beforeEach(async () => {
    h = await Harness.start({ launchConfigurations: false });
  });

  test('a new group is created with its hooks, and its first instance waits on the launch hook; a second apply makes no hook call', async () => {
    const file = h.file('hooks.yaml', GROUP + HOOKS);
    const plan = await h.run(['plan', file]);
    expect(plan.stdout).toContain([
      '      lifecycle_hooks.warm-up: launching, heartbeat_timeout 600, default_result CONTINUE',
      '      lifecycle_hooks.drain: terminating, heartbeat_timeout 3600, default_result ABANDON, notification_target_arn arn:aws:sqs:us-west-1:123456789012:drain',
      '      # its lifecycle hooks are created with it, so that its launch hooks hold its first instances too',
    ].join('\n'));
    const applied = await h.run(['apply', file]);
    expect([applied.code, applied.stderr]).toEqual([0, expect.not.stringContaining('FAILED')]);
    // The hooks go in CreateAutoScalingGroup: no PutLifecycleHook, which would come too late for the first launch.
    expect(tally(h.counter.mutating)).toEqual({ CreateLaunchTemplate: 1, CreateAutoScalingGroup: 1 });
    expect(await hooks()).toEqual([
      'drain autoscaling:EC2_INSTANCE_TERMINATING 3600 ABANDON arn:aws:sqs:us-west-1:123456789012:drain arn:aws:iam::123456789012:role/hooks web-drain',
      'warm-up autoscaling:EC2_INSTANCE_LAUNCHING 600 CONTINUE   ',
    ]);
    h.local.clock.advance('30s');
    expect(await states()).toEqual(['Pending:Wait']);

    const again = await h.run(['apply', file]);
    expect(again.code).toBe(0);
    expect(h.counter.mutating).toEqual([]);
    expect(tally(h.counter.actions).DescribeLifecycleHooks).toBe(1);
    expect((await h.run(['plan', file])).stdout).toBe(`No changes: AWS matches ${file}.\n`);
    h.local.clock.advance('10m'); // the heartbeat timeout: CONTINUE, the file's default result
    h.local.clock.advance('10s');
    expect(await states()).toEqual(['InService']);
  });

  test('a changed hook is put again, a removed role or metadata replaces the hook, a new one is added; gone ones are kept, or deleted with --prune', async () => {
    expect((await h.run(['apply', h.file('a.yaml', GROUP + HOOKS)])).code).toBe(0);
    const changed = GROUP + HOOKS
      .replace('heartbeat_timeout: 10m', 'heartbeat_timeout: 15m')
      .replace('        role_arn: arn:aws:iam::123456789012:role/hooks\n        notification_metadata: web-drain\n', '')
      .concat('      - {name: audit, transition: terminating, default_result: CONTINUE}\n');
    const file = h.file('b.yaml', changed);
    const plan = await h.run(['plan', file]);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toContain('~ update lifecycle_hook warm-up of group web\n      heartbeat_timeout: 600 → 900\n');
    expect(plan.stdout).toContain([
      '-/+ replace lifecycle_hook drain of group web',
      '      role_arn: arn:aws:iam::123456789012:role/hooks → (none)',
      '      notification_metadata: web-drain → (none)',
      '      # AWS cannot remove a hook\'s role_arn or notification_metadata: the hook is deleted and put again, letting go of the instances it holds now',
    ].join('\n'));
    expect(plan.stdout).toContain('+ create lifecycle_hook audit of group web\n      transition: terminating\n');
    expect((await h.run(['apply', file])).code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ PutLifecycleHook: 3, DeleteLifecycleHook: 1 });
    expect(await hooks()).toEqual([
      'audit autoscaling:EC2_INSTANCE_TERMINATING 3600 CONTINUE   ',
      'drain autoscaling:EC2_INSTANCE_TERMINATING 3600 ABANDON arn:aws:sqs:us-west-1:123456789012:drain  ',
      'warm-up autoscaling:EC2_INSTANCE_LAUNCHING 900 CONTINUE   ',
    ]);
    expect((await h.run(['plan', file])).code).toBe(0);

    // No target any more: PutLifecycleHook with an empty target ARN removes it, in place.
    const noTarget = h.file('c.yaml', changed.replace('        notification_target_arn: arn:aws:sqs:us-west-1:123456789012:drain\n', ''));
    expect((await h.run(['plan', noTarget])).stdout).toContain('~ update lifecycle_hook drain of group web\n      notification_target_arn: arn:aws:sqs:us-west-1:123456789012:drain → (none)\n');
    expect((await h.run(['apply', noTarget])).code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ PutLifecycleHook: 1 });
    expect(await hooks()).toContain('drain autoscaling:EC2_INSTANCE_TERMINATING 3600 ABANDON   ');

    const fewer = h.file('d.yaml', GROUP + HOOKS.slice(0, HOOKS.indexOf('      - name: drain')).replace('heartbeat_timeout: 10m', 'heartbeat_timeout: 15m'));
    const kept = await h.run(['plan', fewer]);
    expect(kept.code).toBe(3);
    expect(kept.stdout).toContain('lifecycle_hook audit of group web');
    expect(kept.stdout).toContain('lifecycle_hook drain of group web');
    expect((await h.run(['apply', fewer])).code).toBe(0);
    expect(h.counter.mutating).toEqual([]);
    const pruned = await h.run(['apply', fewer, '--prune']);
    expect(pruned.code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ DeleteLifecycleHook: 2 });
    expect(await hooks()).toEqual(['warm-up autoscaling:EC2_INSTANCE_LAUNCHING 900 CONTINUE   ']);
    expect((await h.run(['plan', fewer, '--prune'])).code).toBe(0);
  });

  test('a launch hook added to an existing group is put with PutLifecycleHook before the group\'s update, and holds the launches that follow', async () => {
    expect((await h.run(['apply', h.file('a.yaml', GROUP)])).code).toBe(0);
    h.local.clock.advance('1m');
    expect(await states()).toEqual(['InService']);
    const file = h.file('b.yaml', `${GROUP}    capacity: 2\n${HOOKS.slice(0, HOOKS.indexOf('      - name: drain'))}`);
    const plan = await h.run(['plan', file]);
    expect(plan.stdout).toContain('+ create lifecycle_hook warm-up of group web\n      transition: launching\n      heartbeat_timeout: 600\n      default_result: CONTINUE\n      # holds the launches that start from now on (instances already launching are not held)\n');
    expect((await h.run(['apply', file])).code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({ PutLifecycleHook: 1, UpdateAutoScalingGroup: 1, CreateOrUpdateTags: 1 });
    // The hook first, so that it is there for the launch the larger capacity starts.
    expect(h.counter.mutating.indexOf('PutLifecycleHook')).toBeLessThan(h.counter.mutating.indexOf('UpdateAutoScalingGroup'));
    h.local.clock.advance('30s');
    expect((await states()).sort()).toEqual(['InService', 'Pending:Wait']);
  });
});

const BAD = `groups:
  web:
    min_size: 1
    max_size: 2
    ami: ami-0a1b2c3d
    zones: [us-west-1a]
    lifecycle_hooks:
`;

function errorsOf(hooks: string): string[] {
  const r = parseConfig(BAD + hooks, 'bad.yaml');
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors.map(formatConfigError);
}

describe('lifecycle_hooks: every bad input is refused with its line, before anything is sent', () => {
  test('names, transitions, timeouts, results, unknown and missing keys', () => {
    expect(errorsOf('      - {name: "bad name", transition: launching}\n')).toEqual(['bad.yaml:8:10: groups.web.lifecycle_hooks[0].name: must be letters, digits, -, _ and / only, got "bad name"']);
    expect(errorsOf(`      - {name: ${'h'.repeat(256)}, transition: launching}\n`)).toEqual([`bad.yaml:8:10: groups.web.lifecycle_hooks[0].name: must be at most 255, got "${'h'.repeat(256)}"`]);
    expect(errorsOf('      - {name: h, transition: launch}\n')).toEqual([
      'bad.yaml:8:19: groups.web.lifecycle_hooks[0].transition: must be launching or terminating (or AWS\'s autoscaling:EC2_INSTANCE_LAUNCHING, autoscaling:EC2_INSTANCE_TERMINATING), got "launch"',
    ]);
    expect(errorsOf('      - {name: h, transition: launching, heartbeat_timeout: 10}\n')).toEqual(['bad.yaml:8:42: groups.web.lifecycle_hooks[0].heartbeat_timeout: must be from 30 to 7200 seconds; got 10']);
    expect(errorsOf('      - {name: h, transition: launching, heartbeat_timeout: 3h}\n')).toEqual(['bad.yaml:8:42: groups.web.lifecycle_hooks[0].heartbeat_timeout: must be from 30 to 7200 seconds; got 10800']);
    expect(errorsOf('      - {name: h, transition: launching, heartbeat_timeout: soon}\n')).toEqual([
      'bad.yaml:8:42: groups.web.lifecycle_hooks[0].heartbeat_timeout: must be a duration: seconds (300) or a string such as "90s", "5m", "1h"; got "soon"',
    ]);
    expect(errorsOf('      - {name: h, transition: launching, default_result: RETRY}\n')).toEqual(['bad.yaml:8:42: groups.web.lifecycle_hooks[0].default_result: must be one of CONTINUE, ABANDON; got "RETRY"']);
    expect(errorsOf('      - {name: h, transition: launching, heartbeat: 60}\n')).toEqual(['bad.yaml:8:42: groups.web.lifecycle_hooks[0].heartbeat: unknown key "heartbeat" (did you mean "heartbeat_timeout"?)']);
    expect(errorsOf('      - {name: h}\n')).toEqual(['bad.yaml:8:9: groups.web.lifecycle_hooks[0]: missing required key "transition"']);
    expect(errorsOf('      {name: h}\n')).toEqual(['bad.yaml:7:5: groups.web.lifecycle_hooks: must be a list, got a map']);
  });

  test('duplicates, lengths of the ARNs and metadata, and more hooks than AWS allows a group', () => {
    expect(errorsOf('      - {name: h, transition: launching}\n      - {name: h, transition: terminating}\n')).toEqual([
      'bad.yaml:9:10: groups.web.lifecycle_hooks[1].name: duplicate lifecycle hook "h": lifecycle_hooks[0] has the same name',
    ]);
    expect(errorsOf(`      - {name: h, transition: launching, role_arn: ${'r'.repeat(256)}}\n`)).toEqual([`bad.yaml:8:42: groups.web.lifecycle_hooks[0].role_arn: must be at most 255, got "${'r'.repeat(256)}"`]);
    expect(errorsOf('      - {name: h, transition: launching, role_arn: ""}\n')).toEqual(['bad.yaml:8:42: groups.web.lifecycle_hooks[0].role_arn: must not be empty']);
    expect(errorsOf(`      - {name: h, transition: launching, notification_target_arn: ${'a'.repeat(256)}}\n`)).toEqual([
      `bad.yaml:8:42: groups.web.lifecycle_hooks[0].notification_target_arn: must be at most 255, got "${'a'.repeat(256)}"`,
    ]);
    // botocore 1.43's model: up to 4000 printable ASCII characters (AnyPrintableAsciiStringMaxLen4000).
    expect(errorsOf(`      - {name: h, transition: launching, notification_metadata: ${'m'.repeat(4001)}}\n`)).toEqual([
      `bad.yaml:8:42: groups.web.lifecycle_hooks[0].notification_metadata: must be at most 4000, got "${'m'.repeat(4001)}"`,
    ]);
    expect(errorsOf('      - {name: h, transition: launching, notification_metadata: équipe}\n')).toEqual([
      'bad.yaml:8:42: groups.web.lifecycle_hooks[0].notification_metadata: must be printable ASCII (tabs and line breaks allowed), got "équipe"',
    ]);
    expect(errorsOf(Array.from({ length: 51 }, (_, i) => `      - {name: h${i}, transition: launching}\n`).join(''))).toEqual(['bad.yaml:7:5: groups.web.lifecycle_hooks: may list at most 50 items, got 51']);
  });

  test('AWS\'s transition names and the short ones are the same hook', () => {
    const r = parseConfig(`${BAD}      - {name: a, transition: launching}\n      - {name: b, transition: 'autoscaling:EC2_INSTANCE_LAUNCHING'}\n      - {name: c, transition: terminating, heartbeat_timeout: 2h}\n`, 'ok.yaml');
    expect(r.ok).toBe(true);
  });
});
