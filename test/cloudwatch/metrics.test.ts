import { BotoClientError } from '../../src/core/errors';
import { Datapoint, Dimension, Metric, MetricAlarm } from '../../src/cloudwatch';
import { alarmJson, cwOnWire, epoch, metricJson, ok, SCALE_UP_ARN, target, TOPIC_ARN } from '../helpers/cloudwatch';

const START = new Date('2013-05-24T21:00:00Z');
const END = new Date('2013-05-24T21:03:00Z');

const DATAPOINTS = {
  Label: 'CPUUtilization',
  Datapoints: [
    { Timestamp: epoch('2013-05-24T21:01:00Z'), SampleCount: 4, Average: 82.5, Maximum: 91.25, Unit: 'Percent' },
    { Timestamp: epoch('2013-05-24T21:00:00Z'), SampleCount: 4, Average: 45, Maximum: 50, Unit: 'Percent' },
  ],
};

describe('metrics', () => {
  test('listMetrics sends its filters (a null value matches any) and reads metrics with their dimensions', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ Metrics: [metricJson(), metricJson('NetworkIn', { InstanceId: 'i-0123456', AutoScalingGroupName: 'my_group' })], NextToken: 'm2' });
    const page = await conn.listMetrics({
      nextToken: 'm1', dimensions: { AutoScalingGroupName: null, InstanceId: ['i-0123456', 'i-0123457'] }, metricName: 'CPUUtilization', namespace: 'AWS/EC2',
    });
    expect(wire.last.headers['x-amz-target']).toBe(target('ListMetrics'));
    expect(wire.last.json).toEqual({
      NextToken: 'm1',
      Dimensions: [{ Name: 'AutoScalingGroupName' }, { Name: 'InstanceId', Value: 'i-0123456' }, { Name: 'InstanceId', Value: 'i-0123457' }],
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
    });
    expect(page.nextToken).toBe('m2');
    expect(page.map(String)).toEqual(['Metric:CPUUtilization', 'Metric:NetworkIn']);
    expect(page.map((m) => ({ ...m }))).toEqual([
      { name: 'CPUUtilization', namespace: 'AWS/EC2', dimensions: new Dimension({ AutoScalingGroupName: 'my_group' }) },
      { name: 'NetworkIn', namespace: 'AWS/EC2', dimensions: new Dimension({ InstanceId: 'i-0123456', AutoScalingGroupName: 'my_group' }) },
    ]);
    expect(page[1]?.dimensions).toBeInstanceOf(Dimension);
    expect(page[0]?.connection).toBe(conn);
  });

  test('listMetrics without options, and for await over its pages', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ Metrics: [metricJson('A')], NextToken: 'next' });
    wire.replyJson({ Metrics: [metricJson('B')] });
    const names: string[] = [];
    for await (const m of conn.listMetrics()) names.push(m.name as string);
    expect(names).toEqual(['A', 'B']);
    expect(wire.requests.map((r) => r.json)).toEqual([{}, { NextToken: 'next' }]);
  });

  test('getMetricStatistics takes boto2\'s argument order and reads typed datapoints', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson(DATAPOINTS);
    const points = await conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', ['Average', 'Maximum', 'SampleCount'], { AutoScalingGroupName: 'my_group' }, 'Percent');
    expect(wire.last.headers['x-amz-target']).toBe(target('GetMetricStatistics'));
    expect(wire.last.json).toEqual({
      Period: 60, StartTime: epoch('2013-05-24T21:00:00Z'), EndTime: epoch('2013-05-24T21:03:00Z'), MetricName: 'CPUUtilization', Namespace: 'AWS/EC2',
      Statistics: ['Average', 'Maximum', 'SampleCount'], Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }], Unit: 'Percent',
    });
    expect(points.map((p) => p instanceof Datapoint)).toEqual([true, true]);
    expect(points.map((p) => ({ ...p }))).toEqual([
      { timestamp: new Date('2013-05-24T21:01:00Z'), sampleCount: 4, average: 82.5, sum: undefined, minimum: undefined, maximum: 91.25, unit: 'Percent' },
      { timestamp: new Date('2013-05-24T21:00:00Z'), sampleCount: 4, average: 45, sum: undefined, minimum: undefined, maximum: 50, unit: 'Percent' },
    ]);
    expect(points.map(String)).toEqual([
      "{'Timestamp': datetime.datetime(2013, 5, 24, 21, 1), 'SampleCount': 4.0, 'Average': 82.5, 'Maximum': 91.25, 'Unit': 'Percent'}",
      "{'Timestamp': datetime.datetime(2013, 5, 24, 21, 0), 'SampleCount': 4.0, 'Average': 45.0, 'Maximum': 50.0, 'Unit': 'Percent'}",
    ]);
    expect(points[0]?.connection).toBe(conn);
    expect(points.nextToken).toBeUndefined();
  });

  test('getMetricStatistics with one statistic as a string, a numeric-string period, no dimensions or unit', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ Label: 'CPUUtilization', Datapoints: [] });
    expect(await conn.getMetricStatistics('300', START, END, 'CPUUtilization', 'AWS/EC2', 'Sum')).toEqual([]);
    expect(wire.last.json).toEqual({
      Period: 300, StartTime: epoch('2013-05-24T21:00:00Z'), EndTime: epoch('2013-05-24T21:03:00Z'), MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistics: ['Sum'],
    });
    wire.replyJson({ Datapoints: [] });
    await conn.getMetricStatistics(10, START, END, 'Requests', 'MyApp', ['SampleCount']);
    expect(wire.last.json).toMatchObject({ Period: 10 });
  });

  test('getMetricStatistics refuses a startTime not before endTime before sending (CloudWatch API Reference, GetMetricStatistics: InvalidParameterValue)', async () => {
    const { wire, conn } = cwOnWire();
    await expect(conn.getMetricStatistics(60, END, START, 'CPUUtilization', 'AWS/EC2', 'Sum')).rejects.toThrow(new BotoClientError('startTime must be before endTime'));
    await expect(conn.getMetricStatistics(60, START, START, 'CPUUtilization', 'AWS/EC2', 'Sum')).rejects.toThrow(new BotoClientError('startTime must be before endTime'));
    expect(wire.requests).toHaveLength(0);
  });

  test('Metric.query asks for the metric\'s own name, namespace and dimensions, with boto2\'s default period of 60', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ Metrics: [metricJson()] });
    const [metric] = await conn.listMetrics({ metricName: 'CPUUtilization' });
    wire.replyJson(DATAPOINTS);
    const points = await (metric as Metric).query(START, END, 'Average');
    expect(wire.last.headers['x-amz-target']).toBe(target('GetMetricStatistics'));
    expect(wire.last.json).toEqual({
      Period: 60, StartTime: epoch('2013-05-24T21:00:00Z'), EndTime: epoch('2013-05-24T21:03:00Z'), MetricName: 'CPUUtilization', Namespace: 'AWS/EC2',
      Statistics: ['Average'], Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
    expect(points).toHaveLength(2);
    wire.replyJson(DATAPOINTS);
    await (metric as Metric).query(START, END, ['Maximum', 'Minimum'], { unit: 'Percent', period: 300 });
    expect(wire.last.json).toMatchObject({ Period: 300, Statistics: ['Maximum', 'Minimum'], Unit: 'Percent' });
  });

  test('Metric.createAlarm creates an alarm on the metric (with its dimensions) and resolves with it, bound', async () => {
    const { wire, conn } = cwOnWire();
    const metric = new Metric({ connection: conn, name: 'CPUUtilization', namespace: 'AWS/EC2', dimensions: { AutoScalingGroupName: 'my_group' } });
    ok(wire);
    const alarm = await metric.createAlarm('scale_up_on_cpu', '>', '70', '60', 2, 'Average', { alarmActions: [SCALE_UP_ARN], description: 'busy' });
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_up_on_cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average', ComparisonOperator: 'GreaterThanThreshold',
      Threshold: 70, Period: 60, EvaluationPeriods: 2, AlarmActions: [SCALE_UP_ARN], AlarmDescription: 'busy',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
    expect(alarm).toBeInstanceOf(MetricAlarm);
    expect(String(alarm)).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]');
    expect(alarm.connection).toBe(conn);

    ok(wire);
    await metric.createAlarm('off', '<=', 5, 300, 1, 'Minimum', {
      enabled: false, dimensions: { InstanceId: 'i-1' }, okActions: [TOPIC_ARN], insufficientDataActions: [TOPIC_ARN], unit: 'Percent',
    });
    expect(wire.last.json).toEqual({
      AlarmName: 'off', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Minimum', ComparisonOperator: 'LessThanOrEqualToThreshold',
      Threshold: 5, Period: 300, EvaluationPeriods: 1, ActionsEnabled: false, OKActions: [TOPIC_ARN], InsufficientDataActions: [TOPIC_ARN],
      Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }], Unit: 'Percent',
    });
  });

  test('Metric.describeAlarms asks for the alarms on the metric (its own dimensions unless others are given)', async () => {
    const { wire, conn } = cwOnWire();
    const metric = new Metric({ connection: conn, name: 'CPUUtilization', namespace: 'AWS/EC2', dimensions: { AutoScalingGroupName: 'my_group' } });
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const alarms = await metric.describeAlarms({ period: 60, statistic: 'Average', unit: 'Percent' });
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarmsForMetric'));
    expect(wire.last.json).toEqual({
      MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 60, Statistic: 'Average', Unit: 'Percent',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
    });
    expect(alarms.map(String)).toEqual(['MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]']);
    wire.replyJson({ MetricAlarms: [] });
    await metric.describeAlarms({ dimensions: { InstanceId: 'i-1' } });
    expect(wire.last.json).toEqual({ MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Dimensions: [{ Name: 'InstanceId', Value: 'i-1' }] });
  });

  test('a Metric without a connection rejects and sends nothing', async () => {
    const { wire } = cwOnWire();
    const metric = new Metric({ name: 'CPUUtilization', namespace: 'AWS/EC2' });
    await expect(metric.query(START, END, 'Average')).rejects.toThrow(/^Metric:CPUUtilization has no connection/);
    await expect(metric.describeAlarms()).rejects.toThrow(/^Metric:CPUUtilization has no connection/);
    await expect(metric.createAlarm('a', '>', 1, 60, 1, 'Average')).rejects.toThrow(/^Metric:CPUUtilization has no connection/);
    expect(wire.requests).toHaveLength(0);
  });
});
