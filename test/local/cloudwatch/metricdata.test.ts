/**
 * GetMetricData, metric math and alarm tags at the wire: the real
 * `@aws-sdk/client-cloudwatch` against `startLocal`, each behaviour against the CloudWatch
 * API Reference: GetMetricData
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_GetMetricData.html),
 * MetricDataQuery (API_MetricDataQuery.html), metric math
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/using-metric-math.html),
 * TagResource / UntagResource / ListTagsForResource (API_TagResource.html ...).
 */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListTagsForResourceCommand,
  PutMetricAlarmCommand,
  PutMetricDataCommand,
  TagResourceCommand,
  UntagResourceCommand,
  type MetricDataQuery,
} from '@aws-sdk/client-cloudwatch';
import type { LocalEndpoint } from '../../../src/local';
import { clientConfig, failure, startTest, T0 } from '../helpers';

const MIN = 60_000;
let local: LocalEndpoint;
let cw: CloudWatchClient;

beforeEach(async () => {
  local = await startTest();
  cw = new CloudWatchClient(clientConfig(local.endpoint));
  local.clock.advance('10m');
  // Requests at minutes 0..4, errors at minutes 0, 1 and 3.
  await cw.send(
    new PutMetricDataCommand({
      Namespace: 'App',
      MetricData: [
        ...[10, 20, 30, 40, 50].map((v, i) => ({ MetricName: 'Requests', Timestamp: new Date(T0 + i * MIN), Value: v })),
        ...[1, 2, 0, 4].flatMap((v, i) => (i === 2 ? [] : [{ MetricName: 'Errors', Timestamp: new Date(T0 + i * MIN), Value: v }])),
      ],
    }),
  );
});

afterEach(async () => {
  cw.destroy();
  await local.close();
});

function stat(id: string, metricName: string, extra: Partial<MetricDataQuery> = {}): MetricDataQuery {
  return { Id: id, MetricStat: { Metric: { Namespace: 'App', MetricName: metricName }, Period: 60, Stat: 'Sum' }, ...extra };
}

async function data(queries: MetricDataQuery[], more: { ScanBy?: 'TimestampAscending' | 'TimestampDescending'; MaxDatapoints?: number; NextToken?: string; StartTime?: Date; EndTime?: Date } = {}) {
  return cw.send(new GetMetricDataCommand({ MetricDataQueries: queries, StartTime: new Date(T0), EndTime: new Date(T0 + 5 * MIN), ...more }));
}

function minutes(ts: readonly Date[] | undefined): number[] {
  return (ts ?? []).map((t) => (t.getTime() - T0) / MIN);
}

