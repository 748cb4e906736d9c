/**
 * Beyond boto2: `getMetricData` with metric math, metric math alarms (`MetricAlarm.metrics`)
 * and alarm tags, against botoscale local; and the checks that refuse bad input before
 * anything is sent.
 */
import { CloudWatchConnection, MetricAlarm, MetricDataResult, type MetricDataQuery } from '../../src/cloudwatch';
import { BotoClientError, BotoServerError } from '../../src/core';
import { startLocal, type LocalEndpoint } from '../../src/local';

const T0 = Date.UTC(2026, 0, 1);
const MIN = 60_000;
let local: LocalEndpoint;
let conn: CloudWatchConnection;

const stat = (id: string, metricName: string, returnData = false): MetricDataQuery => ({ id, metricStat: { namespace: 'App', metricName, period: 60, stat: 'Sum' }, returnData });

beforeAll(async () => {
  local = await startLocal({ port: 0, realTime: false, clock: { start: T0 }, onError: (err) => { throw err; } });
  conn = new CloudWatchConnection('AKIDLOCALTEST', 'local-test-secret', { endpoint: local.endpoint, region: 'us-east-1', maxAttempts: 1, env: {} });
  local.clock.advance('10m');
  for (const [i, req, err] of [[0, 100, 10], [1, 200, 10], [2, 50, 5]] as const) {
    const timestamp = new Date(T0 + i * MIN);
    await conn.putMetricData('App', ['Requests', 'Errors'], [req, err], { timestamp });
  }
});

afterAll(async () => {
  conn.close();
  await local.close();
});

test('getMetricData answers MetricDataResults that print like boto2 objects, and pages with maxDatapoints', async () => {
  const queries = [stat('req', 'Requests'), stat('err', 'Errors'), { id: 'rate', expression: '100 * err / req', label: 'Error rate' }];
  const page = await conn.getMetricData(queries, new Date(T0), new Date(T0 + 5 * MIN), { scanBy: 'TimestampAscending' });
  expect(page.map(String)).toEqual(['MetricDataResult:rate[Error rate]']);
  const rate = page[0] as MetricDataResult;
  expect(rate).toBeInstanceOf(MetricDataResult);
  expect(rate.values).toEqual([10, 5, 10]);
  expect(rate.datapoints[0]).toEqual([new Date(T0), 10]);
  expect(rate.statusCode).toBe('Complete');
  const paged = conn.getMetricData([stat('req', 'Requests', true)], new Date(T0), new Date(T0 + 5 * MIN), { maxDatapoints: 2 });
  const pages: number[][] = [];
  for await (const p of paged.pages()) pages.push(p.flatMap((r) => r.values));
  expect(pages).toEqual([[50, 200], [100]]);
});

test('a metric math alarm is created with tags, read back with its metrics, evaluated, tagged and untagged', async () => {
  const alarm = new MetricAlarm({
    name: 'error-rate',
    metrics: [stat('req', 'Requests'), stat('err', 'Errors'), { id: 'rate', expression: '100 * err / req', returnData: true }],
    comparison: '>', threshold: 7, evaluationPeriods: 1, tags: { team: 'web' },
  });
  expect(String(alarm)).toBe('MetricAlarm:error-rate[100 * err / req > 7.0]');
  expect(await conn.createAlarm(alarm)).toBe(true);
  await conn.putMetricData('App', ['Requests', 'Errors'], [100, 10], { timestamp: new Date(T0 + 10 * MIN) });
  local.clock.advance('1m');
  const [read] = await conn.describeAlarms({ alarmNames: 'error-rate' });
  expect(String(read)).toBe('MetricAlarm:error-rate[100 * err / req > 7.0]');
  expect(read?.metrics?.map((q) => q.id)).toEqual(['req', 'err', 'rate']);
  expect(read?.metric).toBeUndefined();
  // Minute 10's rate (10%) breaches 7 at the evaluation of minute 11.
  expect(read?.stateValue).toBe('ALARM');
  expect(await conn.listTagsForAlarm(read as MetricAlarm)).toEqual({ team: 'web' });
  expect(await conn.tagAlarm(read as MetricAlarm, { tier: '1' })).toBe(true);
  expect(await conn.untagAlarm(read?.alarmArn as string, 'team')).toBe(true);
  expect(await conn.listTagsForAlarm(read?.alarmArn as string)).toEqual({ tier: '1' });
  // Read back and sent again, the alarm keeps its metrics.
  expect(await (read as MetricAlarm).update()).toBe(true);
  const missing = await conn.listTagsForAlarm('arn:aws:cloudwatch:us-east-1:123456789012:alarm:ghost').catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(BotoServerError);
  expect([(missing as BotoServerError).status, (missing as BotoServerError).errorCode]).toEqual([404, 'ResourceNotFoundException']);
});

test.each<[string, () => Promise<unknown>, string]>([
  ['an id not starting with a lowercase letter', () => conn.getMetricData([{ id: 'Bad', expression: '1' }], new Date(T0), new Date(T0 + MIN)), 'queries[0].id'],
  ['both metricStat and expression', () => conn.getMetricData([{ ...stat('a', 'x'), expression: '1' }], new Date(T0), new Date(T0 + MIN)), 'queries[0] needs exactly one of metricStat and expression'],
  ['a duplicate id', () => conn.getMetricData([stat('a', 'x', true), stat('a', 'y', true)], new Date(T0), new Date(T0 + MIN)), 'queries[1].id "a" is used twice'],
  ['a bad stat', () => conn.getMetricData([{ id: 'a', metricStat: { namespace: 'App', metricName: 'x', period: 60, stat: 'Median' } }], new Date(T0), new Date(T0 + MIN)), 'queries[0].metricStat.stat'],
  ['startTime not before endTime', () => conn.getMetricData([stat('a', 'x', true)], new Date(T0), new Date(T0)), 'startTime must be before endTime'],
  ['no queries', () => conn.getMetricData([], new Date(T0), new Date(T0 + MIN)), 'queries'],
  ['tags that are not an object', () => conn.tagAlarm('arn:aws:cloudwatch:us-east-1:123456789012:alarm:x', 'team' as unknown as Record<string, string>), 'tags must be an object'],
  ['an alarm with metrics and a metric name', () => conn.createAlarm(new MetricAlarm({ name: 'x', metric: 'm', metrics: [stat('a', 'x', true)], comparison: '>', threshold: 1, evaluationPeriods: 1 })), 'an alarm with metrics takes no metric'],
  ['an alarm with two returnData', () => conn.createAlarm(new MetricAlarm({ name: 'x', metrics: [stat('a', 'x', true), stat('b', 'y', true)], comparison: '>', threshold: 1, evaluationPeriods: 1 })), 'exactly one of an alarm\'s metrics must have returnData true'],
])('%s is refused before anything is sent', async (_what, call, message) => {
  const err = await call().catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BotoClientError);
  expect((err as Error).message).toContain(message);
});
