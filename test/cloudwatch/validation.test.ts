/**
 * Every input rule: the exact message, a BotoClientError, a rejection rather than a
 * synchronous throw, and nothing sent.
 */
import { CloudWatchConnection, MetricAlarm, Metric, UNITS, type MetricAlarmOptions } from '../../src/cloudwatch';
import { BotoClientError } from '../../src/core';
import { cwOnWire, SCALE_UP_ARN, TOPIC_ARN } from '../helpers/cloudwatch';

const START = new Date('2013-05-24T21:00:00Z');
const END = new Date('2013-05-24T22:00:00Z');
const STATS = 'SampleCount, Average, Sum, Minimum, Maximum';
const COMPARISONS = '>=, >, <, <=, GreaterThanOrEqualToThreshold, GreaterThanThreshold, LessThanThreshold, LessThanOrEqualToThreshold, '
  + 'LessThanLowerOrGreaterThanUpperThreshold, LessThanLowerThreshold, GreaterThanUpperThreshold';
const UNIT_LIST = UNITS.join(', ');

const VALID: MetricAlarmOptions = {
  name: 'scale_up_on_cpu', namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average',
  comparison: '>', threshold: '70', period: '60', evaluationPeriods: 2, alarmActions: [SCALE_UP_ARN],
};

function alarm(change: Partial<MetricAlarmOptions> = {}, mutate: (a: MetricAlarm) => void = () => undefined): MetricAlarm {
  const a = new MetricAlarm({ ...VALID, ...change });
  mutate(a);
  return a;
}

function manyDimensions(n: number): Record<string, string> {
  return Object.fromEntries(Array.from({ length: n }, (_, i) => [`D${i}`, 'v']));
}

async function expectRejected(call: () => Promise<unknown>, message: string): Promise<void> {
  let pending: Promise<unknown> | undefined;
  expect(() => { pending = call(); }).not.toThrow();
  const err = await (pending as Promise<unknown>).then(() => undefined, (e: unknown) => e);
  expect(err).toBeInstanceOf(BotoClientError);
  expect((err as Error).message).toBe(message);
}

describe('MetricAlarm constructor: numbers as numbers or numeric strings, comparisons and actions', () => {
  const cases: [Partial<MetricAlarmOptions>, string][] = [
    [{ threshold: 'seventy' }, 'threshold must be a number or a numeric string, got "seventy"'],
    [{ threshold: '0x46' }, 'threshold must be a number or a numeric string, got "0x46"'],
    [{ threshold: '' }, 'threshold must be a number or a numeric string, got ""'],
    [{ threshold: Number.NaN }, 'threshold must be a number or a numeric string, got NaN'],
    [{ period: 'sixty' }, 'period must be a number or a numeric string, got "sixty"'],
    [{ period: '60.5' }, 'period must be an integer, got 60.5'],
    [{ evaluationPeriods: '2x' }, 'evaluationPeriods must be a number or a numeric string, got "2x"'],
    [{ evaluationPeriods: 1.5 }, 'evaluationPeriods must be an integer, got 1.5'],
    [{ datapointsToAlarm: 'all' }, 'datapointsToAlarm must be a number or a numeric string, got "all"'],
    [{ comparison: '=>' }, `comparison must be one of ${COMPARISONS}; got "=>"`],
    [{ comparison: 'greaterthanthreshold' }, `comparison must be one of ${COMPARISONS}; got "greaterthanthreshold"`],
    [{ alarmActions: [undefined] }, 'alarmActions[0] is required'],
    [{ okActions: [TOPIC_ARN, undefined] }, 'okActions[1] is required'],
    [{ insufficientDataActions: [undefined] }, 'insufficientDataActions[0] is required'],
  ];
  test.each(cases)('%j → %s', (change, message) => {
    expect(() => alarm(change)).toThrow(BotoClientError);
    expect(() => alarm(change)).toThrow(new BotoClientError(message));
  });

  test('Metric.createAlarm rejects (never throws) with the constructor\'s message, and sends nothing', async () => {
    const { wire, conn } = cwOnWire();
    const metric = new Metric({ connection: conn, name: 'CPUUtilization', namespace: 'AWS/EC2' });
    await expectRejected(() => metric.createAlarm('a', '!=', 70, 60, 2, 'Average'), `comparison must be one of ${COMPARISONS}; got "!="`);
    await expectRejected(() => metric.createAlarm('a', '>', 'high', 60, 2, 'Average'), 'threshold must be a number or a numeric string, got "high"');
    await expectRejected(() => metric.createAlarm('a', '>', 70, 45, 2, 'Average'), 'period must be 10, 20, 30 or a positive multiple of 60, got 45');
    expect(wire.requests).toHaveLength(0);
  });
});

