import { inspect } from 'node:util';
import { Dimension, MetricAlarm } from '../../src/cloudwatch';
import { alarmJson, cwOnWire, epoch, ok, SCALE_UP_ARN, target, TOPIC_ARN } from '../helpers/cloudwatch';

const OK_TOPIC = 'arn:aws:sns:us-east-1:123456789012:ok-topic';

function fullAlarm(): MetricAlarm {
  return new MetricAlarm({
    name: 'web-latency', metric: 'Latency', namespace: 'AWS/ELB', statistic: 'Maximum',
    comparison: '>=', threshold: 0.25, period: 300, evaluationPeriods: '3', unit: 'Seconds',
    description: 'Latency of the web tier', dimensions: { LoadBalancerName: 'my-lb', AvailabilityZone: ['us-east-1a', 'us-east-1b'] },
    alarmActions: [TOPIC_ARN], insufficientDataActions: [TOPIC_ARN], okActions: [OK_TOPIC],
    actionsEnabled: false, datapointsToAlarm: 2, treatMissingData: 'notBreaching',
  });
}

describe('alarms on the connection', () => {
  test('putMetricAlarm sends every setting and binds the alarm', async () => {
    const { wire, conn } = cwOnWire();
    const alarm = fullAlarm();
    ok(wire);
    await expect(conn.putMetricAlarm(alarm)).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual({
      AlarmName: 'web-latency',
      AlarmDescription: 'Latency of the web tier',
      ActionsEnabled: false,
      AlarmActions: [TOPIC_ARN],
      InsufficientDataActions: [TOPIC_ARN],
      OKActions: [OK_TOPIC],
      MetricName: 'Latency',
      Namespace: 'AWS/ELB',
      Statistic: 'Maximum',
      Dimensions: [
        { Name: 'LoadBalancerName', Value: 'my-lb' },
        { Name: 'AvailabilityZone', Value: 'us-east-1a' },
        { Name: 'AvailabilityZone', Value: 'us-east-1b' },
      ],
      Period: 300,
      Unit: 'Seconds',
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 0.25,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'notBreaching',
    });
    expect(alarm.connection).toBe(conn);
  });

  test('createAlarm and updateAlarm are putMetricAlarm under boto2\'s other names; AWS operator names are taken too', async () => {
    const { wire, conn } = cwOnWire();
    const alarm = new MetricAlarm({
      name: 'low-cpu', metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average',
      comparison: 'LessThanOrEqualToThreshold', threshold: 10, period: 60, evaluationPeriods: 5,
    });
    expect(alarm.comparison).toBe('<=');
    const expected = {
      AlarmName: 'low-cpu', MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Statistic: 'Average',
      ComparisonOperator: 'LessThanOrEqualToThreshold', Threshold: 10, Period: 60, EvaluationPeriods: 5,
    };
    ok(wire);
    await expect(conn.createAlarm(alarm)).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual(expected);

    alarm.threshold = 5;
    alarm.comparison = '<';
    alarm.addAlarmAction(TOPIC_ARN);
    ok(wire);
    await expect(conn.updateAlarm(alarm)).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual({ ...expected, Threshold: 5, ComparisonOperator: 'LessThanThreshold', ActionsEnabled: true, AlarmActions: [TOPIC_ARN] });
  });

  test('describeAlarms sends every filter and reads every attribute of the alarms', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson()], NextToken: 'page-2' });
    const page = await conn.describeAlarms({ actionPrefix: 'arn:aws:autoscaling:', alarmNames: ['scale_up_on_cpu', 'scale_down_on_cpu'], maxRecords: 10, stateValue: 'ALARM', nextToken: 'page-1' });
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarms'));
    expect(wire.last.json).toEqual({
      ActionPrefix: 'arn:aws:autoscaling:', AlarmNames: ['scale_up_on_cpu', 'scale_down_on_cpu'], MaxRecords: 10, StateValue: 'ALARM', NextToken: 'page-1',
    });
    expect(page.nextToken).toBe('page-2');
    expect(page.isTruncated).toBe(true);
    expect(page).toHaveLength(1);
    const a = page[0] as MetricAlarm;
    expect(a).toBeInstanceOf(MetricAlarm);
    expect(a.connection).toBe(conn);
    expect({ ...a }).toEqual({
      name: 'scale_up_on_cpu',
      metric: 'CPUUtilization',
      namespace: 'AWS/EC2',
      statistic: 'Average',
      extendedStatistic: undefined,
      comparison: '>',
      threshold: 70,
      period: 60,
      evaluationPeriods: 2,
      datapointsToAlarm: 2,
      treatMissingData: 'missing',
      unit: 'Percent',
      description: 'Scale up when the group is busy',
      dimensions: new Dimension({ AutoScalingGroupName: ['my_group'] }),
      alarmActions: [SCALE_UP_ARN],
      insufficientDataActions: [TOPIC_ARN],
      okActions: [],
      actionsEnabled: true,
      alarmArn: 'arn:aws:cloudwatch:us-east-1:123456789012:alarm:scale_up_on_cpu',
      lastUpdated: new Date('2013-05-24T21:15:31.280Z'),
      stateValue: 'ALARM',
      stateReason: 'Threshold Crossed: 2 datapoints [85.5 (24/05/13 21:20:00), 82.0 (24/05/13 21:19:00)] were greater than the threshold (70.0).',
      stateReasonData: '{"version":"1.0","queryDate":"2013-05-24T21:21:00.000+0000","statistic":"Average","period":60,"threshold":70.0}',
      stateUpdatedTimestamp: new Date('2013-05-24T21:21:00Z'),
    });
    expect(a.dimensions).toBeInstanceOf(Dimension);
    expect(a.lastUpdated).toBeInstanceOf(Date);
    expect(a.comparisonOperator).toBe('GreaterThanThreshold');
  });

  test('describeAlarms: a prefix, one name as a string, and an empty list meaning all (as boto2)', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [] });
    await conn.describeAlarms({ alarmNamePrefix: 'scale_' });
    expect(wire.last.json).toEqual({ AlarmNamePrefix: 'scale_' });
    wire.replyJson({ MetricAlarms: [] });
    await conn.describeAlarms({ alarmNames: 'scale_up_on_cpu' });
    expect(wire.last.json).toEqual({ AlarmNames: ['scale_up_on_cpu'] });
    wire.replyJson({ MetricAlarms: [] });
    const none = await conn.describeAlarms({ alarmNames: [], stateValue: 'OK' });
    expect(wire.last.json).toEqual({ StateValue: 'OK' });
    expect(none).toEqual([]);
    expect(none.nextToken).toBeUndefined();
  });

  test('for await walks every page of describeAlarms following NextToken', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson({ name: 'a' })], NextToken: 't1' });
    wire.replyJson({ MetricAlarms: [alarmJson({ name: 'b' }), alarmJson({ name: 'c' })], NextToken: 't2' });
    wire.replyJson({ MetricAlarms: [alarmJson({ name: 'd' })] });
    const seen: string[] = [];
    for await (const alarm of conn.describeAlarms({ maxRecords: 2 })) seen.push(alarm.name as string);
    expect(seen).toEqual(['a', 'b', 'c', 'd']);
    expect(wire.requests.map((r) => r.json)).toEqual([{ MaxRecords: 2 }, { MaxRecords: 2, NextToken: 't1' }, { MaxRecords: 2, NextToken: 't2' }]);
    expect(wire.requests.map((r) => r.headers['x-amz-target'])).toEqual([target('DescribeAlarms'), target('DescribeAlarms'), target('DescribeAlarms')]);
  });

  test('alarms with an operator boto2 has no shorthand for, and percentile alarms, keep AWS\'s names', async () => {
    const { wire, conn } = cwOnWire();
    const band = { ...alarmJson({ name: 'band', comparison: 'LessThanLowerOrGreaterThanUpperThreshold' }) };
    const p99 = { ...alarmJson({ name: 'p99' }), Statistic: undefined, ExtendedStatistic: 'p99' };
    wire.replyJson({ MetricAlarms: [band, p99] });
    const [a, b] = await conn.describeAlarms();
    expect(a?.comparison).toBe('LessThanLowerOrGreaterThanUpperThreshold');
    expect(a?.comparisonOperator).toBe('LessThanLowerOrGreaterThanUpperThreshold');
    expect(String(a)).toBe('MetricAlarm:band[CPUUtilization(Average) LessThanLowerOrGreaterThanUpperThreshold 70.0]');
    expect(b?.statistic).toBeUndefined();
    expect(b?.extendedStatistic).toBe('p99');
    expect(String(b)).toBe('MetricAlarm:p99[CPUUtilization(p99) > 70.0]');
    ok(wire);
    await b?.update();
    expect(wire.last.json).toMatchObject({ AlarmName: 'p99', ExtendedStatistic: 'p99', ComparisonOperator: 'GreaterThanThreshold' });
    expect((wire.last.json as Record<string, unknown>).Statistic).toBeUndefined();
  });

  test('describeAlarmsForMetric sends the metric and its filters', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const alarms = await conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', {
      period: '60', statistic: 'Average', dimensions: { AutoScalingGroupName: 'my_group' }, unit: 'Percent',
    });
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarmsForMetric'));
    expect(wire.last.json).toEqual({
      MetricName: 'CPUUtilization', Namespace: 'AWS/EC2', Period: 60, Statistic: 'Average',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }], Unit: 'Percent',
    });
    expect(alarms.map(String)).toEqual(['MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]']);
    expect(alarms.nextToken).toBeUndefined();
    expect(alarms[0]?.connection).toBe(conn);

    wire.replyJson({});
    expect(await conn.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2')).toEqual([]);
    expect(wire.last.json).toEqual({ MetricName: 'CPUUtilization', Namespace: 'AWS/EC2' });
  });

  test('deleteAlarms, enableAlarmActions and disableAlarmActions take a list or one name', async () => {
    const { wire, conn } = cwOnWire();
    const cases: [string, () => Promise<boolean>, string[]][] = [
      ['DeleteAlarms', () => conn.deleteAlarms(['scale_up_on_cpu', 'scale_down_on_cpu']), ['scale_up_on_cpu', 'scale_down_on_cpu']],
      ['DeleteAlarms', () => conn.deleteAlarms('scale_up_on_cpu'), ['scale_up_on_cpu']],
      ['EnableAlarmActions', () => conn.enableAlarmActions(['scale_up_on_cpu']), ['scale_up_on_cpu']],
      ['EnableAlarmActions', () => conn.enableAlarmActions('a'), ['a']],
      ['DisableAlarmActions', () => conn.disableAlarmActions(['a', 'b']), ['a', 'b']],
      ['DisableAlarmActions', () => conn.disableAlarmActions('b'), ['b']],
    ];
    for (const [action, call, sentNames] of cases) {
      ok(wire);
      await expect(call()).resolves.toBe(true);
      expect(wire.last.headers['x-amz-target']).toBe(target(action));
      expect(wire.last.json).toEqual({ AlarmNames: sentNames });
    }
  });

  test('setAlarmState sends the reason data as JSON, as boto2', async () => {
    const { wire, conn } = cwOnWire();
    ok(wire);
    await expect(conn.setAlarmState('scale_up_on_cpu', 'Testing the scale-up policy', 'ALARM', { stateReasonData: { load: 85, by: 'test' } })).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('SetAlarmState'));
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_up_on_cpu', StateReason: 'Testing the scale-up policy', StateValue: 'ALARM', StateReasonData: '{"load":85,"by":"test"}',
    });
    ok(wire);
    await conn.setAlarmState('scale_up_on_cpu', '', 'OK');
    expect(wire.last.json).toEqual({ AlarmName: 'scale_up_on_cpu', StateReason: '', StateValue: 'OK' });
  });
});

