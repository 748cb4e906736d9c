import type { WireObject } from '../../../src/local/types';
import { T0, list } from '../autoscale/fakes';
import { cloudWatchEnv, put, type CloudWatchEnv } from './env';

const MIN = 60_000;

function latencyAlarm(env: CloudWatchEnv, extra: WireObject = {}): void {
  env.call('PutMetricAlarm', {
    AlarmName: 'slow',
    Namespace: 'App',
    MetricName: 'Latency',
    Statistic: 'Average',
    Dimensions: [{ Name: 'Service', Value: 'web' }],
    Period: 60,
    EvaluationPeriods: 2,
    Threshold: 100,
    ComparisonOperator: 'GreaterThanThreshold',
    ...extra,
  });
}

function current(env: CloudWatchEnv): WireObject {
  const [a] = list(env.call('DescribeAlarms', { AlarmNames: ['slow'] }).MetricAlarms);
  if (a === undefined) throw new Error('no alarm');
  return a;
}

/** Runs the clock to `at` (ms since T0) in steps. */
function until(env: CloudWatchEnv, at: number): void {
  env.advance(T0 + at - env.cloud.clock.now());
}

describe('alarm evaluation', () => {
  test('INSUFFICIENT_DATA until two periods breach, then ALARM with AWS reason and reason data; OK; back to INSUFFICIENT_DATA without data', () => {
    const env = cloudWatchEnv();
    latencyAlarm(env);
    put(env, 150, T0 + 5_000);
    until(env, MIN);
    // One breaching period is not yet enough either way.
    expect(current(env).StateValue).toBe('INSUFFICIENT_DATA');
    put(env, 150, T0 + MIN + 5_000);
    until(env, 2 * MIN);
    const alarmed = current(env);
    expect(alarmed.StateValue).toBe('ALARM');
    expect(alarmed.StateReason).toBe('Threshold Crossed: 2 datapoints [150.0 (01/01/26 00:01:00), 150.0 (01/01/26 00:00:00)] were greater than the threshold (100.0).');
    expect(alarmed.StateReasonData).toBe(
      '{"version":"1.0","queryDate":"2026-01-01T00:02:00.000+0000","startDate":"2026-01-01T00:00:00.000+0000","statistic":"Average","period":60,"recentDatapoints":[150.0,150.0],"threshold":100.0,"evaluatedDatapoints":[{"timestamp":"2026-01-01T00:01:00.000+0000","sampleCount":1.0,"value":150.0},{"timestamp":"2026-01-01T00:00:00.000+0000","sampleCount":1.0,"value":150.0}]}',
    );
    expect(alarmed.StateUpdatedTimestamp).toEqual(new Date(T0 + 2 * MIN));
    put(env, 50, T0 + 2 * MIN + 5_000);
    until(env, 3 * MIN);
    expect([current(env).StateValue, current(env).StateReason]).toEqual([
      'OK',
      'Threshold Crossed: 1 datapoint [50.0 (01/01/26 00:02:00)] was not greater than the threshold (100.0).',
    ]);
    until(env, 5 * MIN);
    expect([current(env).StateValue, current(env).StateReason]).toEqual(['INSUFFICIENT_DATA', 'Insufficient Data: 2 datapoints were unknown.']);
    const history = list(env.call('DescribeAlarmHistory', { AlarmName: 'slow', HistoryItemType: 'StateUpdate', ScanBy: 'TimestampAscending' }).AlarmHistoryItems);
    expect(history.map((h) => [h.HistorySummary, h.Timestamp])).toEqual([
      ['Alarm updated from INSUFFICIENT_DATA to ALARM', new Date(T0 + 2 * MIN)],
      ['Alarm updated from ALARM to OK', new Date(T0 + 3 * MIN)],
      ['Alarm updated from OK to INSUFFICIENT_DATA', new Date(T0 + 5 * MIN)],
    ]);
    const data = JSON.parse(String(history[1]?.HistoryData)) as { oldState: { stateValue: string; stateReason: string }; newState: { stateValue: string; stateReasonData: { recentDatapoints: number[] } } };
    expect(data.oldState).toEqual({
      stateValue: 'ALARM',
      stateReason: 'Threshold Crossed: 2 datapoints [150.0 (01/01/26 00:01:00), 150.0 (01/01/26 00:00:00)] were greater than the threshold (100.0).',
      stateReasonData: expect.any(Object),
    });
    expect(data.newState.stateReasonData.recentDatapoints).toEqual([150, 50]);
    expect(String(history[1]?.HistoryData)).toContain('"recentDatapoints":[150.0,50.0]');
  });

  test('M out of N: DatapointsToAlarm of EvaluationPeriods, in the "out of the last" wording', () => {
    const env = cloudWatchEnv();
    latencyAlarm(env, { EvaluationPeriods: 3, DatapointsToAlarm: 2, ComparisonOperator: 'GreaterThanOrEqualToThreshold' });
    put(env, 150, T0);
    put(env, 50, T0 + MIN);
    put(env, 100, T0 + 2 * MIN);
    until(env, 3 * MIN);
    expect(current(env).StateReason).toBe(
      'Threshold Crossed: 2 out of the last 3 datapoints [100.0 (01/01/26 00:02:00), 150.0 (01/01/26 00:00:00)] were greater than or equal to the threshold (100.0) (minimum 2 datapoints for OK -> ALARM transition).',
    );
    put(env, 20, T0 + 3 * MIN);
    until(env, 4 * MIN);
    // 50, 100, 20: one breaching; two calm make ALARM impossible.
    expect([current(env).StateValue, current(env).StateReason]).toEqual([
      'OK',
      'Threshold Crossed: 2 out of the last 3 datapoints [20.0 (01/01/26 00:03:00), 50.0 (01/01/26 00:01:00)] were not greater than or equal to the threshold (100.0) (minimum 2 datapoints for ALARM -> OK transition).',
    ]);
  });

  test.each([
    ['breaching', 'ALARM', 'Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [Breaching].'],
    ['notBreaching', 'OK', 'Threshold Crossed: no datapoints were received for 2 periods and 2 missing datapoints were treated as [NonBreaching].'],
    ['missing', 'INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation'],
    ['ignore', 'INSUFFICIENT_DATA', 'Unchecked: Initial alarm creation'],
  ])('TreatMissingData %s with no data: %s', (treat, state, reason) => {
    const env = cloudWatchEnv();
    latencyAlarm(env, { TreatMissingData: treat });
    until(env, 2 * MIN);
    expect([current(env).StateValue, current(env).StateReason]).toEqual([state, reason]);
  });

  test('ignore keeps the state through a gap; missing goes to INSUFFICIENT_DATA', () => {
    for (const treat of ['ignore', 'missing']) {
      const env = cloudWatchEnv();
      latencyAlarm(env, { TreatMissingData: treat });
      put(env, 150, T0);
      put(env, 150, T0 + MIN);
      until(env, 2 * MIN);
      expect(current(env).StateValue).toBe('ALARM');
      until(env, 10 * MIN);
      expect(current(env).StateValue).toBe(treat === 'ignore' ? 'ALARM' : 'INSUFFICIENT_DATA');
    }
  });

  test('the metric must match exactly: dimensions, unit, statistic', () => {
    const env = cloudWatchEnv();
    latencyAlarm(env, { Unit: 'Seconds', Statistic: 'Maximum' });
    put(env, 150, T0);
    put(env, 150, T0 + MIN);
    until(env, 2 * MIN);
    // Published in Milliseconds: not the alarm's unit.
    expect(current(env).StateValue).toBe('INSUFFICIENT_DATA');
    put(env, 50, T0 + 2 * MIN, { Unit: 'Seconds' });
    put(env, 150, T0 + 2 * MIN + 1000, { Unit: 'Seconds' });
    put(env, 150, T0 + 3 * MIN, { Unit: 'Seconds' });
    until(env, 4 * MIN);
    expect(current(env).StateReason).toBe('Threshold Crossed: 2 datapoints [150.0 (01/01/26 00:03:00), 150.0 (01/01/26 00:02:00)] were greater than the threshold (100.0).');
    expect(String(current(env).StateReasonData)).toContain('"unit":"Seconds","statistic":"Maximum"');
  });

  test('a percentile alarm evaluates the extended statistic', () => {
    const env = cloudWatchEnv();
    latencyAlarm(env, { Statistic: undefined, ExtendedStatistic: 'p90', EvaluationPeriods: 1 });
    put(env, 0, T0, { Value: undefined, Values: [10, 20, 200], Counts: [5, 4, 1] });
    until(env, MIN);
    expect(current(env).StateValue).toBe('OK');
    put(env, 0, T0 + MIN, { Value: undefined, Values: [10, 200], Counts: [5, 5] });
    until(env, 2 * MIN);
    expect(current(env).StateReason).toBe('Threshold Crossed: 1 datapoint [200.0 (01/01/26 00:01:00)] was greater than the threshold (100.0).');
    expect(String(current(env).StateReasonData)).toContain('"extendedStatistic":"p90"');
  });
});

