/**
 * Target tracking scaling policies in botoscale local, through the SDK clients: the two
 * alarms AWS creates and owns, DescribePolicies, AWS's validation, and the simulation —
 * with demand 170 and a CPU target of 50 a group of 2 settles at 4 and stays there.
 */
import { AutoScaling, type PutScalingPolicyCommandInput } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;
let cw: CloudWatch;

beforeEach(async () => {
  local = await startTest();
  const ec2 = new EC2(clientConfig(local.endpoint));
  as = new AutoScaling(clientConfig(local.endpoint));
  cw = new CloudWatch(clientConfig(local.endpoint));
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' } });
  ec2.destroy();
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'web', MinSize: 1, MaxSize: 10, DesiredCapacity: 2, AvailabilityZones: ['us-east-1a', 'us-east-1b'], LaunchTemplate: { LaunchTemplateName: 'web' } });
  local.clock.advance('30s');
});

afterEach(async () => {
  as.destroy();
  cw.destroy();
  await local.close();
});

function cpuPolicy(extra: Partial<PutScalingPolicyCommandInput> = {}): Promise<{ PolicyARN?: string; Alarms?: Array<{ AlarmName?: string; AlarmARN?: string }> }> {
  return as.putScalingPolicy({
    AutoScalingGroupName: 'web',
    PolicyName: 'cpu50',
    PolicyType: 'TargetTrackingScaling',
    TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 },
    ...extra,
  });
}

async function capacity(): Promise<{ desired: number; inService: number }> {
  const g = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
  return { desired: g?.DesiredCapacity ?? -1, inService: (g?.Instances ?? []).filter((i) => i.LifecycleState === 'InService').length };
}