describe('GetMetricData', () => {
  test('a MetricStat answers its datapoints newest first, with the metric name as label and StatusCode Complete', async () => {
    const out = await data([stat('req', 'Requests')]);
    expect(out.MetricDataResults).toHaveLength(1);
    const r = out.MetricDataResults?.[0];
    expect([r?.Id, r?.Label, r?.StatusCode]).toEqual(['req', 'Requests', 'Complete']);
    expect(minutes(r?.Timestamps)).toEqual([4, 3, 2, 1, 0]);
    expect(r?.Values).toEqual([50, 40, 30, 20, 10]);
    expect(out.NextToken).toBeUndefined();
  });

  test('ScanBy TimestampAscending answers oldest first; StartTime is rounded down to the minute (less than 15 days ago)', async () => {
    const out = await data([stat('req', 'Requests')], { ScanBy: 'TimestampAscending', StartTime: new Date(T0 + MIN + 34_000) });
    expect(minutes(out.MetricDataResults?.[0]?.Timestamps)).toEqual([1, 2, 3, 4]);
    expect(out.MetricDataResults?.[0]?.Values).toEqual([20, 30, 40, 50]);
  });

  test('arithmetic between series keeps the timestamps both have; ReturnData false hides a query; Label names the result', async () => {
    const out = await data(
      [stat('req', 'Requests', { ReturnData: false }), stat('err', 'Errors', { ReturnData: false }), { Id: 'rate', Expression: '100 * err / req', Label: 'Error rate' }],
      { ScanBy: 'TimestampAscending' },
    );
    expect(out.MetricDataResults?.map((r) => r.Id)).toEqual(['rate']);
    const r = out.MetricDataResults?.[0];
    expect(r?.Label).toBe('Error rate');
    expect(minutes(r?.Timestamps)).toEqual([0, 1, 3]);
    expect(r?.Values).toEqual([10, 10, 10]);
  });

  test('SUM(METRICS()) sums per timestamp; AVG of one series is a scalar over the range; ^ and unary minus', async () => {
    const out = await data(
      [stat('m1', 'Requests', { ReturnData: false }), stat('m2', 'Errors', { ReturnData: false }), { Id: 'total', Expression: 'SUM(METRICS())' }, { Id: 'avg', Expression: 'AVG(m1)' }, { Id: 'p', Expression: '-2 ^ 2 + m2' }],
      { ScanBy: 'TimestampAscending' },
    );
    const [total, avg, p] = out.MetricDataResults ?? [];
    expect(minutes(total?.Timestamps)).toEqual([0, 1, 2, 3, 4]);
    expect(total?.Values).toEqual([11, 22, 30, 44, 50]);
    // A scalar answers its value at every period of the range.
    expect(minutes(avg?.Timestamps)).toEqual([0, 1, 2, 3, 4]);
    expect(avg?.Values).toEqual([30, 30, 30, 30, 30]);
    expect(p?.Values).toEqual([-3, -2, 0]);
  });

  test('FILL with a value, REPEAT and LINEAR; METRICS("prefix"); MIN and MAX of an array', async () => {
    const out = await data(
      [
        stat('err', 'Errors', { ReturnData: false }),
        stat('req', 'Requests', { ReturnData: false }),
        { Id: 'zero', Expression: 'FILL(err, 0)' },
        { Id: 'repeat', Expression: 'FILL(err, REPEAT)' },
        { Id: 'linear', Expression: 'FILL(err, LINEAR)' },
        { Id: 'only', Expression: 'SUM(METRICS("er"))' },
        { Id: 'low', Expression: 'MIN(METRICS())' },
        { Id: 'high', Expression: 'MAX(METRICS())' },
      ],
      { ScanBy: 'TimestampAscending' },
    );
    const byId = Object.fromEntries((out.MetricDataResults ?? []).map((r) => [r.Id, r.Values]));
    expect(byId).toEqual({ zero: [1, 2, 0, 4, 0], repeat: [1, 2, 2, 4, 4], linear: [1, 2, 3, 4], only: [1, 2, 4], low: [1, 2, 30, 4, 50], high: [10, 20, 30, 40, 50] });
  });

  test('MaxDatapoints pages with NextToken; a cut result says PartialData until its last page', async () => {
    const queries = [stat('req', 'Requests'), stat('err', 'Errors')];
    const first = await data(queries, { MaxDatapoints: 3 });
    expect(first.MetricDataResults?.map((r) => [r.Id, r.Values, r.StatusCode])).toEqual([
      ['req', [50, 40, 30], 'PartialData'],
      ['err', [], 'PartialData'],
    ]);
    expect(first.NextToken).toBeDefined();
    const second = await data(queries, { MaxDatapoints: 3, NextToken: first.NextToken });
    expect(second.MetricDataResults?.map((r) => [r.Id, r.Values, r.StatusCode])).toEqual([
      ['req', [20, 10], 'Complete'],
      ['err', [4], 'PartialData'],
    ]);
    const third = await data(queries, { MaxDatapoints: 3, NextToken: second.NextToken });
    expect(third.MetricDataResults?.map((r) => [r.Id, r.Values, r.StatusCode])).toEqual([
      ['req', [], 'Complete'],
      ['err', [2, 1], 'Complete'],
    ]);
    expect(third.NextToken).toBeUndefined();
  });

  test.each<[string, MetricDataQuery[], string, string]>([
    ['an id not starting with a lowercase letter', [stat('Req', 'Requests')], 'ValidationError', 'The value Req for parameter MetricDataQueries.member.1.Id is not matching the expected pattern ^[a-z][a-zA-Z0-9_]*$.'],
    ['a duplicate id', [stat('m1', 'Requests'), stat('m1', 'Errors')], 'ValidationError', 'The values for parameter Id in MetricDataQueries are not unique: m1 is used more than once.'],
    ['an unknown reference', [stat('m1', 'Requests'), { Id: 'e1', Expression: 'm1 + m3' }], 'ValidationError', 'Error in expression e1: unrecognized identifier m3 (no query in MetricDataQueries has that Id).'],
    ['a syntax error', [stat('m1', 'Requests'), { Id: 'e1', Expression: 'm1 * (2 + ' }], 'ValidationError', 'Error in expression e1: syntax error at position 11: unexpected end of expression.'],
    ['an unknown function', [stat('m1', 'Requests'), { Id: 'e1', Expression: 'RATE(m1)' }], 'ValidationError', 'Error in expression e1: unknown function RATE; botoscale local evaluates ABS, AVG, CEIL, FILL, FLOOR, MAX, METRICS, MIN, SUM.'],
    ['a circular reference', [{ Id: 'e1', Expression: 'e2 + 1' }, { Id: 'e2', Expression: 'e1 * 2' }], 'ValidationError', 'Error in expression e2: circular reference to e1.'],
    ['both MetricStat and Expression', [{ ...stat('m1', 'Requests'), Expression: '1' }], 'ValidationError', 'The parameters MetricDataQueries.member.1.Expression and MetricDataQueries.member.1.MetricStat are mutually exclusive and you have specified both.'],
    ['Period beside MetricStat', [stat('m1', 'Requests', { Period: 60 })], 'ValidationError', 'The parameters MetricDataQueries.member.1.Period and MetricDataQueries.member.1.MetricStat are mutually exclusive and you have specified both.'],
    ['no ReturnData', [stat('m1', 'Requests', { ReturnData: false })], 'ValidationError', 'No query in MetricDataQueries has ReturnData set to true: at least one metric or expression must return data.'],
    ['more than 500 queries', Array.from({ length: 501 }, (_v, i) => stat(`m${i}`, 'Requests')), 'ValidationError', 'The collection MetricDataQueries must not have a size greater than 500.'],
  ])('%s is refused', async (_what, queries, code, message) => {
    const err = await failure(data(queries));
    expect([err.code ?? err.name, err.status, err.message]).toEqual([code, 400, message]);
  });

  test('a StartTime not before EndTime is refused, by GetMetricData and GetMetricStatistics', async () => {
    const err = await failure(data([stat('m1', 'Requests')], { StartTime: new Date(T0 + MIN), EndTime: new Date(T0 + MIN) }));
    expect([err.code ?? err.name, err.status, err.message]).toEqual(['ValidationError', 400, 'The parameter StartTime must be less than the parameter EndTime.']);
    const stats = await failure(cw.send(new GetMetricStatisticsCommand({ Namespace: 'App', MetricName: 'Requests', StartTime: new Date(T0 + MIN), EndTime: new Date(T0), Period: 60, Statistics: ['Sum'] })));
    expect([stats.name, stats.status, stats.message]).toEqual(['InvalidParameterValueException', 400, 'The parameter StartTime must be less than the parameter EndTime.']);
  });

  test('a NextToken that is not one is InvalidNextToken', async () => {
    const err = await failure(data([stat('m1', 'Requests')], { NextToken: 'garbage!' }));
    expect([err.name, err.status]).toEqual(['InvalidNextToken', 400]);
  });

  test('math that would work on more than 2,000,000 datapoints is refused rather than stalling the server', async () => {
    const fine = { Id: 'm1', MetricStat: { Metric: { Namespace: 'App', MetricName: 'Requests' }, Period: 1, Stat: 'Sum' }, ReturnData: false };
    // FILL counts every period of the range (30 days of seconds: 2,592,000) before filling any.
    const err = await failure(data([fine, { Id: 'e1', Expression: 'FILL(m1, 0)' }], { StartTime: new Date(T0 - 30 * 86_400_000), EndTime: new Date(T0) }));
    expect([err.code ?? err.name, err.message]).toEqual(['ValidationError', 'The metric math of this request works on more than 2,000,000 datapoints; narrow the time range or use a longer Period.']);
  });

  test('an expression nested too deeply is refused quickly, not evaluated', async () => {
    const deep = `${'('.repeat(200)}m1${')'.repeat(200)}`;
    const err = await failure(data([stat('m1', 'Requests'), { Id: 'e1', Expression: deep }]));
    expect([err.code ?? err.name, err.message]).toEqual(['ValidationError', 'Error in expression e1: syntax error at position 65: the expression nests deeper than 64 levels.']);
  });
});

