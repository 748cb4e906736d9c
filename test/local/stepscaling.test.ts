/**
 * Step scaling driven by a CloudWatch alarm in botoscale local: the alarm hands the policy
 * its newest datapoint, the step covering (value − threshold) applies; AWS's step checks.
 * Also: the spot market, demand and mixed groups survive a restart from the state file.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling } from '@aws-sdk/client-auto-scaling';
import { CloudWatch } from '@aws-sdk/client-cloudwatch';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;
let cw: CloudWatch;

async function open(stateFile?: string): Promise<void> {
  local = await startTest(stateFile === undefined ? {} : { state: stateFile });
  as = new AutoScaling(clientConfig(local.endpoint));
  cw = new CloudWatch(clientConfig(local.endpoint));
}

async function shut(): Promise<void> {
  as.destroy();
  cw.destroy();
  await local.close();
}

async function group(): Promise<void> {
  const ec2 = new EC2(clientConfig(local.endpoint));
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' } });
  ec2.destroy();
  await as.createAutoScalingGroup({
    AutoScalingGroupName: 'web',
    MinSize: 1,
    MaxSize: 10,
    DesiredCapacity: 2,
    AvailabilityZones: ['us-east-1a'],
    MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'web' }, Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }] }, InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 0 } },
  });
  local.clock.advance('30s');
}

describe('step scaling', () => {
  beforeEach(() => open());
  afterEach(() => shut());

  test('an alarm at 80% over a 50% threshold takes the [20, ∞) step: +3', async () => {
    await group();
    const { PolicyARN } = await as.putScalingPolicy({
      AutoScalingGroupName: 'web',
      PolicyName: 'steps',
      PolicyType: 'StepScaling',
      AdjustmentType: 'ChangeInCapacity',
      MetricAggregationType: 'Average',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 20, ScalingAdjustment: 3 },
      ],
    });
    await cw.putMetricAlarm({
      AlarmName: 'cpu-high',
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'web' }],
      Period: 60,
      EvaluationPeriods: 1,
      Threshold: 50,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      AlarmActions: [PolicyARN as string],
    });
    local.setLoad('web', 80);
    local.clock.advance('2m');
    const g = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
    expect(g?.DesiredCapacity).toBe(5);
    const causes = ((await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? []).map((a) => a.Cause ?? '');
    expect(causes.some((c) => /a monitor alarm cpu-high in state ALARM triggered policy steps changing the desired capacity from 2 to 5\./.test(c))).toBe(true);
  });

  test.each([
    [[{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 20, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 10, ScalingAdjustment: 2 }], 'Step adjustments must not overlap and must not have gaps between them.'],
    [[{ MetricIntervalLowerBound: 20, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }], 'Upper bound of a step adjustment must be greater than its lower bound.'],
    [[], 'Step adjustments must be specified for a StepScaling policy.'],
    // StepAdjustment (API Reference): the rest of its interval rules, shared with the client through src/core/rules.
    [[{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { ScalingAdjustment: 2 }], 'The upper and lower bound of a step adjustment cannot both be null.'],
    [[{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }, { MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }], 'Only one step adjustment can have an unbounded lower or upper bound.'],
    [[{ MetricIntervalLowerBound: -10, ScalingAdjustment: 1 }], 'A step adjustment with a negative lower bound requires a step adjustment with an unbounded lower bound.'],
    [[{ MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }], 'A step adjustment with a positive upper bound requires a step adjustment with an unbounded upper bound.'],
    [[{ MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 10, ScalingAdjustment: 1 }, { MetricIntervalLowerBound: 20, ScalingAdjustment: 2 }], 'Step adjustments must not overlap and must not have gaps between them.'],
  ])('steps %j are refused', async (steps, message) => {
    await group();
    const e = await failure(as.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 's', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', StepAdjustments: steps }));
    expect(e).toMatchObject({ status: 400, message });
  });

  test('MinAdjustmentMagnitude only with PercentChangeInCapacity', async () => {
    await group();
    const e = await failure(
      as.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 's', PolicyType: 'StepScaling', AdjustmentType: 'ChangeInCapacity', MinAdjustmentMagnitude: 2, StepAdjustments: [{ MetricIntervalLowerBound: 0, ScalingAdjustment: 1 }] }),
    );
    expect(e.message).toBe('MinAdjustmentMagnitude (MinAdjustmentStep) is only supported with the PercentChangeInCapacity adjustment type.');
  });
});

describe('the state file', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'botoscale-spot-'));
  });
  afterEach(async () => {
    await shut();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a mixed group, its spot instances, pool limits, demand and target tracking alarms survive a restart', async () => {
    const file = join(dir, 'state.json');
    await open(file);
    await group();
    local.spot.setCapacity('us-east-1b', 'c5.large', 7);
    local.setDemand('web', 120);
    await as.putScalingPolicy({ AutoScalingGroupName: 'web', PolicyName: 'tt', PolicyType: 'TargetTrackingScaling', TargetTrackingConfiguration: { PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' }, TargetValue: 50 } });
    const before = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
    await shut();
    await open(file);
    const after = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0];
    expect(after?.MixedInstancesPolicy).toEqual(before?.MixedInstancesPolicy);
    expect(after?.Instances).toEqual(before?.Instances);
    expect(local.cloud.spot.capacity('us-east-1b', 'c5.large').available).toBe(7);
    expect(local.cloud.demandOf('web')).toBe(120);
    expect(local.cloud.ec2.getInstance(after?.Instances?.[0]?.InstanceId as string)?.instanceLifecycle).toBe('spot');
    const [p] = (await as.describePolicies({ AutoScalingGroupName: 'web' })).ScalingPolicies ?? [];
    expect(p?.Alarms).toHaveLength(2);
    expect(await failure(cw.deleteAlarms({ AlarmNames: [p?.Alarms?.[0]?.AlarmName as string] }))).toMatchObject({ status: 400 });
  });
});