describe('MetricAlarm methods', () => {
  async function described(): Promise<{ wire: ReturnType<typeof cwOnWire>['wire']; alarm: MetricAlarm }> {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const [alarm] = await conn.describeAlarms({ alarmNames: ['scale_up_on_cpu'] });
    return { wire, alarm: alarm as MetricAlarm };
  }

  test('setState', async () => {
    const { wire, alarm } = await described();
    ok(wire);
    await expect(alarm.setState('OK', 'Back to normal', { data: ['manual'] })).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('SetAlarmState'));
    expect(wire.last.json).toEqual({ AlarmName: 'scale_up_on_cpu', StateReason: 'Back to normal', StateValue: 'OK', StateReasonData: '["manual"]' });
    ok(wire);
    await alarm.setState('ALARM', 'Testing');
    expect(wire.last.json).toEqual({ AlarmName: 'scale_up_on_cpu', StateReason: 'Testing', StateValue: 'ALARM' });
  });

  test('update sends the alarm as described, with what was changed', async () => {
    const { wire, alarm } = await described();
    alarm.threshold = 80;
    alarm.addOkAction(TOPIC_ARN);
    ok(wire);
    await expect(alarm.update()).resolves.toBe(true);
    expect(wire.last.headers['x-amz-target']).toBe(target('PutMetricAlarm'));
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_up_on_cpu',
      AlarmDescription: 'Scale up when the group is busy',
      ActionsEnabled: true,
      AlarmActions: [SCALE_UP_ARN],
      InsufficientDataActions: [TOPIC_ARN],
      OKActions: [TOPIC_ARN],
      MetricName: 'CPUUtilization',
      Namespace: 'AWS/EC2',
      Statistic: 'Average',
      Dimensions: [{ Name: 'AutoScalingGroupName', Value: 'my_group' }],
      Period: 60,
      Unit: 'Percent',
      EvaluationPeriods: 2,
      DatapointsToAlarm: 2,
      Threshold: 80,
      ComparisonOperator: 'GreaterThanThreshold',
      TreatMissingData: 'missing',
    });
  });

  test('enableActions, disableActions and delete', async () => {
    const { wire, alarm } = await described();
    for (const [call, action] of [
      [() => alarm.enableActions(), 'EnableAlarmActions'],
      [() => alarm.disableActions(), 'DisableAlarmActions'],
      [() => alarm.delete(), 'DeleteAlarms'],
    ] as const) {
      ok(wire);
      await expect(call()).resolves.toBe(true);
      expect(wire.last.headers['x-amz-target']).toBe(target(action));
      expect(wire.last.json).toEqual({ AlarmNames: ['scale_up_on_cpu'] });
    }
  });

  test('addAlarmAction, addInsufficientDataAction and addOkAction add ARNs and turn actions on; nothing without an ARN, as boto2', () => {
    const alarm = new MetricAlarm({ name: 'a' });
    expect(alarm.actionsEnabled).toBeUndefined();
    alarm.addAlarmAction();
    alarm.addInsufficientDataAction('');
    alarm.addOkAction(undefined);
    expect(alarm.actionsEnabled).toBeUndefined();
    expect([alarm.alarmActions, alarm.insufficientDataActions, alarm.okActions]).toEqual([[], [], []]);
    alarm.addAlarmAction(SCALE_UP_ARN);
    expect(alarm.actionsEnabled).toBe(true);
    alarm.addInsufficientDataAction(TOPIC_ARN);
    alarm.addOkAction(OK_TOPIC);
    alarm.addOkAction(TOPIC_ARN);
    expect([alarm.alarmActions, alarm.insufficientDataActions, alarm.okActions]).toEqual([[SCALE_UP_ARN], [TOPIC_ARN], [OK_TOPIC, TOPIC_ARN]]);
  });

  test('boto2\'s constructor defaults, and numbers given as strings', () => {
    const bare = new MetricAlarm();
    expect({ ...bare }).toEqual({
      name: undefined, metric: undefined, namespace: undefined, statistic: undefined, extendedStatistic: undefined, comparison: undefined,
      threshold: undefined, period: undefined, evaluationPeriods: undefined, datapointsToAlarm: undefined, treatMissingData: undefined,
      unit: undefined, description: '', dimensions: undefined, alarmActions: [], insufficientDataActions: [], okActions: [],
      actionsEnabled: undefined, alarmArn: undefined, lastUpdated: undefined, stateValue: undefined, stateReason: undefined,
      stateReasonData: undefined, stateUpdatedTimestamp: undefined,
    });
    const strings = new MetricAlarm({ threshold: ' 70.5 ', period: '300', evaluationPeriods: '2', datapointsToAlarm: '1', comparison: '>=' });
    expect([strings.threshold, strings.period, strings.evaluationPeriods, strings.datapointsToAlarm, strings.comparison]).toEqual([70.5, 300, 2, 1, '>=']);
    expect(inspect(strings)).toBe('MetricAlarm:None[None(None) >= 70.5]');
  });

  test('an alarm without a connection rejects, saying how to get one, and sends nothing', async () => {
    const { wire } = cwOnWire();
    const alarm = new MetricAlarm({ name: 'lonely' });
    const message = /^MetricAlarm:lonely\[None\(None\) None None\] has no connection/;
    await expect(alarm.update()).rejects.toThrow(message);
    await expect(alarm.setState('OK', 'r')).rejects.toThrow(message);
    await expect(alarm.enableActions()).rejects.toThrow(message);
    await expect(alarm.disableActions()).rejects.toThrow(message);
    await expect(alarm.delete()).rejects.toThrow(message);
    const history = alarm.describeHistory();
    await expect(history).rejects.toThrow(message);
    expect(wire.requests).toHaveLength(0);
  });

  test('timestamps of the answer are Dates', async () => {
    const { alarm } = await described();
    expect(alarm.lastUpdated?.getTime()).toBe(epoch('2013-05-24T21:15:31.280Z') * 1000);
    expect(alarm.stateUpdatedTimestamp?.toISOString()).toBe('2013-05-24T21:21:00.000Z');
  });
});