describe('putMetricAlarm checks the alarm before sending', () => {
  const long = 'x'.repeat(256);
  const cases: [string, MetricAlarm | undefined, string][] = [
    ['no alarm', undefined, 'CloudWatchConnection.putMetricAlarm(alarm, { signal, requestTimeout }): `alarm` is required'],
    ['no name', alarm({ name: undefined }), 'name is required'],
    ['a 256-character name', alarm({ name: long }), 'name must be 1 to 255 characters long, got 256'],
    ['no metric', alarm({ metric: undefined }), 'metric is required'],
    ['a 256-character metric', alarm({ metric: long }), 'metric must be 1 to 255 characters long, got 256'],
    ['no namespace', alarm({ namespace: undefined }), 'namespace is required'],
    ['a namespace starting with a colon', alarm({ namespace: ':EC2' }), 'namespace must be a namespace not starting with ":", got ":EC2"'],
    ['no statistic', alarm({ statistic: undefined }), 'statistic is required'],
    ['an unknown statistic', alarm({ statistic: 'Avg' }), `statistic must be one of ${STATS}; got "Avg"`],
    ['no comparison', alarm({ comparison: undefined }), 'comparison is required'],
    ['a comparison changed to nonsense', alarm({}, (a) => { a.comparison = '=='; }), `comparison must be one of ${COMPARISONS}; got "=="`],
    ['no threshold', alarm({ threshold: undefined }), 'threshold is required'],
    ['a threshold changed to Infinity', alarm({}, (a) => { a.threshold = Infinity; }), 'threshold must be a number or a numeric string, got Infinity'],
    ['no period', alarm({ period: undefined }), 'period is required'],
    ['a period of 45', alarm({ period: 45 }), 'period must be 10, 20, 30 or a positive multiple of 60, got 45'],
    ['a period of 90', alarm({ period: '90' }), 'period must be 10, 20, 30 or a positive multiple of 60, got 90'],
    ['a period of 0', alarm({ period: 0 }), 'period must be 10, 20, 30 or a positive multiple of 60, got 0'],
    ['a period of -60', alarm({ period: -60 }), 'period must be 10, 20, 30 or a positive multiple of 60, got -60'],
    ['a period of 1 (statistics only)', alarm({ period: 1 }), 'period must be 10, 20, 30 or a positive multiple of 60, got 1'],
    ['no evaluation periods', alarm({ evaluationPeriods: undefined }), 'evaluationPeriods is required'],
    ['0 evaluation periods', alarm({ evaluationPeriods: 0 }), 'evaluationPeriods must be a positive integer, got 0'],
    ['more than a day of one-minute periods', alarm({ evaluationPeriods: 1441 }), 'period × evaluationPeriods must be at most 86400 seconds (one day, for a period under an hour), got 86460'],
    ['more than seven days of hours', alarm({ period: 3600, evaluationPeriods: 169 }), 'period × evaluationPeriods must be at most 604800 seconds (seven days), got 608400'],
    ['more datapoints to alarm than periods', alarm({ datapointsToAlarm: 3 }), 'datapointsToAlarm must be an integer from 1 to 2, got 3'],
    ['0 datapoints to alarm', alarm({ datapointsToAlarm: 0 }), 'datapointsToAlarm must be an integer from 1 to 2, got 0'],
    ['an unknown treatMissingData', alarm({ treatMissingData: 'zero' }), 'treatMissingData must be one of breaching, notBreaching, ignore, missing; got "zero"'],
    ['an unknown unit', alarm({ unit: 'percent' }), `unit must be one of ${UNIT_LIST}; got "percent"`],
    ['a 1025-character description', alarm({ description: 'd'.repeat(1025) }), 'description must be 0 to 1024 characters long, got 1025'],
    ['31 dimensions', alarm({ dimensions: manyDimensions(31) }), 'dimensions may list at most 30 items, got 31'],
    ['31 dimension values', alarm({ dimensions: { ...manyDimensions(29), Many: ['a', 'b'] } }), 'dimensions may list at most 30 items, got 31'],
    ['an empty dimension value', alarm({ dimensions: { AutoScalingGroupName: '' } }), 'dimensions.AutoScalingGroupName is required'],
    ['a dimension with no values', alarm({ dimensions: { InstanceId: [] } }), 'dimensions.InstanceId is required'],
    ['an empty value in a list', alarm({ dimensions: { InstanceId: ['i-1', ''] } }), 'dimensions.InstanceId[1] is required'],
    ['a 1025-character dimension value', alarm({ dimensions: { InstanceId: 'i'.repeat(1025) } }), 'dimensions.InstanceId must be 1 to 1024 characters long, got 1025'],
    ['an empty dimension name', alarm({ dimensions: { '': 'x' } }), 'dimensions name must be 1 to 255 characters long, got 0'],
    ['an alarm action that is not an ARN', alarm({ alarmActions: ['scale_up'] }), 'alarmActions[0] must be an ARN (arn:partition:service:...), got "scale_up"'],
    ['an OK action that is not an ARN', alarm({ okActions: [TOPIC_ARN, 'my-topic'] }), 'okActions[1] must be an ARN (arn:partition:service:...), got "my-topic"'],
    ['an insufficient-data action that is not an ARN', alarm({ insufficientDataActions: ['arn:'] }), 'insufficientDataActions[0] must be an ARN (arn:partition:service:...), got "arn:"'],
    ['six alarm actions', alarm({ alarmActions: Array.from({ length: 6 }, () => TOPIC_ARN) }), 'alarmActions may list at most 5 items, got 6'],
    ['an action added that is not an ARN', alarm({}, (a) => a.addAlarmAction('sns:my-topic')), 'alarmActions[1] must be an ARN (arn:partition:service:...), got "sns:my-topic"'],
  ];
  test.each(cases)('%s', async (_what, a, message) => {
    const { wire, conn } = cwOnWire();
    await expectRejected(() => conn.putMetricAlarm(a as MetricAlarm), message);
    if (a !== undefined) {
      await expectRejected(() => conn.createAlarm(a), message);
      await expectRejected(() => conn.updateAlarm(a), message);
      expect(a.connection).toBeUndefined();
    }
    expect(wire.requests).toHaveLength(0);
  });

  test('high-resolution periods 10, 20 and 30, and any multiple of 60, are accepted', async () => {
    const { wire, conn } = cwOnWire();
    for (const period of [10, 20, 30, 60, 120, 3600, 86_400]) {
      wire.replyJson({});
      await conn.putMetricAlarm(alarm({ period, evaluationPeriods: 1 }));
      expect(wire.last.json).toMatchObject({ Period: period });
    }
  });
});

