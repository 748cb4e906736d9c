import model from '../../../src/local/models/cloudwatch.json';
import type { WireObject } from '../../../src/local/types';
import { T0, list } from '../autoscale/fakes';
import { cloudWatchEnv, type CloudWatchEnv } from './env';

function alarm(env: CloudWatchEnv, name: string, extra: WireObject = {}): void {
  env.call('PutMetricAlarm', {
    AlarmName: name,
    Namespace: 'AWS/EC2',
    MetricName: 'CPUUtilization',
    Statistic: 'Average',
    Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    Period: 60,
    EvaluationPeriods: 2,
    Threshold: 70,
    ComparisonOperator: 'GreaterThanThreshold',
    ...extra,
  });
}

describe('PutMetricAlarm and DescribeAlarms', () => {
  test('a new alarm is INSUFFICIENT_DATA, "Unchecked: Initial alarm creation", with every member AWS answers', () => {
    const env = cloudWatchEnv();
    alarm(env, 'scale_up_on_cpu', { AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'], AlarmDescription: 'CPU high' });
    const out = env.call('DescribeAlarms');
    expect(out).toEqual({
      MetricAlarms: [
        {
          AlarmName: 'scale_up_on_cpu',
          AlarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:scale_up_on_cpu',
          AlarmDescription: 'CPU high',
          AlarmConfigurationUpdatedTimestamp: new Date(T0),
          ActionsEnabled: true,
          OKActions: [],
          AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
          InsufficientDataActions: [],
          StateValue: 'INSUFFICIENT_DATA',
          StateReason: 'Unchecked: Initial alarm creation',
          StateUpdatedTimestamp: new Date(T0),
          StateTransitionedTimestamp: new Date(T0),
          MetricName: 'CPUUtilization',
          Namespace: 'AWS/EC2',
          Statistic: 'Average',
          Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
          Period: 60,
          EvaluationPeriods: 2,
          Threshold: 70,
          ComparisonOperator: 'GreaterThanThreshold',
        },
      ],
      CompositeAlarms: [],
    });
  });

  test('a second put overwrites the configuration but keeps the state, and history says created then updated', () => {
    const env = cloudWatchEnv();
    alarm(env, 'a');
    env.advance('10s');
    env.call('SetAlarmState', { AlarmName: 'a', StateValue: 'OK', StateReason: 'testing' });
    alarm(env, 'a', { Threshold: 80, TreatMissingData: 'notBreaching', DatapointsToAlarm: 1 });
    const [a] = list(env.call('DescribeAlarms').MetricAlarms);
    expect([a?.Threshold, a?.TreatMissingData, a?.DatapointsToAlarm, a?.StateValue, a?.StateReason, a?.AlarmConfigurationUpdatedTimestamp]).toEqual([
      80,
      'notBreaching',
      1,
      'OK',
      'testing',
      new Date(T0 + 10_000),
    ]);
    const items = list(env.call('DescribeAlarmHistory', { AlarmName: 'a', HistoryItemType: 'ConfigurationUpdate' }).AlarmHistoryItems);
    expect(items.map((i) => i.HistorySummary)).toEqual(['Alarm "a" updated', 'Alarm "a" created']);
    const created = JSON.parse(String(items[1]?.HistoryData)) as { type: string; createdAlarm: Record<string, unknown> };
    expect(created.type).toBe('Create');
    expect(created.createdAlarm).toMatchObject({ alarmName: 'a', threshold: 70, period: 60, evaluationPeriods: 2, comparisonOperator: 'GreaterThanThreshold' });
    expect(String(items[1]?.HistoryData)).toContain('"threshold":70.0');
    const updated = JSON.parse(String(items[0]?.HistoryData)) as { type: string; originalUpdatedFields: Record<string, unknown> };
    expect(updated.type).toBe('Update');
    expect(updated.originalUpdatedFields).toEqual({ threshold: 70 });
  });

  test.each([
    // The model's enum, answered by the protocol layer (test/local/cloudwatch/model-checks.test.ts).
    [{ Statistic: 'Median' }, 'ValidationError', "1 validation error detected: Value 'Median' at 'statistic' failed to satisfy constraint: Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]"],
    [{ Period: 45 }, 'ValidationError', 'Period must be 10, 20, 30 or a multiple of 60 seconds.'],
    [{ Period: 61 }, 'ValidationError', 'Period must be 10, 20, 30 or a multiple of 60 seconds.'],
    [{ Period: 60, EvaluationPeriods: 1441 }, 'InvalidParameterCombination', 'Metrics cannot be checked across more than one day, for a period under an hour (EvaluationPeriods * Period must be <= 86400).'],
    [{ Period: 3600, EvaluationPeriods: 169 }, 'InvalidParameterCombination', 'Metrics cannot be checked across more than seven days (EvaluationPeriods * Period must be <= 604800).'],
    [{ DatapointsToAlarm: 3 }, 'ValidationError', 'DatapointsToAlarm must be between 1 and EvaluationPeriods.'],
    [{ ExtendedStatistic: 'p90' }, 'InvalidParameterCombination', 'Exactly one element of the Statistic and ExtendedStatistic parameters must be specified.'],
    [{ Statistic: undefined }, 'InvalidParameterCombination', 'Exactly one element of the Statistic and ExtendedStatistic parameters must be specified.'],
    [{ Statistic: undefined, ExtendedStatistic: 'p250' }, 'InvalidParameterValue', 'The value p250 for parameter ExtendedStatistic is not supported.'],
    [{ TreatMissingData: 'sometimes' }, 'ValidationError', 'Option sometimes is not supported. Supported options for parameter TreatMissingData are missing, ignore, breaching and notBreaching.'],
    [{ EvaluateLowSampleCountPercentile: 'ignore' }, 'InvalidParameterCombination', 'EvaluateLowSampleCountPercentile can only be used with an ExtendedStatistic.'],
    [{ ComparisonOperator: 'LessThanLowerThreshold' }, 'ValidationError', 'Comparison operator LessThanLowerThreshold is only supported for anomaly detection alarms, which botoscale local does not simulate.'],
    [{ Threshold: undefined }, 'ValidationError', 'Threshold must be specified for an alarm on a static threshold.'],
    [{ AlarmActions: ['not-an-arn'] }, 'InvalidParameterValue', 'Invalid arn syntax: not-an-arn (AlarmActions.member.1)'],
    [{ Period: undefined }, 'ValidationError', 'Period must be specified for an alarm on a metric.'],
    [{ MetricName: undefined }, 'ValidationError', 'MetricName and Namespace must be specified for an alarm on a metric.'],
    [{ Metrics: [{ Id: 'm1', Expression: 'SUM(METRICS())' }] }, 'InvalidParameterCombination', 'Exactly one element of the MetricName and Metrics parameters must be specified.'],
    [{ ThresholdMetricId: 'ad1' }, 'ValidationError', 'Anomaly detection alarms (ThresholdMetricId) are not simulated by botoscale local.'],
    [{ EvaluationWindow: { WallClockWindow: { Timezone: 'UTC' } } }, 'ValidationError', 'Wall clock evaluation windows (EvaluationWindow WallClockWindow) are not simulated by botoscale local: only SlidingWindow is.'],
    [{ WarmUpConfiguration: { WarmUpPeriodDurationInMinutes: 10 } }, 'ValidationError', 'Alarm warm-up periods (WarmUpConfiguration) are not simulated by botoscale local.'],
    [{ EvaluationInterval: 60 }, 'ValidationError', 'Alarm evaluation intervals (EvaluationInterval, used with EvaluationCriteria) are not simulated by botoscale local.'],
  ])('%j is %s', (extra, code, message) => {
    const env = cloudWatchEnv();
    const err = env.fail('PutMetricAlarm', {
      AlarmName: 'x',
      Namespace: 'AWS/EC2',
      MetricName: 'CPUUtilization',
      Statistic: 'Average',
      Period: 60,
      EvaluationPeriods: 2,
      Threshold: 70,
      ComparisonOperator: 'GreaterThanThreshold',
      ...(extra as WireObject),
    });
    expect([err.code, err.status, err.message]).toEqual([code, 400, message]);
    expect(env.state.alarms.size).toBe(0);
  });

  test('filters: names, prefix, state, action prefix, alarm types; names and prefix together are refused; pages of 50 up to 100', () => {
    const env = cloudWatchEnv();
    for (let i = 0; i < 120; i++) alarm(env, `cpu-${String(i).padStart(3, '0')}`);
    alarm(env, 'disk', { AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'] });
    env.call('SetAlarmState', { AlarmName: 'disk', StateValue: 'ALARM', StateReason: 'testing' });
    const names = (input: WireObject): unknown[] => list(env.call('DescribeAlarms', input).MetricAlarms).map((a) => a.AlarmName);
    expect(names({ AlarmNames: ['disk', 'cpu-001', 'nope'] })).toEqual(['cpu-001', 'disk']);
    expect(names({ AlarmNamePrefix: 'cpu-11' })).toEqual(Array.from({ length: 10 }, (_, i) => `cpu-11${i}`));
    expect(names({ StateValue: 'ALARM' })).toEqual(['disk']);
    expect(names({ ActionPrefix: 'arn:aws:sns:' })).toEqual(['disk']);
    expect(names({ AlarmTypes: ['CompositeAlarm'] })).toEqual([]);
    const both = env.fail('DescribeAlarms', { AlarmNames: ['disk'], AlarmNamePrefix: 'd' });
    expect([both.code, both.message]).toEqual(['InvalidParameterCombination', 'AlarmNamePrefix and AlarmNames.member are mutually exclusive']);
    const first = env.call('DescribeAlarms');
    expect(list(first.MetricAlarms)).toHaveLength(50);
    const rest = env.call('DescribeAlarms', { MaxRecords: 100, NextToken: first.NextToken ?? null });
    expect(list(rest.MetricAlarms)).toHaveLength(71);
    expect(rest.NextToken).toBeUndefined();
    const size = env.fail('DescribeAlarms', { MaxRecords: 101 });
    expect([size.code, size.message]).toEqual(['ValidationError', "1 validation error detected: Value '101' at 'maxRecords' failed to satisfy constraint: Member must have value less than or equal to 100"]);
    expect(env.fail('DescribeAlarms', { NextToken: 'garbage' }).code).toBe('InvalidNextToken');
  });

  test('DescribeAlarmsForMetric matches the metric, its exact dimensions and the optional filters', () => {
    const env = cloudWatchEnv();
    alarm(env, 'a');
    alarm(env, 'b', { Period: 300 });
    alarm(env, 'c', { Dimensions: [] });
    const names = (input: WireObject): unknown[] => list(env.call('DescribeAlarmsForMetric', input).MetricAlarms).map((a) => a.AlarmName);
    const metric = { Namespace: 'AWS/EC2', MetricName: 'CPUUtilization' };
    expect(names({ ...metric, Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }] })).toEqual(['a', 'b']);
    expect(names({ ...metric, Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }], Period: 300 })).toEqual(['b']);
    expect(names(metric)).toEqual(['c']);
    expect(names({ ...metric, Statistic: 'Maximum' })).toEqual([]);
  });
});