describe('alarm actions', () => {
  function scalingSetup(env: CloudWatchEnv, cooldown: number): string {
    env.asCall('CreateLaunchConfiguration', { LaunchConfigurationName: 'lc', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    env.asCall('CreateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 10, AvailabilityZones: ['us-east-1a'] });
    return String(env.asCall('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1, Cooldown: cooldown }).PolicyARN);
  }

  test('ALARM executes the policy and the SNS action, each recorded as an Action history item; DescribePolicies lists the alarm', () => {
    const env = cloudWatchEnv();
    const arn = scalingSetup(env, 600);
    const topic = 'arn:aws:sns:us-east-1:123456789012:ops';
    latencyAlarm(env, { AlarmActions: [arn, topic] });
    put(env, 150, T0);
    put(env, 150, T0 + MIN);
    until(env, 2 * MIN);
    expect(env.asState.groups.get('web')?.desiredCapacity).toBe(2);
    const [launch] = list(env.asCall('DescribeScalingActivities', { AutoScalingGroupName: 'web' }).Activities);
    expect(String(launch?.Cause)).toMatch(/^At 2026-01-01T00:02:00Z a monitor alarm slow in state ALARM triggered policy up changing the desired capacity from 1 to 2\. {2}At /);
    const actions = list(env.call('DescribeAlarmHistory', { HistoryItemType: 'Action', ScanBy: 'TimestampAscending' }).AlarmHistoryItems);
    expect(actions.map((a) => a.HistorySummary)).toEqual([`Successfully executed action ${arn}`, `Successfully executed action ${topic}`]);
    expect(actions[0]?.HistoryData).toBe(`{"actionState":"Succeeded","stateUpdateTimestamp":${T0 + 2 * MIN},"notificationResource":"${arn}"}`);
    const sns = JSON.parse(String(actions[1]?.HistoryData)) as { actionState: string; notificationResource: string; publishedMessage: string };
    expect([sns.actionState, sns.notificationResource]).toEqual(['Succeeded', topic]);
    expect(JSON.parse(sns.publishedMessage)).toMatchObject({
      AlarmName: 'slow',
      AWSAccountId: '123456789012',
      NewStateValue: 'ALARM',
      OldStateValue: 'INSUFFICIENT_DATA',
      StateChangeTime: '2026-01-01T00:02:00.000+0000',
      Region: 'US East (N. Virginia)',
      Trigger: { MetricName: 'Latency', Namespace: 'App', Statistic: 'AVERAGE', Period: 60, EvaluationPeriods: 2, ComparisonOperator: 'GreaterThanThreshold', Threshold: 100 },
    });
    const [policy] = list(env.asCall('DescribePolicies', { AutoScalingGroupName: 'web' }).ScalingPolicies);
    expect(policy?.Alarms).toEqual([{ AlarmName: 'slow', AlarmARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:slow' }]);
  });

  test('while the alarm stays in ALARM its Auto Scaling action runs again every period, subject to the cooldown', () => {
    const env = cloudWatchEnv();
    const arn = scalingSetup(env, 60);
    latencyAlarm(env, { AlarmActions: [arn] });
    for (let m = 0; m < 12; m++) put(env, 150, T0 + m * MIN);
    const desired: number[] = [];
    for (let m = 2; m <= 8; m++) {
      until(env, m * MIN);
      desired.push(env.asState.groups.get('web')?.desiredCapacity ?? -1);
    }
    // 00:02 +1 (InService 00:02:20, cooldown to 00:03:20); 00:03 refused; 00:04 +1; ...
    expect(desired).toEqual([2, 2, 3, 3, 4, 4, 5]);
    expect(list(env.call('DescribeAlarmHistory', { HistoryItemType: 'Action' }).AlarmHistoryItems)).toHaveLength(1);
  });

  test('no actions when ActionsEnabled is false; a policy that no longer exists is a failed action', () => {
    const env = cloudWatchEnv();
    const arn = scalingSetup(env, 60);
    latencyAlarm(env, { AlarmActions: [arn], ActionsEnabled: false });
    put(env, 150, T0);
    put(env, 150, T0 + MIN);
    until(env, 3 * MIN);
    expect(env.asState.groups.get('web')?.desiredCapacity).toBe(1);
    env.asCall('DeletePolicy', { AutoScalingGroupName: 'web', PolicyName: 'up' });
    env.call('EnableAlarmActions', { AlarmNames: ['slow'] });
    env.call('SetAlarmState', { AlarmName: 'slow', StateValue: 'OK', StateReason: 'reset' });
    env.call('SetAlarmState', { AlarmName: 'slow', StateValue: 'ALARM', StateReason: 'again' });
    const [failed] = list(env.call('DescribeAlarmHistory', { HistoryItemType: 'Action' }).AlarmHistoryItems);
    expect(failed?.HistorySummary).toBe(`Failed to execute action ${arn}`);
    expect(JSON.parse(String(failed?.HistoryData))).toEqual({ actionState: 'Failed', stateUpdateTimestamp: T0 + 3 * MIN, notificationResource: arn, error: `The scaling policy ${arn} does not exist` });
  });
});

describe('snapshot and restore', () => {
  test('metrics, alarms and history survive JSON, and evaluation carries on', () => {
    const env = cloudWatchEnv();
    latencyAlarm(env);
    put(env, 150, T0);
    until(env, MIN);
    const json = JSON.stringify(env.cw.snapshot());
    const copy = cloudWatchEnv();
    copy.cloud.clock.restore(env.cloud.clock.toJSON());
    copy.cw.restore(JSON.parse(json) as unknown);
    expect(JSON.stringify(copy.cw.snapshot())).toBe(json);
    expect(copy.call('DescribeAlarms')).toEqual(env.call('DescribeAlarms'));
    put(copy, 150, T0 + MIN);
    until(copy, 2 * MIN);
    expect(current(copy).StateValue).toBe('ALARM');
    expect(() => copy.cw.restore({})).toThrow('not a CloudWatch snapshot of this version');
  });
});
