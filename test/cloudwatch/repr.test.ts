/** Every class prints as boto2's `repr` (checked against boto 2.49 running in Python). */
import { inspect } from 'node:util';
import { AlarmHistoryItem, CloudWatchConnection, Datapoint, Dimension, Metric, MetricAlarm } from '../../src/cloudwatch';
import { ResultSet } from '../../src/core';

describe('boto2 reprs', () => {
  test('MetricAlarm: name[metric(statistic) comparison threshold], the comparison as boto2\'s shorthand, the threshold as a Python float', () => {
    const base = { name: 'scale_up_on_cpu', metric: 'CPUUtilization', statistic: 'Average' };
    expect(String(new MetricAlarm({ ...base, comparison: '>', threshold: '70' }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]');
    expect(String(new MetricAlarm({ ...base, comparison: '>=', threshold: 70.5 }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) >= 70.5]');
    expect(String(new MetricAlarm({ ...base, comparison: 'LessThanThreshold', threshold: -5 }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) < -5.0]');
    expect(String(new MetricAlarm({ ...base, comparison: '<=', threshold: 0.00001 }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) <= 1e-05]');
    expect(String(new MetricAlarm({ ...base, comparison: '>', threshold: 1e16 }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 1e+16]');
    expect(String(new MetricAlarm())).toBe('MetricAlarm:None[None(None) None None]');
    expect(inspect(new MetricAlarm({ ...base, comparison: '<', threshold: '40' }))).toBe('MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) < 40.0]');
  });

  test('AlarmHistoryItem: AlarmHistory:name[summary at timestamp], the timestamp as Python\'s str(datetime)', () => {
    const item = new AlarmHistoryItem({ name: 'scale_up_on_cpu', summary: 'Alarm updated from OK to ALARM', timestamp: new Date('2013-05-24T21:21:00.512Z') });
    expect(String(item)).toBe('AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 2013-05-24 21:21:00.512000]');
    item.timestamp = new Date('2013-05-24T21:21:00Z');
    expect(inspect(item)).toBe('AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 2013-05-24 21:21:00]');
    item.timestamp = new Date('0999-01-02T03:04:05.006Z');
    expect(String(item)).toBe('AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 0999-01-02 03:04:05.006000]');
  });

  test('Metric: Metric:name', () => {
    expect(String(new Metric({ name: 'CPUUtilization', namespace: 'AWS/EC2' }))).toBe('Metric:CPUUtilization');
    expect(inspect(new Metric())).toBe('Metric:None');
  });

  test('Datapoint: the dict boto2 holds, its statistics as Python floats and its timestamp as a datetime', () => {
    const full = new Datapoint({
      timestamp: new Date('2013-05-24T21:15:31.280Z'), sampleCount: 3, average: 0.30000000000000004, sum: 1e16, minimum: -0.00001, maximum: 2, unit: "it's",
    });
    expect(String(full)).toBe(
      "{'Timestamp': datetime.datetime(2013, 5, 24, 21, 15, 31, 280000), 'SampleCount': 3.0, 'Average': 0.30000000000000004, 'Sum': 1e+16, 'Minimum': -1e-05, 'Maximum': 2.0, 'Unit': \"it's\"}",
    );
    expect(inspect(new Datapoint({ timestamp: new Date('2013-05-24T21:15:07Z'), average: 45 }))).toBe("{'Timestamp': datetime.datetime(2013, 5, 24, 21, 15, 7), 'Average': 45.0}");
    expect(String(new Datapoint({ timestamp: new Date('2013-05-24T00:00:00Z') }))).toBe("{'Timestamp': datetime.datetime(2013, 5, 24, 0, 0)}");
    expect(String(new Datapoint())).toBe('{}');
  });

  test('Dimension: the dict of lists boto2 holds', () => {
    const d = new Dimension({ AutoScalingGroupName: 'my_group', InstanceId: ['i-0123456', 'i-0123457'] });
    expect(String(d)).toBe("{'AutoScalingGroupName': ['my_group'], 'InstanceId': ['i-0123456', 'i-0123457']}");
    expect(inspect(d)).toBe("{'AutoScalingGroupName': ['my_group'], 'InstanceId': ['i-0123456', 'i-0123457']}");
    expect(String(new Dimension({ "Server's": ['a"b', "c'd"] }))).toBe(`{"Server's": ['a"b', "c'd"]}`);
    expect(String(new Dimension())).toBe('{}');
    expect(Object.keys(d)).toEqual(['AutoScalingGroupName', 'InstanceId']);
    expect(d.InstanceId).toEqual(['i-0123456', 'i-0123457']);
    expect(JSON.stringify(d)).toBe('{"AutoScalingGroupName":["my_group"],"InstanceId":["i-0123456","i-0123457"]}');
  });

  test('Dimension takes any name, even __proto__, as data', () => {
    const d = new Dimension({ ['__proto__']: 'x', constructor: 'y' });
    expect(Object.keys(d)).toEqual(['__proto__', 'constructor']);
    expect(Object.getPrototypeOf(d)).toBe(Dimension.prototype);
    expect(String(d)).toBe("{'__proto__': ['x'], 'constructor': ['y']}");
    const fromAws = Dimension.fromSdk([{ Name: '__proto__', Value: 'a' }, { Name: '__proto__', Value: 'b' }]);
    expect(Object.getPrototypeOf(fromAws)).toBe(Dimension.prototype);
    expect(String(fromAws)).toBe("{'__proto__': ['a', 'b']}");
  });

  test('CloudWatchConnection: CloudWatchConnection:host; a page prints as a list of its items', () => {
    expect(String(new CloudWatchConnection({ region: 'eu-west-1', env: {} }))).toBe('CloudWatchConnection:monitoring.eu-west-1.amazonaws.com');
    const page = ResultSet.fromPage([new Metric({ name: 'CPUUtilization' }), new Metric({ name: 'NetworkIn' })], 'next');
    expect(inspect(page)).toBe('[ Metric:CPUUtilization, Metric:NetworkIn ]');
  });
});