describe('DeleteAlarms, Enable/DisableAlarmActions, SetAlarmState', () => {
  test('deleting an unknown alarm is ResourceNotFound (404) and deletes nothing; history outlives the alarm', () => {
    const env = cloudWatchEnv();
    alarm(env, 'a');
    const err = env.fail('DeleteAlarms', { AlarmNames: ['a', 'ghost'] });
    expect([err.code, err.status, err.message]).toEqual(['ResourceNotFound', 404, 'Alarm not found: [ghost]']);
    expect(env.state.alarms.has('a')).toBe(true);
    env.call('DeleteAlarms', { AlarmNames: ['a'] });
    expect(list(env.call('DescribeAlarms').MetricAlarms)).toEqual([]);
    const items = list(env.call('DescribeAlarmHistory', { AlarmName: 'a' }).AlarmHistoryItems);
    expect(items.map((i) => i.HistorySummary)).toEqual(['Alarm "a" deleted', 'Alarm "a" created']);
  });

  test('DisableAlarmActions and EnableAlarmActions flip ActionsEnabled (unknown names ignored)', () => {
    const env = cloudWatchEnv();
    alarm(env, 'a');
    env.call('DisableAlarmActions', { AlarmNames: ['a', 'ghost'] });
    expect(list(env.call('DescribeAlarms').MetricAlarms)[0]?.ActionsEnabled).toBe(false);
    env.call('EnableAlarmActions', { AlarmNames: ['a'] });
    expect(list(env.call('DescribeAlarms').MetricAlarms)[0]?.ActionsEnabled).toBe(true);
  });

  test('SetAlarmState records a StateUpdate with AWS HistoryData; unknown alarm and bad reason data are refused', () => {
    const env = cloudWatchEnv();
    alarm(env, 'myalarm');
    env.advance('5s');
    env.call('SetAlarmState', { AlarmName: 'myalarm', StateValue: 'ALARM', StateReason: 'testing purposes', StateReasonData: '{"k":1.0}' });
    const [item] = list(env.call('DescribeAlarmHistory', { AlarmName: 'myalarm', HistoryItemType: 'StateUpdate' }).AlarmHistoryItems);
    expect(item).toEqual({
      AlarmName: 'myalarm',
      AlarmType: 'MetricAlarm',
      Timestamp: new Date(T0 + 5000),
      HistoryItemType: 'StateUpdate',
      HistorySummary: 'Alarm updated from INSUFFICIENT_DATA to ALARM',
      HistoryData:
        '{"version":"1.0","oldState":{"stateValue":"INSUFFICIENT_DATA","stateReason":"Unchecked: Initial alarm creation"},"newState":{"stateValue":"ALARM","stateReason":"testing purposes","stateReasonData":{"k":1.0}}}',
    });
    const [a] = list(env.call('DescribeAlarms').MetricAlarms);
    expect([a?.StateValue, a?.StateReason, a?.StateReasonData, a?.StateUpdatedTimestamp]).toEqual(['ALARM', 'testing purposes', '{"k":1.0}', new Date(T0 + 5000)]);
    const unknown = env.fail('SetAlarmState', { AlarmName: 'ghost', StateValue: 'OK', StateReason: 'x' });
    expect([unknown.code, unknown.status, unknown.message]).toEqual(['ResourceNotFound', 404, 'Alarm ghost not found']);
    const format = env.fail('SetAlarmState', { AlarmName: 'myalarm', StateValue: 'OK', StateReason: 'x', StateReasonData: '{nope' });
    expect([format.code, format.status, format.message]).toEqual(['InvalidFormat', 400, 'Unable to parse the StateReasonData: it must be valid JSON.']);
  });
});

