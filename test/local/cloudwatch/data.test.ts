import { dataTime, javaDouble, javaJson, jd, reasonTime } from '../../../src/local/cloudwatch/format';
import { MAX_POINTS_PER_METRIC, percentile } from '../../../src/local/cloudwatch/metrics';
import type { WireObject } from '../../../src/local/types';
import { T0, list } from '../autoscale/fakes';
import { cloudWatchEnv, put } from './env';

const MIN = 60_000;

function stats(env: ReturnType<typeof cloudWatchEnv>, extra: WireObject): WireObject[] {
  const out = env.call('GetMetricStatistics', {
    Namespace: 'App',
    MetricName: 'Latency',
    Dimensions: [{ Name: 'Service', Value: 'web' }],
    StartTime: new Date(T0),
    EndTime: new Date(T0 + 10 * MIN),
    Period: 60,
    Statistics: ['Average', 'Sum', 'SampleCount', 'Minimum', 'Maximum'],
    ...extra,
  });
  expect(out.Label).toBe('Latency');
  return list(out.Datapoints);
}

describe('formats', () => {
  test('numbers print as Java doubles', () => {
    expect([85, 85.5, 0, -0, 99.97497497497497, 1e7, 12345678, 0.0001, 0.001, -3, 1e21, NaN, Infinity].map(javaDouble)).toEqual([
      '85.0',
      '85.5',
      '0.0',
      '-0.0',
      '99.97497497497497',
      '1.0E7',
      '1.2345678E7',
      '1.0E-4',
      '0.001',
      '-3.0',
      '1.0E21',
      'NaN',
      'Infinity',
    ]);
    expect(javaJson({ a: jd(70), b: 60, c: [jd(1.5)], d: undefined, e: null })).toBe('{"a":70.0,"b":60,"c":[1.5],"e":null}');
    expect(reasonTime(T0 + 61_000)).toBe('01/01/26 00:01:01');
    expect(dataTime(T0 + 61_000)).toBe('2026-01-01T00:01:01.000+0000');
  });

  test('percentiles by nearest rank over weighted values', () => {
    const values: Array<[number, number]> = Array.from({ length: 100 }, (_, i) => [i + 1, 1]);
    expect([0, 50, 90, 99, 100].map((p) => percentile(values, p))).toEqual([1, 50, 90, 99, 100]);
    expect(percentile([[5, 3], [10, 1]], 75)).toBe(5);
    expect(percentile([[-1, 1]], 50)).toBeUndefined();
  });
});