describe('target tracking policies', () => {
  test('creating the policy creates its AlarmHigh and AlarmLow, which DescribePolicies lists', async () => {
    const out = await cpuPolicy({ EstimatedInstanceWarmup: 120 });
    expect(out.Alarms?.map((a) => a.AlarmName)).toEqual([expect.stringMatching(/^TargetTracking-web-AlarmHigh-[0-9a-f-]{36}$/), expect.stringMatching(/^TargetTracking-web-AlarmLow-[0-9a-f-]{36}$/)]);
    const alarms = (await cw.describeAlarms({ AlarmNamePrefix: 'TargetTracking-web-' })).MetricAlarms ?? [];
    const high = alarms.find((a) => a.AlarmName?.includes('AlarmHigh'));
    const low = alarms.find((a) => a.AlarmName?.includes('AlarmLow'));
    expect(high).toMatchObject({ MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3, Threshold: 50, ComparisonOperator: 'GreaterThanThreshold', Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }], AlarmActions: [out.PolicyARN] });
    expect(high?.AlarmDescription).toBe(`DO NOT EDIT OR DELETE. For TargetTrackingScaling policy ${out.PolicyARN}.`);
    expect(low).toMatchObject({ EvaluationPeriods: 15, DatapointsToAlarm: 15, Threshold: 45, ComparisonOperator: 'LessThanThreshold' });
    const [p] = (await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies ?? [];
    expect(p).toMatchObject({
      PolicyType: 'TargetTrackingScaling',
      EstimatedInstanceWarmup: 120,
      TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50, DisableScaleIn: false },
    });
    expect(p?.Alarms?.map((a) => a.AlarmName).sort()).toEqual(out.Alarms?.map((a) => a.AlarmName).sort());
  });

  test('DisableScaleIn: only AlarmHigh; deleting the policy deletes its alarms', async () => {
    const out = await cpuPolicy({ TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50, DisableScaleIn: true } });
    expect(out.Alarms).toHaveLength(1);
    await as.deletePolicy({ AutoScalingGroupName: 'web', PolicyName: 'cpu50' });
    expect((await cw.describeAlarms({ AlarmNamePrefix: 'TargetTracking-' })).MetricAlarms).toEqual([]);
  });

  test('users cannot change or delete the alarms the policy owns', async () => {
    const out = await cpuPolicy();
    const name = out.Alarms?.[0]?.AlarmName as string;
    const expected = `Alarm ${name} is managed by the TargetTrackingScaling policy ${out.PolicyARN} (DO NOT EDIT OR DELETE): change or delete the policy instead.`;
    expect(await failure(cw.deleteAlarms({ AlarmNames: [name] }))).toMatchObject({ status: 400, message: expected });
    const put = cw.putMetricAlarm({ AlarmName: name, MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold' });
    expect(await failure(put)).toMatchObject({ status: 400, message: expected });
  });

  test.each([
    [{ TargetTrackingConfiguration: undefined }, 'TargetTrackingConfiguration is required for a TargetTrackingScaling policy.'],
    [{ TargetTrackingConfiguration: { TargetValue: 50 } }, 'TargetTrackingConfiguration must contain exactly one of PredefinedMetricSpecification and CustomizedMetricSpecification.'],
    [{ TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget' }, TargetValue: 50 } }, 'ResourceLabel is required for the ALBRequestCountPerTarget predefined metric type.'],
    [{ TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization', ResourceLabel: 'x' }, TargetValue: 50 } }, 'ResourceLabel is only valid with the ALBRequestCountPerTarget predefined metric type, not ASGAverageCPUUtilization.'],
    [{ TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 0 } }, 'TargetValue must be greater than 0, got 0.'],
    [{ TargetTrackingConfiguration: { CustomizedMetricSpecification: { MetricName: 'Queue', Namespace: 'App' }, TargetValue: 5 } }, 'CustomizedMetricSpecification must contain MetricName, Namespace and Statistic.'],
    [{ AdjustmentType: 'ChangeInCapacity' }, 'AdjustmentType is not supported by TargetTrackingScaling policies.'],
    [{ Cooldown: 60 }, 'Cooldown is not supported by TargetTrackingScaling policies.'],
    [{ PolicyType: 'PredictiveScaling' }, 'Policy type PredictiveScaling is not simulated by botoscale local (it forecasts from days of history); use TargetTrackingScaling, StepScaling or SimpleScaling.'],
  ] as Array<[Partial<PutScalingPolicyCommandInput>, string]>)('refused: %j', async (extra, message) => {
    expect(await failure(cpuPolicy(extra))).toMatchObject({ name: 'ValidationError', status: 400, message });
  });

  test('ExecutePolicy on a target tracking policy is refused rather than ignored', async () => {
    await cpuPolicy();
    const e = await failure(as.executePolicy({ AutoScalingGroupName: 'web', PolicyName: 'cpu50' }));
    expect(e).toMatchObject({ status: 400, message: 'ExecutePolicy is supported only by SimpleScaling and StepScaling policies: a TargetTrackingScaling policy acts on its own alarms.' });
  });

  test('ALBRequestCountPerTarget and customized metrics set their alarms on the metric named', async () => {
    const label = 'app/my-alb/778d41231b141a0f/targetgroup/my-tg/943f017f100becff';
    await cpuPolicy({ PolicyName: 'req', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label }, TargetValue: 1000 } });
    await cpuPolicy({ PolicyName: 'queue', TargetTrackingConfiguration: { CustomizedMetricSpecification: { MetricName: 'Backlog', Namespace: 'App', Statistic: 'Average', Dimensions: [{ Name: 'Queue', Value: 'jobs' }] }, TargetValue: 10 } });
    const alarms = (await cw.describeAlarms({ AlarmNamePrefix: 'TargetTracking-web-AlarmHigh' })).MetricAlarms ?? [];
    expect(alarms.map((a) => [a.Namespace, a.MetricName, a.Statistic, a.Dimensions]).sort()).toEqual(
      [
        ['AWS/ApplicationELB', 'RequestCountPerTarget', 'Sum', [{ Name: 'TargetGroup', Value: 'targetgroup/my-tg/943f017f100becff' }]],
        ['App', 'Backlog', 'Average', [{ Name: 'Queue', Value: 'jobs' }]],
      ].sort(),
    );
  });

  test('demand 170, CPU target 50: a group of 2 (max 10) settles at 4 within 15 simulated minutes and stays at 4 for the next 30', async () => {
    local.setDemand('web', 170);
    await cpuPolicy();
    for (let minute = 1; minute <= 15; minute++) local.clock.advance('1m');
    expect(await capacity()).toEqual({ desired: 4, inService: 4 });
    const seen = new Set<string>();
    for (let minute = 1; minute <= 30; minute++) {
      local.clock.advance('1m');
      const c = await capacity();
      seen.add(`${c.desired}/${c.inService}`);
    }
    expect([...seen]).toEqual(['4/4']);
    const causes = ((await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? []).map((a) => a.Cause ?? '');
    expect(causes.filter((c) => /a monitor alarm TargetTracking-web-AlarmHigh-\S+ in state ALARM triggered policy cpu50 changing the desired capacity from 2 to 4\./.test(c))).toHaveLength(2);
  });

  test('demand falling: the group scales in after AlarmLow, to ceil(demand / target), and settles', async () => {
    local.setDemand('web', 170);
    await cpuPolicy({ EstimatedInstanceWarmup: 60 });
    for (let minute = 1; minute <= 15; minute++) local.clock.advance('1m');
    expect((await capacity()).desired).toBe(4);
    local.setDemand('web', 60);
    const history: number[] = [];
    for (let minute = 1; minute <= 40; minute++) {
      local.clock.advance('1m');
      history.push((await capacity()).desired);
    }
    // At 4 instances 42.5% was already below AlarmLow's 45%, so AlarmLow is in ALARM and acts
    // every minute: once a datapoint shows the lower demand, ceil(4 × 15 / 50) = 2; at 2 × 30%
    // it asks for ceil(2 × 30 / 50) = 2 again, which changes nothing.
    expect(history.slice(0, 2)).toEqual([4, 4]);
    expect(history.slice(-30)).toEqual(Array(30).fill(2));
    expect(new Set(history)).toEqual(new Set([4, 2]));
  });
});