describe('DescribeAlarmHistory', () => {
  test('newest first by default, oldest first with ScanBy, filtered by type and dates, paged', () => {
    const env = cloudWatchEnv();
    alarm(env, 'a');
    for (let i = 0; i < 6; i++) {
      env.advance('1s');
      env.call('SetAlarmState', { AlarmName: 'a', StateValue: i % 2 === 0 ? 'ALARM' : 'OK', StateReason: `r${i}` });
    }
    const summaries = (input: WireObject): unknown[] => list(env.call('DescribeAlarmHistory', input).AlarmHistoryItems).map((h) => h.HistorySummary);
    expect(summaries({})).toEqual([
      'Alarm updated from ALARM to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK',
      'Alarm updated from OK to ALARM',
      'Alarm updated from ALARM to OK',
      'Alarm updated from INSUFFICIENT_DATA to ALARM',
      'Alarm "a" created',
    ]);
    expect(summaries({ ScanBy: 'TimestampAscending', MaxRecords: 2 })).toEqual(['Alarm "a" created', 'Alarm updated from INSUFFICIENT_DATA to ALARM']);
    expect(summaries({ StartDate: new Date(T0 + 2000), EndDate: new Date(T0 + 3000) })).toEqual(['Alarm updated from OK to ALARM', 'Alarm updated from ALARM to OK']);
    const first = env.call('DescribeAlarmHistory', { MaxRecords: 4 });
    const second = env.call('DescribeAlarmHistory', { MaxRecords: 4, NextToken: first.NextToken ?? null });
    expect(list(second.AlarmHistoryItems).map((h) => h.HistorySummary)).toEqual(['Alarm updated from ALARM to OK', 'Alarm updated from INSUFFICIENT_DATA to ALARM', 'Alarm "a" created']);
    expect(second.NextToken).toBeUndefined();
    // The contributor kinds (botocore 1.43) are of alarms botoscale local does not keep; an
    // unknown kind is the protocol layer's to refuse (test/local/protocol.test.ts).
    expect(list(env.call('DescribeAlarmHistory', { HistoryItemType: 'AlarmContributorStateUpdate' }).AlarmHistoryItems)).toEqual([]);
    const type = env.fail('DescribeAlarmHistory', { HistoryItemType: 'Everything' });
    expect([type.code, type.message]).toEqual(['ValidationError', `1 validation error detected: Value 'Everything' at 'historyItemType' failed to satisfy constraint: Member must satisfy enum value set: [${model.shapes.HistoryItemType.enum.join(', ')}]`]);
  });
});
