/**
 * botoscale/cloudwatch end to end against botoscale local (AWS JSON 1.0 over HTTP, on a
 * clock driven by hand): the tutorial's alarms, metric data and the statistics and metrics
 * it makes, alarm states and history, and an error answer.
 */
import { CloudWatchConnection, MetricAlarm } from '../../src/cloudwatch';
import { BotoServerError } from '../../src/core';
import { startLocal, type LocalEndpoint } from '../../src/local';

const T0 = Date.UTC(2026, 0, 1);
let local: LocalEndpoint;
let conn: CloudWatchConnection;

beforeAll(async () => {
  local = await startLocal({ port: 0, realTime: false, clock: { start: T0 }, onError: (err) => { throw err; } });
  conn = new CloudWatchConnection('AKIDLOCALTEST', 'local-test-secret', { endpoint: local.endpoint, region: 'us-east-1', maxAttempts: 1, env: {} });
});

afterAll(async () => {
  conn.close();
  await local.close();
});

describe('against botoscale local', () => {
  test('the tutorial alarms are created, listed as boto2 prints them, and deleted', async () => {
    const dimensions = { AutoScalingGroupName: 'my_group' };
    const up = new MetricAlarm({
      name: 'scale_up_on_cpu', namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average',
      comparison: '>', threshold: '70', period: '60', evaluationPeriods: 2, dimensions,
    });
    const down = new MetricAlarm({
      name: 'scale_down_on_cpu', namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average',
      comparison: '<', threshold: '40', period: '60', evaluationPeriods: 2, dimensions,
    });
    expect(await conn.createAlarm(up)).toBe(true);
    expect(await conn.createAlarm(down)).toBe(true);
    const alarms = await conn.describeAlarms({ alarmNamePrefix: 'scale_' });
    expect(alarms.map(String)).toEqual([
      'MetricAlarm:scale_down_on_cpu[CPUUtilization(Average) < 40.0]',
      'MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]',
    ]);
    const read = alarms[1] as MetricAlarm;
    expect(read.dimensions).toEqual({ AutoScalingGroupName: ['my_group'] });
    expect(read.stateValue).toBe('INSUFFICIENT_DATA');
    expect(read.lastUpdated).toBeInstanceOf(Date);
    expect(await conn.deleteAlarms(['scale_up_on_cpu', 'scale_down_on_cpu'])).toBe(true);
    expect(await conn.describeAlarms({ alarmNamePrefix: 'scale_' })).toEqual([]);
  });

  // Kept under the SDK's 10 KB compression threshold: botoscale local does not yet read
  // gzip-encoded bodies, which the SDK sends for larger PutMetricData requests.
  test('datapoints put over 50 minutes come back as statistics and a metric', async () => {
    const start = local.clock.now() - 50 * 60_000;
    const times = Array.from({ length: 50 }, (_, i) => new Date(start + i * 60_000));
    const values = Array.from({ length: 50 }, (_, i) => i);
    expect(await conn.putMetricData('MyApp', 'Requests', values, { timestamp: times, unit: 'Count', dimensions: { Server: 'web-1' } })).toBe(true);
    const points = await conn.getMetricStatistics(600, new Date(start), new Date(start + 50 * 60_000), 'Requests', 'MyApp', ['Sum', 'SampleCount', 'Maximum'], { Server: 'web-1' });
    const sorted = [...points].sort((a, b) => (a.timestamp as Date).getTime() - (b.timestamp as Date).getTime());
    expect(sorted.map((p) => [p.timestamp?.getTime(), p.sampleCount, p.sum, p.maximum, p.unit])).toEqual(
      [45, 145, 245, 345, 445].map((sum, k) => [start + k * 600_000, 10, sum, k * 10 + 9, 'Count']),
    );
    const metrics = await conn.listMetrics({ namespace: 'MyApp', dimensions: { Server: null } });
    expect(metrics.map(String)).toEqual(['Metric:Requests']);
    expect(metrics[0]?.dimensions).toEqual({ Server: ['web-1'] });
    const query = await metrics[0]?.query(new Date(start), new Date(start + 10 * 60_000), 'Average', { period: 600 });
    expect(query?.map((p) => p.average)).toEqual([4.5]);
  });

  test('an alarm set to ALARM by hand shows in its history', async () => {
    const alarm = new MetricAlarm({ name: 'busy', namespace: 'MyApp', metric: 'Requests', statistic: 'Sum', comparison: '>=', threshold: 1000, period: 60, evaluationPeriods: 1 });
    await conn.putMetricAlarm(alarm);
    await alarm.setState('ALARM', 'Testing the alarm by hand', { data: { by: 'test' } });
    const [described] = await conn.describeAlarms({ alarmNames: 'busy' });
    expect(described?.stateValue).toBe('ALARM');
    expect(described?.stateReason).toBe('Testing the alarm by hand');
    const history = await alarm.describeHistory({ historyItemType: 'StateUpdate' });
    expect(history.map((h) => h.summary)).toContain('Alarm updated from INSUFFICIENT_DATA to ALARM');
    expect(history.every((h) => h.name === 'busy' && h.timestamp instanceof Date)).toBe(true);
    await alarm.delete();
  });

  test('deleting an alarm that does not exist is a BotoServerError with AWS\'s code', async () => {
    const err = await conn.deleteAlarms('no-such-alarm').catch((e: unknown) => e);
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err).toMatchObject({ status: 404, errorCode: 'ResourceNotFound' });
  });
});