describe('PutMetricData and GetMetricStatistics', () => {
  test('values are aggregated per period, in time order, with only the statistics asked for', () => {
    const env = cloudWatchEnv();
    put(env, 10, T0 + 5_000);
    put(env, 30, T0 + 50_000);
    put(env, 20, T0 + MIN + 1_000);
    expect(stats(env, {})).toEqual([
      { Timestamp: new Date(T0), Average: 20, Sum: 40, SampleCount: 2, Minimum: 10, Maximum: 30, Unit: 'Milliseconds' },
      { Timestamp: new Date(T0 + MIN), Average: 20, Sum: 20, SampleCount: 1, Minimum: 20, Maximum: 20, Unit: 'Milliseconds' },
    ]);
    expect(stats(env, { Statistics: ['Maximum'], Period: 300 })).toEqual([{ Timestamp: new Date(T0), Maximum: 30, Unit: 'Milliseconds' }]);
    // The start time is rounded down to the minute.
    expect(stats(env, { Statistics: ['Sum'], StartTime: new Date(T0 + MIN + 30_000) })).toEqual([{ Timestamp: new Date(T0 + MIN), Sum: 20, Unit: 'Milliseconds' }]);
  });

  test('dimensions must match exactly; a unit filter keeps only its unit', () => {
    const env = cloudWatchEnv();
    put(env, 10, T0);
    put(env, 1, T0, { Unit: 'Seconds' });
    expect(stats(env, { Statistics: ['Sum'] })).toEqual([
      { Timestamp: new Date(T0), Sum: 10, Unit: 'Milliseconds' },
      { Timestamp: new Date(T0), Sum: 1, Unit: 'Seconds' },
    ]);
    expect(stats(env, { Statistics: ['Sum'], Unit: 'Seconds' })).toEqual([{ Timestamp: new Date(T0), Sum: 1, Unit: 'Seconds' }]);
    expect(stats(env, { Statistics: ['Sum'], Unit: 'Count' })).toEqual([]);
    expect(stats(env, { Statistics: ['Sum'], Dimensions: [] })).toEqual([]);
    expect(stats(env, { Statistics: ['Sum'], Dimensions: [{ Name: 'Service', Value: 'web' }, { Name: 'Az', Value: 'a' }] })).toEqual([]);
  });

  test('statistic sets and values/counts aggregate with single values; percentiles need raw values', () => {
    const env = cloudWatchEnv();
    put(env, 0, T0, { Value: undefined, StatisticValues: { SampleCount: 4, Sum: 40, Minimum: 5, Maximum: 15 } });
    put(env, 0, T0 + 1000, { Value: undefined, Values: [1, 2, 3], Counts: [1, 1, 2] });
    expect(stats(env, {})).toEqual([{ Timestamp: new Date(T0), Average: 49 / 8, Sum: 49, SampleCount: 8, Minimum: 1, Maximum: 15, Unit: 'Milliseconds' }]);
    // The statistic set has no raw values: no percentile for that period.
    expect(stats(env, { Statistics: undefined, ExtendedStatistics: ['p50'] })).toEqual([{ Timestamp: new Date(T0), Unit: 'Milliseconds' }]);
    put(env, 0, T0 + MIN, { Value: undefined, Values: [1, 2, 3, 4], Counts: [1, 1, 1, 1] });
    expect(stats(env, { Statistics: undefined, ExtendedStatistics: ['p50', 'p99.9'], StartTime: new Date(T0 + MIN) })).toEqual([
      { Timestamp: new Date(T0 + MIN), Unit: 'Milliseconds', ExtendedStatistics: { p50: 2, 'p99.9': 4 } },
    ]);
  });

  test('high-resolution data answers periods of 1, 5, 10 and 30 seconds', () => {
    const env = cloudWatchEnv();
    put(env, 1, T0 + 1_000, { StorageResolution: 1 });
    put(env, 2, T0 + 12_000, { StorageResolution: 1 });
    expect(stats(env, { Statistics: ['Sum'], Period: 10, EndTime: new Date(T0 + MIN) })).toEqual([
      { Timestamp: new Date(T0), Sum: 1, Unit: 'Milliseconds' },
      { Timestamp: new Date(T0 + 10_000), Sum: 2, Unit: 'Milliseconds' },
    ]);
  });

  test.each([
    [{ Namespace: 'AWS/EC2' }, 'InvalidParameterValue', 'The value AWS/EC2 for parameter Namespace is invalid.'],
    [{ Timestamp: new Date(T0 - 15 * 86_400_000) }, 'InvalidParameterValue', 'The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.'],
    [{ Timestamp: new Date(T0 + 3 * 3_600_000) }, 'InvalidParameterValue', 'The parameter MetricData.member.1.Timestamp must specify a time within the past two weeks.'],
    // Value with StatisticValues or Values: InvalidParameterCombination, worded as AWS answers
    // (PutMetricData, https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricData.html#API_PutMetricData_Errors).
    [{ StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 1, Maximum: 1 } }, 'InvalidParameterCombination', 'The parameters MetricData.member.1.Value and MetricData.member.1.StatisticValues are mutually exclusive and you have specified both.'],
    [{ Values: [1, 2] }, 'InvalidParameterCombination', 'The parameters MetricData.member.1.Value and MetricData.member.1.Values are mutually exclusive and you have specified both.'],
    [{ Value: undefined }, 'MissingParameter', 'At least one of the parameters MetricData.member.1.Value, MetricData.member.1.StatisticValues or MetricData.member.1.Values must be specified.'],
    [{ Value: undefined, StatisticValues: { SampleCount: 1, Sum: 1, Minimum: 2, Maximum: 1 } }, 'InvalidParameterValue', 'The parameter MetricData.member.1.StatisticValues.Maximum must be greater than MetricData.member.1.StatisticValues.Minimum.'],
    [{ Value: undefined, Values: [1, 2], Counts: [1] }, 'InvalidParameterValue', 'The parameters MetricData.member.1.Values and MetricData.member.1.Counts must be of the same size.'],
    [{ Value: undefined, Values: Array.from({ length: 151 }, () => 1) }, 'InvalidParameterValue', 'The collection MetricData.member.1.Values must not have a size greater than 150.'],
    [{ Value: 1e200 }, 'InvalidParameterValue', 'The value 1.0E200 for parameter MetricData.member.1.Value is invalid.'],
    [{ StorageResolution: 5 }, 'InvalidParameterValue', 'The parameter MetricData.member.1.StorageResolution must be 1 or 60.'],
  ])('PutMetricData %j is %s', (extra, code, message) => {
    const env = cloudWatchEnv();
    const { Namespace, ...datum } = extra as WireObject;
    const err = env.fail('PutMetricData', {
      Namespace: Namespace ?? 'App',
      MetricData: [{ MetricName: 'Latency', Timestamp: new Date(T0), Value: 1, ...datum }],
    });
    expect([err.code, err.status, err.message]).toEqual([code, 400, message]);
    expect(env.state.metrics.series.size).toBe(0);
  });

  test('Values with StatisticValues is accepted, as AWS accepts it, and the Values are stored', () => {
    const env = cloudWatchEnv();
    put(env, 0, T0, { Value: undefined, Values: [1, 3], StatisticValues: { SampleCount: 10, Sum: 55, Minimum: 1, Maximum: 10 } });
    expect(stats(env, {})).toEqual([{ Timestamp: new Date(T0), Average: 2, Sum: 4, SampleCount: 2, Minimum: 1, Maximum: 3, Unit: 'Milliseconds' }]);
  });

  test('more than 1,000 MetricData is refused', () => {
    const env = cloudWatchEnv();
    const err = env.fail('PutMetricData', { Namespace: 'App', MetricData: Array.from({ length: 1001 }, () => ({ MetricName: 'm', Value: 1 })) });
    expect([err.code, err.message]).toEqual(['InvalidParameterValue', 'The collection MetricData must not have a size greater than 1000.']);
  });

  test.each([
    [{ Statistics: ['Median'] }, 'ValidationError', "1 validation error detected: Value 'Median' at 'statistics.1.member' failed to satisfy constraint: Member must satisfy enum value set: [SampleCount, Average, Sum, Minimum, Maximum]"],
    [{ Statistics: undefined }, 'MissingParameter', 'The parameter Statistics or ExtendedStatistics must be specified.'],
    [{ ExtendedStatistics: ['p90'] }, 'InvalidParameterCombination', 'Statistics and ExtendedStatistics are mutually exclusive: specify either, but not both.'],
    [{ Statistics: undefined, ExtendedStatistics: ['p101'] }, 'InvalidParameterValue', 'The parameter ExtendedStatistics.member.1 must be a percentile between p0.0 and p100, got p101.'],
    [{ Period: 90 }, 'InvalidParameterValue', 'The parameter Period must be a multiple of 60, or 1, 5, 10 or 30 for high-resolution metrics.'],
    [{ Period: 20 }, 'InvalidParameterValue', 'The parameter Period must be a multiple of 60, or 1, 5, 10 or 30 for high-resolution metrics.'],
    [{ EndTime: new Date(T0) }, 'InvalidParameterValue', 'The parameter StartTime must be less than the parameter EndTime.'],
    [{ EndTime: new Date(T0 + 2 * 86_400_000) }, 'InvalidParameterCombination', 'You have requested up to 2,880 datapoints, which exceeds the limit of 1,440. You may reduce the datapoints requested by increasing Period, or decreasing the time range.'],
  ])('GetMetricStatistics %j is %s', (extra, code, message) => {
    const env = cloudWatchEnv();
    const err = env.fail('GetMetricStatistics', {
      Namespace: 'App',
      MetricName: 'Latency',
      StartTime: new Date(T0),
      EndTime: new Date(T0 + 10 * MIN),
      Period: 60,
      Statistics: ['Average'],
      ...(extra as WireObject),
    });
    expect([err.code, err.status, err.message]).toEqual([code, 400, message]);
  });

  test('exactly 1,440 datapoints is allowed', () => {
    const env = cloudWatchEnv();
    expect(stats(env, { EndTime: new Date(T0 + 86_400_000) })).toEqual([]);
  });

  test('datapoints older than 15 days are dropped, and a metric keeps a bounded number', () => {
    const env = cloudWatchEnv();
    put(env, 1, T0);
    env.advance('16d');
    put(env, 2, env.cloud.clock.now());
    const series = [...env.state.metrics.series.values()][0];
    expect(series?.points.map((p) => p.sum)).toEqual([2]);
    for (let i = 0; i < MAX_POINTS_PER_METRIC + 10; i++) env.cw.api.putDatapoint({ namespace: 'N', metricName: 'm', dimensions: [], timestamp: env.cloud.clock.now() - 86_400_000 + i, value: i });
    const bounded = env.state.metrics.get('N\u0000m');
    expect(bounded?.points).toHaveLength(MAX_POINTS_PER_METRIC);
    expect(bounded?.points[0]?.sum).toBe(10);
  });
});

