/**
 * Alarms on metric math: PutMetricAlarm with `Metrics`, as the API Reference describes it
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html,
 * API_MetricDataQuery.html), described back, and evaluated by the evaluator on the
 * simulated clock like any other alarm.
 */
import type { WireObject } from '../../../src/local/types';
import { T0, list } from '../autoscale/fakes';
import { cloudWatchEnv, type CloudWatchEnv } from './env';

const MIN = 60_000;

function metric(id: string, name: string, extra: WireObject = {}): WireObject {
  return { Id: id, MetricStat: { Metric: { Namespace: 'App', MetricName: name }, Period: 60, Stat: 'Sum' }, ReturnData: false, ...extra };
}

const RATE: WireObject[] = [metric('req', 'Requests'), metric('err', 'Errors'), { Id: 'rate', Expression: '100 * err / req', Label: 'Error rate', ReturnData: true }];

function rateAlarm(env: CloudWatchEnv, extra: WireObject = {}): void {
  env.call('PutMetricAlarm', { AlarmName: 'errors', Metrics: RATE, EvaluationPeriods: 2, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', ...extra });
}

function putCounts(env: CloudWatchEnv, minute: number, requests: number, errors: number): void {
  const Timestamp = new Date(T0 + minute * MIN + 5_000);
  env.call('PutMetricData', { Namespace: 'App', MetricData: [{ MetricName: 'Requests', Timestamp, Value: requests }, { MetricName: 'Errors', Timestamp, Value: errors }] });
}

function current(env: CloudWatchEnv): WireObject {
  const [a] = list(env.call('DescribeAlarms', { AlarmNames: ['errors'] }).MetricAlarms);
  if (a === undefined) throw new Error('no alarm');
  return a;
}

function until(env: CloudWatchEnv, at: number): void {
  env.advance(T0 + at - env.cloud.clock.now());
}

describe('metric math alarms', () => {
  test('are described back with their Metrics and without MetricName, Namespace, Statistic, Dimensions or Period', () => {
    const env = cloudWatchEnv();
    rateAlarm(env);
    const a = current(env);
    expect(a.Metrics).toEqual([
      { Id: 'req', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests', Dimensions: [] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'err', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Errors', Dimensions: [] }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'rate', Expression: '100 * err / req', Label: 'Error rate', ReturnData: true },
    ]);
    for (const k of ['MetricName', 'Namespace', 'Statistic', 'Dimensions', 'Period']) expect(a).not.toHaveProperty(k);
    expect([a.StateValue, a.EvaluationPeriods, a.Threshold]).toEqual(['INSUFFICIENT_DATA', 2, 5]);
  });

  test('go to ALARM when the expression breaches for EvaluationPeriods periods, and back to OK, on the simulated clock', () => {
    const env = cloudWatchEnv();
    rateAlarm(env);
    putCounts(env, 0, 100, 10);
    putCounts(env, 1, 200, 20);
    until(env, 2 * MIN);
    const alarmed = current(env);
    expect(alarmed.StateValue).toBe('ALARM');
    expect(alarmed.StateReason).toBe('Threshold Crossed: 2 datapoints [10.0 (01/01/26 00:01:00), 10.0 (01/01/26 00:00:00)] were greater than the threshold (5.0).');
    putCounts(env, 2, 100, 1);
    until(env, 3 * MIN);
    expect([current(env).StateValue, current(env).StateReason]).toEqual(['OK', 'Threshold Crossed: 1 datapoint [1.0 (01/01/26 00:02:00)] was not greater than the threshold (5.0).']);
    until(env, 5 * MIN);
    expect(current(env).StateValue).toBe('INSUFFICIENT_DATA');
  });

  test("an SNS action's message carries the queries in its Trigger", () => {
    const env = cloudWatchEnv();
    rateAlarm(env, { EvaluationPeriods: 1, AlarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'] });
    putCounts(env, 0, 100, 10);
    until(env, MIN);
    expect(current(env).StateValue).toBe('ALARM');
    const [action] = list(env.call('DescribeAlarmHistory', { AlarmName: 'errors', HistoryItemType: 'Action' }).AlarmHistoryItems);
    const message = JSON.parse(JSON.parse(String(action?.HistoryData)).publishedMessage as string) as { Trigger: Record<string, unknown> };
    expect(message.Trigger).toEqual({
      Period: 60,
      EvaluationPeriods: 1,
      ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 5,
      TreatMissingData: 'missing',
      EvaluateLowSampleCountPercentile: '',
      Metrics: [
        { Id: 'req', MetricStat: { Metric: { Dimensions: [], MetricName: 'Requests', Namespace: 'App' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'err', MetricStat: { Metric: { Dimensions: [], MetricName: 'Errors', Namespace: 'App' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
        { Id: 'rate', Expression: '100 * err / req', Label: 'Error rate', ReturnData: true },
      ],
    });
  });

  test('SUM(METRICS()) and FILL alarms evaluate per period too', () => {
    const env = cloudWatchEnv();
    env.call('PutMetricAlarm', {
      AlarmName: 'errors',
      Metrics: [metric('req', 'Requests'), metric('err', 'Errors'), { Id: 'total', Expression: 'FILL(SUM(METRICS()), 0)' }],
      EvaluationPeriods: 3,
      Threshold: 1,
      ComparisonOperator: 'LessThanThreshold',
    });
    putCounts(env, 0, 5, 0);
    until(env, 3 * MIN);
    // Minutes 1 and 2 are filled with 0, breaching; minute 0 (5) is not: 2 of 3 is not ALARM.
    expect(current(env).StateValue).toBe('OK');
    until(env, 4 * MIN);
    expect([current(env).StateValue, current(env).StateReason]).toEqual([
      'ALARM',
      'Threshold Crossed: 3 datapoints [0.0 (01/01/26 00:03:00), 0.0 (01/01/26 00:02:00), 0.0 (01/01/26 00:01:00)] were less than the threshold (1.0).',
    ]);
  });

  test('survive a snapshot and restore with their queries and tags, and keep evaluating', () => {
    const env = cloudWatchEnv();
    rateAlarm(env, { EvaluationPeriods: 1, Tags: [{ Key: 'team', Value: 'web' }] });
    const copy = cloudWatchEnv();
    copy.cw.restore(JSON.parse(JSON.stringify(env.cw.snapshot())));
    expect(current(copy).Metrics).toEqual(current(env).Metrics);
    expect(copy.call('ListTagsForResource', { ResourceARN: current(env).AlarmArn }).Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    putCounts(copy, 0, 100, 10);
    until(copy, MIN);
    expect(current(copy).StateValue).toBe('ALARM');
  });

  test.each<[string, WireObject, string, string]>([
    ['Metrics with MetricName', { MetricName: 'Requests' }, 'InvalidParameterCombination', 'Exactly one element of the MetricName and Metrics parameters must be specified.'],
    ['Metrics with Namespace', { Namespace: 'App' }, 'InvalidParameterCombination', 'The parameters Metrics and Namespace are mutually exclusive and you have specified both.'],
    ['Metrics with Statistic', { Statistic: 'Sum' }, 'InvalidParameterCombination', 'The parameters Metrics and Statistic are mutually exclusive and you have specified both.'],
    ['Metrics with Period', { Period: 60 }, 'InvalidParameterCombination', 'The parameters Metrics and Period are mutually exclusive and you have specified both.'],
    ['Metrics with Dimensions', { Dimensions: [{ Name: 'a', Value: 'b' }] }, 'InvalidParameterCombination', 'The parameters Metrics and Dimensions are mutually exclusive and you have specified both.'],
    ['two ReturnData', { Metrics: [metric('req', 'Requests', { ReturnData: true }), { Id: 'e', Expression: 'req * 2' }] }, 'ValidationError', 'Exactly one element of the Metrics list must have ReturnData set to true (2 have it); set ReturnData to false on the others.'],
    ['no ReturnData', { Metrics: [metric('req', 'Requests'), { Id: 'e', Expression: 'req * 2', ReturnData: false }] }, 'ValidationError', 'Exactly one element of the Metrics list must have ReturnData set to true (0 have it); set ReturnData to false on the others.'],
    ['an array as the watched result', { Metrics: [metric('req', 'Requests'), { Id: 'all', Expression: 'METRICS()' }] }, 'ValidationError', 'The expression all must return a single time series for an alarm; it returns an array of time series.'],
    ['more than 20 queries', { Metrics: [...Array.from({ length: 20 }, (_v, i) => ({ Id: `e${i}`, Expression: '1', ReturnData: false })), { Id: 'last', Expression: '1' }] }, 'ValidationError', 'The collection Metrics must not have a size greater than 20.'],
    ['more than 10 MetricStat', { Metrics: [...Array.from({ length: 11 }, (_v, i) => metric(`m${i}`, 'Requests')), { Id: 'sum', Expression: 'SUM(METRICS())' }] }, 'ValidationError', 'The collection Metrics must not have more than 10 members with a MetricStat.'],
    ['a bad id', { Metrics: [metric('Req', 'Requests', { ReturnData: true })] }, 'ValidationError', 'The value Req for parameter Metrics.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.'],
    ['an unknown reference', { Metrics: [metric('req', 'Requests'), { Id: 'e', Expression: 'req / nope' }] }, 'ValidationError', 'Error in expression e: unrecognized identifier nope (no query in Metrics has that Id).'],
  ])('%s is refused', (_what, extra, code, message) => {
    const env = cloudWatchEnv();
    const err = env.fail('PutMetricAlarm', { AlarmName: 'errors', Metrics: RATE, EvaluationPeriods: 2, Threshold: 5, ComparisonOperator: 'GreaterThanThreshold', ...extra });
    expect([err.code, err.status, err.message]).toEqual([code, 400, message]);
    expect(env.state.alarms.size).toBe(0);
  });
});
