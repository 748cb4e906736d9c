import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScalingGroup, LaunchConfiguration, ScalingPolicy } from '../../src/autoscale';
import { Harness, SAMPLE_SECURITY_GROUPS, tally } from './harness';

// The original sample with `launch: configuration`: these tests follow the original
// tool's <group>-<n> launch configurations; launchtemplates.test.ts covers the default.
const TEXT = `${readFileSync(join(__dirname, 'fixtures', 'autoscale.yaml'), 'utf8')}\nlaunch: configuration\n`;
const FIXTURE = join(mkdtempSync(join(tmpdir(), 'autoscalectl-e2e-')), 'autoscale.yaml');
writeFileSync(FIXTURE, TEXT);
const TOPIC = 'arn:aws:sns:us-west-1:123456789012:autoscale-events';

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
  // The sample's security groups are the user's, made before autoscalectl runs.
  await h.createSecurityGroups(SAMPLE_SECURITY_GROUPS);
});
afterEach(async () => {
  await h.close();
});

async function groups(): Promise<Map<string, AutoScalingGroup>> {
  const all = await h.autoscale().getAllGroups().all();
  return new Map(all.map((g) => [g.name ?? '', g]));
}

async function launchConfigNames(): Promise<string[]> {
  return (await h.autoscale().getAllLaunchConfigurations().all()).map((lc) => lc.name ?? '').sort();
}

async function policyNames(): Promise<string[]> {
  return (await h.autoscale().getAllPolicies().all()).map((p) => p.name ?? '').sort();
}

async function alarmNames(): Promise<string[]> {
  return (await h.cloudwatch().describeAlarms().all()).map((a) => a.name ?? '').sort();
}

async function applyFixture(): Promise<void> {
  const r = await h.run(['apply', FIXTURE]);
  expect(r.stderr).not.toContain('FAILED');
  expect(r.code).toBe(0);
}