describe('ListMetrics', () => {
  test('filters by namespace, name and dimensions (name alone, or name and value), pages of 500', () => {
    const env = cloudWatchEnv();
    put(env, 1, T0);
    env.call('PutMetricData', {
      Namespace: 'App',
      MetricData: [
        { MetricName: 'Errors', Dimensions: [{ Name: 'Service', Value: 'api' }, { Name: 'Az', Value: 'a' }], Value: 1 },
        { MetricName: 'Errors', Value: 1 },
      ],
    });
    env.call('PutMetricData', { Namespace: 'Other', MetricData: [{ MetricName: 'Latency', Value: 1 }] });
    const names = (input: WireObject): string[] =>
      list(env.call('ListMetrics', input).Metrics).map((m) => `${String(m.Namespace)}/${String(m.MetricName)}${list(m.Dimensions).map((d) => `[${String(d.Name)}=${String(d.Value)}]`).join('')}`);
    expect(names({})).toEqual(['App/Errors', 'App/Errors[Az=a][Service=api]', 'App/Latency[Service=web]', 'Other/Latency']);
    expect(names({ Namespace: 'App', MetricName: 'Errors' })).toEqual(['App/Errors', 'App/Errors[Az=a][Service=api]']);
    expect(names({ Dimensions: [{ Name: 'Service' }] })).toEqual(['App/Errors[Az=a][Service=api]', 'App/Latency[Service=web]']);
    expect(names({ Dimensions: [{ Name: 'Service', Value: 'web' }] })).toEqual(['App/Latency[Service=web]']);
    env.advance('4h');
    expect(names({ RecentlyActive: 'PT3H' })).toEqual([]);
    for (let i = 0; i < 600; i++) env.cw.api.putDatapoint({ namespace: 'Many', metricName: `m${String(i).padStart(3, '0')}`, dimensions: [], timestamp: env.cloud.clock.now(), value: 1 });
    const first = env.call('ListMetrics', { Namespace: 'Many' });
    expect(list(first.Metrics)).toHaveLength(500);
    const second = env.call('ListMetrics', { Namespace: 'Many', NextToken: first.NextToken ?? null });
    expect(list(second.Metrics)).toHaveLength(100);
    expect(second.NextToken).toBeUndefined();
  });
});