describe('alarm tags', () => {
  async function alarm(name: string, tags?: Array<{ Key: string; Value: string }>): Promise<string> {
    await cw.send(new PutMetricAlarmCommand({ AlarmName: name, Namespace: 'App', MetricName: 'Requests', Statistic: 'Sum', Period: 60, EvaluationPeriods: 1, Threshold: 1, ComparisonOperator: 'GreaterThanThreshold', Tags: tags }));
    return `arn:aws:cloudwatch:us-east-1:123456789012:alarm:${name}`;
  }

  test('PutMetricAlarm Tags, then TagResource adds and replaces, UntagResource removes, ListTagsForResource lists', async () => {
    const arn = await alarm('busy', [{ Key: 'team', Value: 'web' }]);
    expect((await cw.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'team', Value: 'web' }]);
    await cw.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'team', Value: 'ops' }, { Key: 'tier', Value: '1' }] }));
    expect((await cw.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([
      { Key: 'team', Value: 'ops' },
      { Key: 'tier', Value: '1' },
    ]);
    await cw.send(new UntagResourceCommand({ ResourceARN: arn, TagKeys: ['team', 'absent'] }));
    expect((await cw.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'tier', Value: '1' }]);
    // PutMetricAlarm on an existing alarm ignores Tags, as the API Reference says.
    await alarm('busy', [{ Key: 'other', Value: 'x' }]);
    expect((await cw.send(new ListTagsForResourceCommand({ ResourceARN: arn }))).Tags).toEqual([{ Key: 'tier', Value: '1' }]);
  });

  test('an alarm that does not exist is ResourceNotFoundException (404); a malformed ARN and aws: keys are InvalidParameterValue', async () => {
    const missing = await failure(cw.send(new ListTagsForResourceCommand({ ResourceARN: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:nope' })));
    expect([missing.name, missing.status]).toEqual(['ResourceNotFoundException', 404]);
    const bad = await failure(cw.send(new TagResourceCommand({ ResourceARN: 'nope', Tags: [{ Key: 'a', Value: 'b' }] })));
    expect([bad.name, bad.status]).toEqual(['InvalidParameterValueException', 400]);
    const arn = await alarm('busy');
    const reserved = await failure(cw.send(new TagResourceCommand({ ResourceARN: arn, Tags: [{ Key: 'aws:owner', Value: 'b' }] })));
    expect([reserved.name, reserved.message]).toEqual(['InvalidParameterValueException', 'The value aws:owner for parameter Tags.member.1.Key is invalid: tag keys starting with aws: are reserved for AWS.']);
    const many = await failure(cw.send(new TagResourceCommand({ ResourceARN: arn, Tags: Array.from({ length: 51 }, (_v, i) => ({ Key: `k${i}`, Value: 'v' })) })));
    expect([many.name, many.message]).toEqual(['InvalidParameterValueException', 'An alarm can have at most 50 tags; this request would give it 51.']);
  });
});