describe('the original sample config', () => {
  test('applies cleanly: launch configurations, groups, notifications, policies and alarms named by the original rules', async () => {
    const r = await h.run(['apply', FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Plan: 21 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(r.stdout).toContain('Applied 21 changes.');
    expect(r.stderr).toContain('[1/21] create launch_configuration backend-1 done');
    expect(r.stderr).toContain('[21/21] create alarm frontend|scale_down|CPUUtilization done');

    // Counted at the wire: three reads, and no call that is not needed.
    expect(tally(h.counter.actions)).toEqual({
      DescribeAutoScalingGroups: 1,
      DescribeAlarms: 1,
      DescribeLaunchConfigurations: 1,
      CreateLaunchConfiguration: 3,
      CreateAutoScalingGroup: 3,
      PutNotificationConfiguration: 3,
      PutScalingPolicy: 6,
      PutMetricAlarm: 6,
    });
    expect(h.counter.calls).toHaveLength(24);

    const g = await groups();
    expect([...g.keys()].sort()).toEqual(['backend', 'frontend', 'stage']);
    const backend = g.get('backend');
    expect(backend).toMatchObject({ launchConfigName: 'backend-1', minSize: 2, maxSize: 8, desiredCapacity: 2, availabilityZones: ['us-west-1a', 'us-west-1b'] });
    expect(backend?.tags?.map((t) => [t.key, t.value, t.propagateAtLaunch]).sort()).toEqual([
      ['autoscalectl:capacity', '2', false],
      ['autoscalectl:managed', 'true', false],
      ['role', 'backend', false],
    ]);
    expect(g.get('frontend')).toMatchObject({ launchConfigName: 'frontend-1', minSize: 3, maxSize: 12, desiredCapacity: 4 });

    const [lc] = await h.autoscale().getAllLaunchConfigurations({ names: ['backend-1'] });
    expect(lc).toMatchObject({ imageId: 'ami-0a1b2c3d', keyName: 'ops', securityGroups: ['backend'], instanceType: 'c1.medium' });
    expect(lc?.userData).toBe('#!/bin/bash\nset -e\necho "role=$(curl -s http://169.254.169.254/latest/meta-data/ami-id)" >> /etc/instance-info\n/usr/local/bin/bootstrap --pull-latest');
    expect(await launchConfigNames()).toEqual(['backend-1', 'frontend-1', 'stage-1']);

    const policies = await h.autoscale().getAllPolicies().all();
    expect(policies.map((p) => [p.name, p.asName, p.adjustmentType, p.scalingAdjustment, p.cooldown]).sort()).toEqual([
      ['backend|scale_down', 'backend', 'PercentChangeInCapacity', -25, 600],
      ['backend|scale_up', 'backend', 'PercentChangeInCapacity', 50, 300],
      ['frontend|scale_down', 'frontend', 'PercentChangeInCapacity', -25, 600],
      ['frontend|scale_up', 'frontend', 'PercentChangeInCapacity', 50, 300],
      ['stage|scale_down', 'stage', 'PercentChangeInCapacity', -25, 600],
      ['stage|scale_up', 'stage', 'PercentChangeInCapacity', 50, 300],
    ]);

    const alarms = await h.cloudwatch().describeAlarms({ alarmNames: ['stage|scale_up|CPUUtilization'] });
    const up = policies.find((p) => p.name === 'stage|scale_up');
    expect(alarms[0]).toMatchObject({
      metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average', comparison: '>=', threshold: 80, period: 60, evaluationPeriods: 5,
      dimensions: { AutoScalingGroupName: ['stage'] }, alarmActions: [up?.policyArn],
    });
    expect(await alarmNames()).toEqual([
      'backend|scale_down|CPUUtilization', 'backend|scale_up|CPUUtilization', 'frontend|scale_down|CPUUtilization',
      'frontend|scale_up|CPUUtilization', 'stage|scale_down|CPUUtilization', 'stage|scale_up|CPUUtilization',
    ]);

    expect(await h.notifications(['backend'])).toEqual([
      `backend ${TOPIC} autoscaling:EC2_INSTANCE_LAUNCH`,
      `backend ${TOPIC} autoscaling:EC2_INSTANCE_LAUNCH_ERROR`,
      `backend ${TOPIC} autoscaling:EC2_INSTANCE_TERMINATE`,
      `backend ${TOPIC} autoscaling:EC2_INSTANCE_TERMINATE_ERROR`,
    ]);
  });

  test('without a subcommand, the file is applied, as the original did', async () => {
    const r = await h.run([FIXTURE]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain('Applied 21 changes.');
    expect([...(await groups()).keys()].sort()).toEqual(['backend', 'frontend', 'stage']);
  });

  test('a second apply is a no-op: five reads, zero mutating calls, and plan exits 0', async () => {
    await applyFixture();
    const again = await h.run(['apply', FIXTURE]);
    expect(again.code).toBe(0);
    expect(again.stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
    expect(h.counter.mutating).toEqual([]);
    expect(tally(h.counter.actions)).toEqual({ DescribeAutoScalingGroups: 1, DescribeAlarms: 1, DescribeLaunchConfigurations: 1, DescribePolicies: 1, DescribeNotificationConfigurations: 1 });

    const p = await h.run(['plan', FIXTURE]);
    expect(p.code).toBe(0);
    expect(h.counter.mutating).toEqual([]);
    const json = await h.run(['plan', FIXTURE, '--json']);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual({ changes: false, summary: { create: 0, update: 0, replace: 0, delete: 0 }, actions: [], kept: [], warnings: [] });
  });

  test('plan before anything exists exits 2 and sends only reads', async () => {
    const r = await h.run(['plan', FIXTURE]);
    expect(r.code).toBe(2);
    expect(r.stdout).toContain('+ create group backend');
    expect(h.counter.mutating).toEqual([]);
    expect(await groups()).toEqual(new Map());
  });
});

describe('changes', () => {
  test('a changed AMI: exactly one new launch configuration, the group switched to it, the old one deleted', async () => {
    await applyFixture();
    const changed = h.file('autoscale.yaml', TEXT.replace("ami: 'ami-4e5f6a7b'", "ami: 'ami-77777777'"));
    const p = await h.run(['plan', changed]);
    expect(p.code).toBe(2);
    expect(p.stdout).toBe([
      '+ create launch_configuration frontend-2',
      '      ami: ami-4e5f6a7b → ami-77777777',
      '      # replaces frontend-1 for group frontend',
      '~ update group frontend',
      '      launch_configuration: frontend-1 → frontend-2',
      '- delete launch_configuration frontend-1',
      '      # replaced by frontend-2',
      '',
      'Plan: 1 to create, 1 to update, 0 to replace, 1 to delete.',
      '',
    ].join('\n'));
    const r = await h.run(['apply', changed]);
    expect(r.code).toBe(0);
    expect(h.counter.mutating).toEqual(['CreateLaunchConfiguration', 'UpdateAutoScalingGroup', 'DeleteLaunchConfiguration']);
    expect(await launchConfigNames()).toEqual(['backend-1', 'frontend-2', 'stage-1']);
    expect((await groups()).get('frontend')?.launchConfigName).toBe('frontend-2');
    const [lc] = await h.autoscale().getAllLaunchConfigurations({ names: ['frontend-2'] });
    expect(lc?.imageId).toBe('ami-77777777');
    expect((await h.run(['apply', changed])).stdout).toBe(`No changes: AWS matches ${changed}.\n`);
    expect(h.counter.mutating).toEqual([]);
  });

  test('capacity is kept across applies (the alarms own it) unless the file changes it, or --reset-capacity', async () => {
    await applyFixture();
    await h.autoscale().setDesiredCapacity('frontend', 9);
    expect((await h.run(['apply', FIXTURE])).code).toBe(0);
    expect(h.counter.mutating).toEqual([]);
    expect((await groups()).get('frontend')?.desiredCapacity).toBe(9);

    const five = h.file('capacity.yaml', TEXT.replace('    capacity: 4\n', '    capacity: 5\n'));
    const r = await h.run(['apply', five]);
    expect(r.stdout).toContain('      desired_capacity: 9 → 5\n      # capacity changed in the file (4 → 5)');
    expect(h.counter.mutating).toEqual(['UpdateAutoScalingGroup', 'CreateOrUpdateTags']);
    expect((await groups()).get('frontend')?.desiredCapacity).toBe(5);

    await h.autoscale().setDesiredCapacity('frontend', 7);
    expect((await h.run(['apply', five])).code).toBe(0);
    expect(h.counter.mutating).toEqual([]);
    expect((await groups()).get('frontend')?.desiredCapacity).toBe(7);

    expect((await h.run(['apply', five, '--reset-capacity'])).code).toBe(0);
    expect(h.counter.mutating).toEqual(['UpdateAutoScalingGroup']);
    expect((await groups()).get('frontend')?.desiredCapacity).toBe(5);
  });

  test('a changed policy, alarm, tag and topic are updated in place', async () => {
    await applyFixture();
    const changed = h.file('changed.yaml', TEXT
      .replace('    adjustment: 50\n', '    adjustment: 100\n')
      .replace('        threshold: 70\n', '        threshold: 75\n')
      .replace("      role: 'stage'", "      role: 'staging'")
      .replace('autoscale-events', 'autoscale-events-2'));
    const r = await h.run(['apply', changed]);
    expect(r.code).toBe(0);
    expect(tally(h.counter.mutating)).toEqual({
      CreateOrUpdateTags: 1, // stage's role (the topic is read back from AWS, not remembered in a tag)
      PutNotificationConfiguration: 3,
      DeleteNotificationConfiguration: 3,
      PutScalingPolicy: 3,
      PutMetricAlarm: 1,
    });
    const [policy] = await h.autoscale().getAllPolicies({ policyNames: ['stage|scale_up'] });
    expect(policy?.scalingAdjustment).toBe(100);
    const [alarm] = await h.cloudwatch().describeAlarms({ alarmNames: ['backend|scale_up|CPUUtilization'] });
    expect(alarm?.threshold).toBe(75);
    expect(await h.notifications(['stage'])).toEqual([
      `stage ${TOPIC}-2 autoscaling:EC2_INSTANCE_LAUNCH`,
      `stage ${TOPIC}-2 autoscaling:EC2_INSTANCE_LAUNCH_ERROR`,
      `stage ${TOPIC}-2 autoscaling:EC2_INSTANCE_TERMINATE`,
      `stage ${TOPIC}-2 autoscaling:EC2_INSTANCE_TERMINATE_ERROR`,
    ]);
    expect((await h.run(['plan', changed])).code).toBe(0);
  });
});

describe('--prune', () => {
  const withoutStage = (): string => h.file('no-stage.yaml', TEXT.replace(/\n {2}stage:\n[\s\S]*?\n\n {2}frontend:/, '\n  frontend:'));

  async function unmanagedGroup(): Promise<void> {
    const conn = h.autoscale();
    await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'legacy-1', imageId: 'ami-11111111' }));
    await conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'legacy', launchConfig: 'legacy-1', minSize: 1, maxSize: 1, availabilityZones: ['us-west-1a'] }));
    await conn.createScalingPolicy(new ScalingPolicy({ name: 'legacy|scale_up', asName: 'legacy', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1 }));
  }

  test('removing a group and --prune deletes only that group\'s resources, never a group autoscalectl did not create', async () => {
    await applyFixture();
    await unmanagedGroup();
    h.local.clock.advance('2m');
    const file = withoutStage();

    const kept = await h.run(['apply', file]);
    expect(kept.code).toBe(0);
    // Without --prune, groups gone from the file are not even looked for (it reads by name).
    expect(kept.stdout).toBe(`No changes: AWS matches ${file}.\n`);
    expect(h.counter.mutating).toEqual([]);

    const plan = await h.run(['plan', file, '--prune']);
    expect(plan.code).toBe(2);
    expect(plan.stdout).toBe([
      '- delete alarm stage|scale_down|CPUUtilization',
      '- delete alarm stage|scale_up|CPUUtilization',
      '- delete group stage',
      '      # scaled to zero and deleted with its 1 instance and 2 policies',
      '- delete launch_configuration stage-1',
      '',
      'Plan: 0 to create, 0 to update, 0 to replace, 4 to delete.',
      '1 of them terminate instances.',
      '',
    ].join('\n'));

    const refused = await h.run(['apply', file, '--prune']);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toBe('error: the plan terminates instances (delete group stage); give --yes to apply it without a terminal to confirm on\n');
    expect(h.counter.mutating).toEqual([]);

    const declined = await h.run(['apply', file, '--prune'], { confirm: async () => false });
    expect(declined.code).toBe(1);
    expect(h.counter.mutating).toEqual([]);

    const questions: string[] = [];
    const r = await h.run(['apply', file, '--prune'], { confirm: async (q) => { questions.push(q); return true; } });
    expect(questions).toEqual(['This terminates instances (delete group stage).']);
    expect(r.code).toBe(0);
    expect(h.counter.mutating).toEqual(['DeleteAlarms', 'UpdateAutoScalingGroup', 'DeleteAutoScalingGroup', 'DeleteLaunchConfiguration']);

    expect([...(await groups()).keys()].sort()).toEqual(['backend', 'frontend', 'legacy']);
    expect(await launchConfigNames()).toEqual(['backend-1', 'frontend-1', 'legacy-1']);
    expect(await policyNames()).toEqual(['backend|scale_down', 'backend|scale_up', 'frontend|scale_down', 'frontend|scale_up', 'legacy|scale_up']);
    expect(await alarmNames()).toEqual([
      'backend|scale_down|CPUUtilization', 'backend|scale_up|CPUUtilization', 'frontend|scale_down|CPUUtilization', 'frontend|scale_up|CPUUtilization',
    ]);

    const again = await h.run(['apply', file, '--prune', '--yes']);
    expect(again.stdout).toBe(`No changes: AWS matches ${file}.\n`);
    expect(h.counter.mutating).toEqual([]);
  });

  test('--yes applies without asking', async () => {
    await applyFixture();
    const r = await h.run(['apply', withoutStage(), '--prune', '--yes']);
    expect(r.code).toBe(0);
    expect([...(await groups()).keys()].sort()).toEqual(['backend', 'frontend']);
  });
});

