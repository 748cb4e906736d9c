/**
 * The scenario botoscale local exists for: seed 000/001's "above 70 % for two minutes adds
 * an instance, below 40 % removes one", played by the real Auto Scaling and CloudWatch
 * over a fake EC2 on a hand-driven clock.
 */
import { performance } from 'node:perf_hooks';
import { T0, list } from '../autoscale/fakes';
import { cloudWatchEnv, type CloudWatchEnv } from './env';

interface Change {
  /** Seconds since T0. */
  at: number;
  desired: number;
}

function setUp(env: CloudWatchEnv): void {
  env.asCall('CreateLaunchConfiguration', { LaunchConfigurationName: 'my-launch_config', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
  env.asCall('CreateAutoScalingGroup', {
    AutoScalingGroupName: 'my_group',
    LaunchConfigurationName: 'my-launch_config',
    MinSize: 2,
    MaxSize: 6,
    DesiredCapacity: 2,
    AvailabilityZones: ['us-east-1a', 'us-east-1b'],
  });
  const policy = (name: string, adjustment: number): string =>
    String(env.asCall('PutScalingPolicy', { AutoScalingGroupName: 'my_group', PolicyName: name, AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: adjustment, Cooldown: 180 }).PolicyARN);
  const up = policy('scale_up', 1);
  const down = policy('scale_down', -1);
  const alarm = (name: string, op: string, threshold: number, arn: string): void => {
    env.call('PutMetricAlarm', {
      AlarmName: name,
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Statistic: 'Average',
      ComparisonOperator: op,
      Threshold: threshold,
      Period: 60,
      EvaluationPeriods: 2,
      AlarmActions: [arn],
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
  };
  alarm('scale_up_on_cpu', 'GreaterThanThreshold', 70, up);
  alarm('scale_down_on_cpu', 'LessThanThreshold', 40, down);
}

/** Runs `minutes` of simulated time, noting every change of the desired capacity. */
function run(env: CloudWatchEnv, minutes: number, changes: Change[]): void {
  for (let s = 0; s < minutes * 6; s++) {
    env.advance('10s');
    const desired = env.asState.groups.get('my_group')?.desiredCapacity ?? -1;
    if (desired !== changes[changes.length - 1]?.desired) changes.push({ at: (env.cloud.clock.now() - T0) / 1000, desired });
  }
}

function inService(env: CloudWatchEnv): number {
  return env.asState.groups.get('my_group')?.instances.filter((i) => i.lifecycleState === 'InService').length ?? -1;
}

test('load at 85 % scales the group up to 6, spaced by the cooldown; at 20 % it scales down to 2', () => {
  const started = performance.now();
  const env = cloudWatchEnv();
  setUp(env);
  const changes: Change[] = [{ at: 0, desired: 2 }];
  run(env, 2, changes);
  expect(inService(env)).toBe(2);
  expect(changes).toEqual([{ at: 0, desired: 2 }]);

  env.cloud.setLoad('my_group', 85);
  run(env, 24, changes);
  // The load set at 00:02 is first reported for the minute 00:03; two minutes above 70 %
  // fire the alarm at 00:05. Each step then waits for the new instance (20 s) and the 180 s
  // cooldown, and the alarm, still in ALARM, runs the policy again each minute.
  expect(changes).toEqual([
    { at: 0, desired: 2 },
    { at: 300, desired: 3 },
    { at: 540, desired: 4 },
    { at: 780, desired: 5 },
    { at: 1020, desired: 6 },
  ]);
  for (let i = 2; i < changes.length; i++) {
    expect((changes[i] as Change).at - (changes[i - 1] as Change).at).toBeGreaterThanOrEqual(180 + 20);
  }
  expect(inService(env)).toBe(6);
  const up = list(env.asCall('DescribeScalingActivities', { AutoScalingGroupName: 'my_group', MaxRecords: 4 }).Activities);
  expect(String(up[0]?.Cause)).toMatch(
    /^At 2026-01-01T00:17:00Z a monitor alarm scale_up_on_cpu in state ALARM triggered policy scale_up changing the desired capacity from 5 to 6\. {2}At 2026-01-01T00:17:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 5 to 6\.$/,
  );

  const atMax = changes.length;
  env.cloud.setLoad('my_group', 20);
  run(env, 24, changes);
  // 20 % from 00:26 is first reported for 00:27; below 40 % for two minutes at 00:29. Each
  // scale-in waits for the termination (10 s) and the cooldown.
  expect(changes.slice(atMax)).toEqual([
    { at: 1740, desired: 5 },
    { at: 1980, desired: 4 },
    { at: 2220, desired: 3 },
    { at: 2460, desired: 2 },
  ]);
  for (let i = atMax + 1; i < changes.length; i++) {
    expect((changes[i] as Change).at - (changes[i - 1] as Change).at).toBeGreaterThanOrEqual(180 + 10);
  }
  expect(inService(env)).toBe(2);
  expect(Math.max(...changes.map((c) => c.desired))).toBe(6);
  expect(Math.min(...changes.map((c) => c.desired))).toBe(2);

  const alarms = list(env.call('DescribeAlarms').MetricAlarms);
  expect(alarms.map((a) => [a.AlarmName, a.StateValue])).toEqual([
    ['scale_down_on_cpu', 'ALARM'],
    ['scale_up_on_cpu', 'OK'],
  ]);
  const history = list(env.call('DescribeAlarmHistory', { AlarmName: 'scale_up_on_cpu', HistoryItemType: 'StateUpdate', ScanBy: 'TimestampAscending' }).AlarmHistoryItems);
  expect(history.map((h) => h.HistorySummary)).toEqual(['Alarm updated from INSUFFICIENT_DATA to ALARM', 'Alarm updated from ALARM to OK']);
  expect(JSON.parse(String(history[0]?.HistoryData))).toMatchObject({
    newState: { stateValue: 'ALARM', stateReason: 'Threshold Crossed: 2 datapoints [85.0 (01/01/26 00:04:00), 85.0 (01/01/26 00:03:00)] were greater than the threshold (70.0).' },
  });
  expect(performance.now() - started).toBeLessThan(1000);
});