describe('the other calls check their arguments before sending', () => {
  const names101 = Array.from({ length: 101 }, (_, i) => `alarm-${i}`);
  const cases: [string, (conn: CloudWatchConnection) => Promise<unknown>, string][] = [
    ['describeAlarms maxRecords 0', (conn) => conn.describeAlarms({ maxRecords: 0 }), 'maxRecords must be an integer from 1 to 100, got 0'],
    ['describeAlarms maxRecords 101', (conn) => conn.describeAlarms({ maxRecords: 101 }), 'maxRecords must be an integer from 1 to 100, got 101'],
    ['describeAlarms stateValue', (conn) => conn.describeAlarms({ stateValue: 'alarm' }), 'stateValue must be one of OK, ALARM, INSUFFICIENT_DATA; got "alarm"'],
    ['describeAlarms prefix and names', (conn) => conn.describeAlarms({ alarmNamePrefix: 'scale', alarmNames: ['a'] }), 'alarmNamePrefix and alarmNames cannot be given together'],
    ['describeAlarms 101 names', (conn) => conn.describeAlarms({ alarmNames: names101 }), 'alarmNames may list at most 100 items, got 101'],
    ['describeAlarms a long name', (conn) => conn.describeAlarms({ alarmNames: ['a', 'n'.repeat(256)] }), 'alarmNames[1] must be 1 to 255 characters long, got 256'],
    ['describeAlarms a long prefix', (conn) => conn.describeAlarms({ alarmNamePrefix: 'p'.repeat(256) }), 'alarmNamePrefix must be 1 to 255 characters long, got 256'],
    ['describeAlarms a long action prefix', (conn) => conn.describeAlarms({ actionPrefix: 'a'.repeat(1025) }), 'actionPrefix must be 1 to 1024 characters long, got 1025'],
    ['describeAlarmHistory maxRecords', (conn) => conn.describeAlarmHistory({ maxRecords: 1000 }), 'maxRecords must be an integer from 1 to 100, got 1000'],
    ['describeAlarmHistory item type', (conn) => conn.describeAlarmHistory({ historyItemType: 'State' }),
      'historyItemType must be one of ConfigurationUpdate, StateUpdate, Action, AlarmContributorStateUpdate, AlarmContributorAction; got "State"'],
    ['describeAlarmHistory an invalid date', (conn) => conn.describeAlarmHistory({ startDate: new Date('yesterday') }), 'startDate must be a valid Date, got an invalid Date'],
    ['describeAlarmHistory a date as text', (conn) => conn.describeAlarmHistory({ endDate: '2013-05-24' as unknown as Date }), 'endDate must be a valid Date, got "2013-05-24"'],
    ['describeAlarmHistory a long name', (conn) => conn.describeAlarmHistory({ alarmName: 'n'.repeat(256) }), 'alarmName must be 1 to 255 characters long, got 256'],
    ['describeAlarmsForMetric no metric', (conn) => conn.describeAlarmsForMetric('', 'AWS/EC2'), 'metricName is required'],
    ['describeAlarmsForMetric no namespace', (conn) => conn.describeAlarmsForMetric('CPUUtilization', ''), 'namespace is required'],
    ['describeAlarmsForMetric period', (conn) => conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', { period: 45 }), 'period must be 10, 20, 30 or a positive multiple of 60, got 45'],
    ['describeAlarmsForMetric statistic', (conn) => conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', { statistic: 'Mean' }), `statistic must be one of ${STATS}; got "Mean"`],
    ['describeAlarmsForMetric unit', (conn) => conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', { unit: 'Percents' }), `unit must be one of ${UNIT_LIST}; got "Percents"`],
    ['describeAlarmsForMetric dimensions', (conn) => conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', { dimensions: manyDimensions(31) }), 'dimensions may list at most 30 items, got 31'],
    ['deleteAlarms no names', (conn) => conn.deleteAlarms([]), 'alarms must list at least one item'],
    ['deleteAlarms nothing', (conn) => conn.deleteAlarms(undefined as unknown as string[]), 'CloudWatchConnection.deleteAlarms(alarms, { signal, requestTimeout }): `alarms` is required'],
    ['deleteAlarms 101 names', (conn) => conn.deleteAlarms(names101), 'alarms may list at most 100 items, got 101'],
    ['deleteAlarms an empty name', (conn) => conn.deleteAlarms(['a', '']), 'alarms[1] is required'],
    ['enableAlarmActions no names', (conn) => conn.enableAlarmActions([]), 'alarmNames must list at least one item'],
    ['disableAlarmActions a long name', (conn) => conn.disableAlarmActions('n'.repeat(256)), 'alarmNames[0] must be 1 to 255 characters long, got 256'],
    ['setAlarmState no alarm name', (conn) => conn.setAlarmState('', 'r', 'OK'), 'alarmName is required'],
    ['setAlarmState no reason', (conn) => conn.setAlarmState('a', undefined as unknown as string, 'OK'), 'CloudWatchConnection.setAlarmState(alarmName, stateReason, stateValue, { stateReasonData, signal, requestTimeout }): `stateReason` is required'],
    ['setAlarmState a long reason', (conn) => conn.setAlarmState('a', 'r'.repeat(1024), 'OK'), 'stateReason must be 0 to 1023 characters long, got 1024'],
    ['setAlarmState no state', (conn) => conn.setAlarmState('a', 'r', ''), 'stateValue is required'],
    ['setAlarmState a state in lower case', (conn) => conn.setAlarmState('a', 'r', 'ok'), 'stateValue must be one of OK, ALARM, INSUFFICIENT_DATA; got "ok"'],
    ['setAlarmState long reason data', (conn) => conn.setAlarmState('a', 'r', 'OK', { stateReasonData: 'd'.repeat(4000) }), 'stateReasonData (as JSON) must be 0 to 4000 characters long, got 4002'],
    ['getMetricStatistics period 45', (conn) => conn.getMetricStatistics(45, START, END, 'CPUUtilization', 'AWS/EC2', 'Average'),
      'period must be 1, 5, 10, 20, 30 or a positive multiple of 60, got 45'],
    ['getMetricStatistics period as text', (conn) => conn.getMetricStatistics('1m', START, END, 'CPUUtilization', 'AWS/EC2', 'Average'),
      'period must be a number or a numeric string, got "1m"'],
    ['getMetricStatistics no start', (conn) => conn.getMetricStatistics(60, undefined as unknown as Date, END, 'CPUUtilization', 'AWS/EC2', 'Average'), 'CloudWatchConnection.getMetricStatistics(period, startTime, endTime, metricName, namespace, statistics, dimensions?, unit?, { signal, requestTimeout }): `startTime` is required'],
    ['getMetricStatistics an invalid end', (conn) => conn.getMetricStatistics(60, START, new Date(Number.NaN), 'CPUUtilization', 'AWS/EC2', 'Average'),
      'endTime must be a valid Date, got an invalid Date'],
    ['getMetricStatistics no metric', (conn) => conn.getMetricStatistics(60, START, END, '', 'AWS/EC2', 'Average'), 'metricName is required'],
    ['getMetricStatistics no namespace', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', '', 'Average'), 'namespace is required'],
    ['getMetricStatistics no statistics', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', []), 'statistics must list at least one item'],
    ['getMetricStatistics six statistics', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', ['Average', 'Sum', 'SampleCount', 'Maximum', 'Minimum', 'Average']),
      'statistics may list at most 5 items, got 6'],
    ['getMetricStatistics a percentile', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', ['Average', 'p99']), `statistics[1] must be one of ${STATS}; got "p99"`],
    ['getMetricStatistics one unknown statistic', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', 'average'), `statistics must be one of ${STATS}; got "average"`],
    ['getMetricStatistics dimensions', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', 'Average', manyDimensions(31)), 'dimensions may list at most 30 items, got 31'],
    ['getMetricStatistics unit', (conn) => conn.getMetricStatistics(60, START, END, 'CPUUtilization', 'AWS/EC2', 'Average', undefined, 'Pct'), `unit must be one of ${UNIT_LIST}; got "Pct"`],
    ['Metric.query period', (conn) => new Metric({ connection: conn, name: 'CPUUtilization', namespace: 'AWS/EC2' }).query(START, END, 'Average', { period: 45 }),
      'period must be 1, 5, 10, 20, 30 or a positive multiple of 60, got 45'],
    ['listMetrics 11 dimension filters', (conn) => conn.listMetrics({ dimensions: manyDimensions(11) }), 'dimensions may list at most 10 items, got 11'],
    ['listMetrics a namespace starting with a colon', (conn) => conn.listMetrics({ namespace: ':x' }), 'namespace must be a namespace not starting with ":", got ":x"'],
    ['listMetrics a long metric name', (conn) => conn.listMetrics({ metricName: 'm'.repeat(256) }), 'metricName must be 1 to 255 characters long, got 256'],
    ['putMetricData no namespace', (conn) => conn.putMetricData('', 'Requests', 1), 'namespace is required'],
    ['putMetricData no name', (conn) => conn.putMetricData('MyApp', undefined as unknown as string, 1), 'CloudWatchConnection.putMetricData(namespace, name, value?, { timestamp, unit, dimensions, statistics, storageResolution, signal, requestTimeout }): `name` is required'],
    ['putMetricData an empty list of names', (conn) => conn.putMetricData('MyApp', [], 1), 'name must list at least one item'],
    ['putMetricData neither value nor statistics', (conn) => conn.putMetricData('MyApp', 'Requests'), 'value or statistics is required'],
    ['putMetricData value and statistics', (conn) => conn.putMetricData('MyApp', 'Requests', 1, { statistics: { maximum: 1, minimum: 1, samplecount: 1, sum: 1 } }),
      'value and statistics cannot be given together'],
    ['putMetricData lists of different lengths', (conn) => conn.putMetricData('MyApp', ['a', 'b', 'c'], [1, 2]), 'value must list 3 items, as many as the longest list argument, got 2'],
    ['putMetricData timestamps short of the values', (conn) => conn.putMetricData('MyApp', 'a', [1, 2], { timestamp: [START] }), 'timestamp must list 2 items, as many as the longest list argument, got 1'],
    ['putMetricData a value that is not a number', (conn) => conn.putMetricData('MyApp', 'a', [1, 'two']), 'value[1] must be a number or a numeric string, got "two"'],
    ['putMetricData NaN', (conn) => conn.putMetricData('MyApp', 'a', Number.NaN), 'value must be a number or a numeric string, got NaN'],
    ['putMetricData a value beyond 2^360', (conn) => conn.putMetricData('MyApp', 'a', 2 ** 361), `value must be from -2^360 to 2^360, got ${String(2 ** 361)}`],
    ['putMetricData a long name in a list', (conn) => conn.putMetricData('MyApp', ['a', 'n'.repeat(256)], 1), 'name[1] must be 1 to 255 characters long, got 256'],
    ['putMetricData a unit', (conn) => conn.putMetricData('MyApp', 'a', 1, { unit: 'Requests' }), `unit must be one of ${UNIT_LIST}; got "Requests"`],
    ['putMetricData a unit in a list', (conn) => conn.putMetricData('MyApp', 'a', [1, 2], { unit: ['Count', 'count'] }), `unit[1] must be one of ${UNIT_LIST}; got "count"`],
    ['putMetricData 31 dimensions', (conn) => conn.putMetricData('MyApp', 'a', 1, { dimensions: manyDimensions(31) }), 'dimensions may list at most 30 items, got 31'],
    ['putMetricData an invalid timestamp', (conn) => conn.putMetricData('MyApp', 'a', 1, { timestamp: new Date('never') }), 'timestamp must be a valid Date, got an invalid Date'],
    ['putMetricData a statistic set without sum', (conn) => conn.putMetricData('MyApp', 'a', undefined, { statistics: { maximum: 1, minimum: 1, samplecount: 1 } as unknown as { maximum: number; minimum: number; sum: number } }),
      'statistics.sum is required'],
    ['putMetricData a statistic set without a count', (conn) => conn.putMetricData('MyApp', 'a', undefined, { statistics: { maximum: 1, minimum: 1, sum: 1 } }), 'statistics.samplecount is required'],
    ['putMetricData a storage resolution of 5', (conn) => conn.putMetricData('MyApp', 'a', 1, { storageResolution: 5 }), 'storageResolution must be 1 or 60, got 5'],
  ];
  test.each(cases)('%s', async (_what, call, message) => {
    const { wire, conn } = cwOnWire();
    await expectRejected(() => call(conn), message);
    expect(wire.requests).toHaveLength(0);
  });
});