describe('a partial failure', () => {
  test('stops, says what was applied and what not, exits 1; a re-run finishes the job', async () => {
    h.counter.failWhen = (call) => call.action === 'PutScalingPolicy' && call.body.includes('stage');
    const r = await h.run(['apply', FIXTURE]);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain('[12/21] create policy stage|scale_up FAILED: injected failure\n');
    expect(r.stderr).toContain([
      'error: create policy stage|scale_up failed: injected failure',
      'Applied (11):',
      '  create launch_configuration backend-1',
    ].join('\n'));
    expect(r.stderr).toContain([
      '  create policy backend|scale_down',
      'Not applied (10):',
      '  create policy stage|scale_up',
      '  create policy stage|scale_down',
    ].join('\n'));
    expect(r.stderr).toContain('Run the same command again to finish: it starts from what now exists.\n');

    const again = await h.run(['apply', FIXTURE]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('Plan: 10 to create, 0 to update, 0 to replace, 0 to delete.');
    expect(tally(h.counter.mutating)).toEqual({ PutScalingPolicy: 4, PutMetricAlarm: 6 });

    const third = await h.run(['apply', FIXTURE]);
    expect(third.stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
    expect(h.counter.mutating).toEqual([]);
  });

  test('interrupted between a group and its notification: the re-run still sets the notification', async () => {
    h.counter.failWhen = (call) => call.action === 'PutNotificationConfiguration';
    expect((await h.run(['apply', FIXTURE])).code).toBe(1);
    expect(await h.notifications(['backend'])).toEqual([]);
    expect((await h.run(['apply', FIXTURE])).code).toBe(0);
    expect(await h.notifications(['backend'])).toHaveLength(4);
  });

  test('interrupted after a new launch configuration: the re-run reuses it and switches the group', async () => {
    await applyFixture();
    const changed = h.file('autoscale.yaml', TEXT.replace("ami: 'ami-4e5f6a7b'", "ami: 'ami-77777777'"));
    h.counter.failWhen = (call) => call.action === 'UpdateAutoScalingGroup';
    expect((await h.run(['apply', changed])).code).toBe(1);
    expect(await launchConfigNames()).toEqual(['backend-1', 'frontend-1', 'frontend-2', 'stage-1']);
    const r = await h.run(['apply', changed]);
    expect(r.code).toBe(0);
    expect(h.counter.mutating).toEqual(['UpdateAutoScalingGroup', 'DeleteLaunchConfiguration']);
    expect(await launchConfigNames()).toEqual(['backend-1', 'frontend-2', 'stage-1']);
  });
});

describe('errors', () => {
  test('a config with several errors reports every one with its line, and makes no call', async () => {
    const bad = h.file('bad.yaml', TEXT.replace('    min_size: 2\n', '    min_size: 20\n').replace("comparison: '<='", "comparison: '=<'").replace("type: 'PercentChangeInCapacity'\n    cooldown: 600", "type: 'Percent'\n    cooldown: 600"));
    for (const cmd of [['validate', bad], ['plan', bad], ['apply', bad], [bad]]) {
      const r = await h.run(cmd);
      expect(r.code).toBe(1);
      expect(r.stdout).toBe('');
      expect(r.stderr).toBe([
        `error: ${bad}:9:5: groups.backend.min_size: min_size (20) is greater than max_size (8)`,
        `error: ${bad}:11:5: groups.backend.capacity: capacity (2) is less than min_size (20)`,
        `error: ${bad}:59:9: groups.stage.alarms[1].comparison: must be one of >, >=, <, <= or GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold, got "=<"`,
        `error: ${bad}:99:5: policies.scale_down.type: must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, Step, TargetTracking; got "Percent" (did you mean "PercentChangeInCapacity"?)`,
        `4 errors in ${bad}; nothing was sent to AWS.`,
        '',
      ].join('\n'));
      expect(h.counter.calls).toEqual([]);
    }
  });

  test('validate: a valid file, in words and in JSON', async () => {
    expect(await h.run(['validate', FIXTURE])).toEqual({ code: 0, stdout: `${FIXTURE} is valid: 3 groups, 0 load balancers.\n`, stderr: '' });
    const json = await h.run(['validate', FIXTURE, '--json']);
    expect(JSON.parse(json.stdout)).toEqual({ valid: true, errors: [], groups: ['backend', 'stage', 'frontend'], loadBalancers: [] });
    expect(h.counter.calls).toEqual([]);
  });

  test('a missing file', async () => {
    const r = await h.run(['plan', join(h.dir, 'nope.yaml')]);
    expect(r.code).toBe(1);
    expect(r.stderr).toBe(`error: cannot read ${join(h.dir, 'nope.yaml')}: ENOENT: no such file or directory, open '${join(h.dir, 'nope.yaml')}'\n`);
  });

  test('AWS refusing a read: exit 1 with its message', async () => {
    h.counter.failWhen = (call) => call.action === 'DescribeAutoScalingGroups';
    const r = await h.run(['plan', FIXTURE]);
    expect(r).toEqual({ code: 1, stdout: '', stderr: 'error: injected failure\n' });
  });

  test('usage errors and help', async () => {
    const r = await h.run(['plan']);
    expect(r.code).toBe(1);
    expect(r.stderr).toContain("error: missing required argument 'config'");
    const help = await h.run(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toContain('Usage: autoscalectl [options] [command] [config]');
  });
});
