/**
 * ScalingPolicy's three types end to end against botoscale local: each created and read
 * back; a target-tracking policy's two alarms, which AWS (and botoscale local) create and
 * own, appear in CloudWatch and go when the policy goes; and the policy scales the group.
 */
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, ScalingPolicy } from '../../src/autoscale';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { BotoServerError } from '../../src/core';
import { startLocal, type LocalEndpoint } from '../../src/local';

let local: LocalEndpoint;
let conn: AutoScaleConnection;
let cw: CloudWatchConnection;

beforeEach(async () => {
  local = await startLocal({ port: 0, realTime: false });
  const options = { endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } };
  conn = new AutoScaleConnection(options);
  cw = new CloudWatchConnection(options);
  await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'web_lc', imageId: 'ami-12345678', instanceType: 'm5.large' }));
  await conn.createAutoScalingGroup(new AutoScalingGroup({ groupName: 'web', availabilityZones: ['us-east-1a', 'us-east-1b'], launchConfig: 'web_lc', minSize: 1, maxSize: 10, desiredCapacity: 2 }));
  local.clock.advance(30_000);
});

afterEach(async () => {
  conn.close();
  cw.close();
  await local.close();
});

const cpu50 = (): ScalingPolicy => new ScalingPolicy({
  name: 'cpu50', asName: 'web', policyType: 'TargetTrackingScaling', estimatedInstanceWarmup: 60,
  targetTrackingConfiguration: { predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50 },
});

async function alarmNames(): Promise<string[]> {
  return (await cw.describeAlarms({ alarmNamePrefix: 'TargetTracking-web-' })).map((a) => a.name as string).sort();
}

test('each type is created and read back as sent', async () => {
  await conn.createScalingPolicy(new ScalingPolicy({ name: 'up', asName: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1, cooldown: 120 }));
  await conn.createScalingPolicy(new ScalingPolicy({
    name: 'steps', asName: 'web', policyType: 'StepScaling', adjustmentType: 'PercentChangeInCapacity', minAdjustmentMagnitude: 1,
    stepAdjustments: [{ upperBound: 0, scalingAdjustment: -10 }, { lowerBound: 0, upperBound: 20, scalingAdjustment: 20 }, { lowerBound: 20, scalingAdjustment: 50 }],
    metricAggregationType: 'Maximum', estimatedInstanceWarmup: 90,
  }));
  await conn.createScalingPolicy(cpu50());
  const policies = await conn.getAllPolicies({ asGroup: 'web' });
  const byName = new Map(policies.map((p) => [p.name, p]));
  expect(policies.map(String).sort()).toEqual([
    'ScalingPolicy(cpu50 group:web type:TargetTrackingScaling target:ASGAverageCPUUtilization=50)',
    'ScalingPolicy(steps group:web type:StepScaling adjustment:PercentChangeInCapacity)',
    'ScalingPolicy(up group:web adjustment:ChangeInCapacity)',
  ]);
  expect(byName.get('up')).toMatchObject({ policyType: 'SimpleScaling', scalingAdjustment: 1, cooldown: 120, stepAdjustments: undefined, targetTrackingConfiguration: undefined });
  expect(byName.get('steps')).toMatchObject({
    policyType: 'StepScaling', minAdjustmentMagnitude: 1, metricAggregationType: 'Maximum', estimatedInstanceWarmup: 90,
    stepAdjustments: [{ upperBound: 0, scalingAdjustment: -10 }, { lowerBound: 0, upperBound: 20, scalingAdjustment: 20 }, { lowerBound: 20, scalingAdjustment: 50 }],
  });
  expect(byName.get('cpu50')).toMatchObject({
    policyType: 'TargetTrackingScaling', estimatedInstanceWarmup: 60, adjustmentType: undefined,
    targetTrackingConfiguration: { predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50, disableScaleIn: false },
  });
  // What was read back is accepted as it is: a policy can be changed and sent again.
  const steps = byName.get('steps') as ScalingPolicy;
  steps.metricAggregationType = 'Average';
  await conn.createScalingPolicy(steps);
  const [again] = await conn.getAllPolicies({ asGroup: 'web', policyNames: ['steps'] });
  expect(again?.metricAggregationType).toBe('Average');
});

test('a target-tracking policy creates its two alarms; deleting the policy deletes them', async () => {
  const p = cpu50();
  await conn.createScalingPolicy(p);
  expect(p.alarms.map((a) => a.name)).toEqual([expect.stringMatching(/^TargetTracking-web-AlarmHigh-[0-9a-f-]{36}$/), expect.stringMatching(/^TargetTracking-web-AlarmLow-[0-9a-f-]{36}$/)]);
  expect(await alarmNames()).toEqual(p.alarms.map((a) => a.name).sort());
  const [read] = await conn.getAllPolicies({ asGroup: 'web', policyNames: ['cpu50'] });
  expect(read?.alarms.map((a) => a.name).sort()).toEqual(p.alarms.map((a) => a.name).sort());
  const [high] = await cw.describeAlarms({ alarmNames: [p.alarms[0]?.name as string] });
  expect(high).toMatchObject({ metric: 'CPUUtilization', namespace: 'AWS/EC2', comparison: '>', threshold: 50, evaluationPeriods: 3, period: 60 });
  expect(high?.alarmActions).toEqual([p.policyArn]);

  // The alarms are the policy's: CloudWatch refuses to delete them.
  const refused = await cw.deleteAlarms([p.alarms[0]?.name as string]).catch((e: unknown) => e);
  expect(refused).toBeInstanceOf(BotoServerError);

  await p.delete();
  expect(await alarmNames()).toEqual([]);
  expect(await conn.getAllPolicies({ asGroup: 'web' })).toHaveLength(0);
});

test('disableScaleIn: only the scale-out alarm', async () => {
  const p = new ScalingPolicy({ name: 'out', asName: 'web', policyType: 'TargetTrackingScaling',
    targetTrackingConfiguration: { predefinedMetric: { type: 'ASGAverageNetworkIn' }, targetValue: 1_000_000, disableScaleIn: true } });
  await conn.createScalingPolicy(p);
  expect(p.alarms.map((a) => a.name)).toEqual([expect.stringMatching(/^TargetTracking-web-AlarmHigh-/)]);
});

test('the target-tracking policy scales the group: demand 170 at a CPU target of 50 settles at 4', async () => {
  await conn.createScalingPolicy(cpu50());
  local.setDemand('web', 170);
  for (let minute = 0; minute < 15; minute++) local.clock.advance(60_000);
  const [g] = await conn.getAllGroups({ names: ['web'] });
  expect(g?.desiredCapacity).toBe(4);
  const activities = await g?.getActivities();
  expect(activities?.some((a) => /TargetTracking-web-AlarmHigh-/.test(a.cause ?? ''))).toBe(true);
});
