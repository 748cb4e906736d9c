import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { AutoScalingGroup, LaunchConfiguration, ScalingPolicy, Tag } from '../../src/autoscale';
import { MetricAlarm } from '../../src/cloudwatch';
import { desired } from './state';
import { Harness, tally } from './harness';

const FIXTURE = join(__dirname, 'fixtures', 'autoscale.yaml');

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.close();
});

/** What the original AutoScaleCTL left behind for the fixture: its names, no autoscalectl marks, launch configuration number 3. */
async function originalFleet(): Promise<void> {
  const d = desired(readFileSync(FIXTURE, 'utf8'));
  const conn = h.autoscale();
  const cw = h.cloudwatch();
  for (const g of d.groups) {
    const lc = g.launchConfig;
    await conn.createLaunchConfiguration(new LaunchConfiguration({
      name: `${g.name}-3`, imageId: lc.imageId, keyName: lc.keyName, securityGroups: lc.securityGroups, instanceType: lc.instanceType, userData: lc.userData,
    }));
    await conn.createAutoScalingGroup(new AutoScalingGroup({
      name: g.name, launchConfig: `${g.name}-3`, minSize: g.minSize, maxSize: g.maxSize, desiredCapacity: g.capacity, availabilityZones: g.zones,
      tags: g.tags.map((t) => new Tag({ key: t.key, value: t.value, resourceId: g.name })),
    }));
    await conn.putNotificationConfiguration(g.name, g.notificationTopic ?? '', ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_LAUNCH_ERROR', 'autoscaling:EC2_INSTANCE_TERMINATE', 'autoscaling:EC2_INSTANCE_TERMINATE_ERROR']);
    for (const p of g.policies) {
      await conn.createScalingPolicy(new ScalingPolicy({ name: p.name, asName: g.name, adjustmentType: p.adjustmentType, scalingAdjustment: p.scalingAdjustment, cooldown: p.cooldown }));
    }
    const policies = await conn.getAllPolicies({ asGroup: g.name });
    for (const a of g.alarms) {
      await cw.putMetricAlarm(new MetricAlarm({
        name: a.name, metric: a.metric, namespace: a.namespace, statistic: 'Average', comparison: a.comparison, threshold: a.threshold, period: a.period,
        evaluationPeriods: a.evaluationPeriods, dimensions: { AutoScalingGroupName: g.name }, alarmActions: [policies.find((p) => p.name === a.policy)?.policyArn],
      }));
    }
  }
}

test('a fleet the original managed is adopted without churn: only autoscalectl\'s marks are added', async () => {
  await originalFleet();
  // The alarms moved backend since the original's last run.
  await h.autoscale().setDesiredCapacity('backend', 5);

  const p = await h.run(['plan', FIXTURE]);
  expect(p.stdout).toBe([
    '+ create tags of group backend',
    '      autoscalectl:managed: true',
    '      autoscalectl:capacity: 2',
    '+ create tags of group stage',
    '      autoscalectl:managed: true',
    '      autoscalectl:capacity: 1',
    '+ create tags of group frontend',
    '      autoscalectl:managed: true',
    '      autoscalectl:capacity: 4',
    // The notifications the original set are read back (DescribeNotificationConfigurations): nothing to redo.
    '',
    'Plan: 3 to create, 0 to update, 0 to replace, 0 to delete.',
    '',
  ].join('\n'));

  const r = await h.run(['apply', FIXTURE]);
  expect(r.code).toBe(0);
  expect(tally(h.counter.mutating)).toEqual({ CreateOrUpdateTags: 3 });
  const [backend] = await h.autoscale().getAllGroups({ names: ['backend'] });
  expect([backend?.launchConfigName, backend?.desiredCapacity]).toEqual(['backend-3', 5]);

  expect((await h.run(['apply', FIXTURE])).stdout).toBe(`No changes: AWS matches ${FIXTURE}.\n`);
  expect(h.counter.mutating).toEqual([]);

  // The next launch configuration continues the original's numbering.
  const changed = h.file('autoscale.yaml', readFileSync(FIXTURE, 'utf8').replace("ami: 'ami-4e5f6a7b'", "ami: 'ami-77777777'"));
  expect((await h.run(['plan', changed])).stdout).toContain('+ create launch_configuration frontend-4\n');
});
