import { AlarmHistoryItem, MetricAlarm } from '../../src/cloudwatch';
import { alarmJson, cwOnWire, epoch, historyJson, target } from '../helpers/cloudwatch';

describe('alarm history', () => {
  test('describeAlarmHistory sends every filter (dates as epoch seconds) and reads every attribute', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({
      AlarmHistoryItems: [
        historyJson(),
        historyJson({ type: 'Action', at: '2013-05-24T21:21:01Z', summary: 'Successfully executed action arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:ac542982', data: '{"actionState":"Succeeded"}' }),
        historyJson({ type: 'ConfigurationUpdate', at: '2013-05-24T21:15:31Z', summary: 'Alarm "scale_up_on_cpu" created', data: 'not json' }),
      ],
      NextToken: 'h2',
    });
    const page = await conn.describeAlarmHistory({
      alarmName: 'scale_up_on_cpu', startDate: new Date('2013-05-24T00:00:00Z'), endDate: new Date('2013-05-25T00:00:00.500Z'),
      maxRecords: 3, historyItemType: 'StateUpdate', nextToken: 'h1',
    });
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarmHistory'));
    expect(wire.last.json).toEqual({
      AlarmName: 'scale_up_on_cpu', StartDate: epoch('2013-05-24T00:00:00Z'), EndDate: 1369440000.5,
      HistoryItemType: 'StateUpdate', MaxRecords: 3, NextToken: 'h1',
    });
    expect(page.nextToken).toBe('h2');
    expect(page.map((h) => h instanceof AlarmHistoryItem)).toEqual([true, true, true]);
    expect(page.map((h) => ({ ...h }))).toEqual([
      {
        name: 'scale_up_on_cpu', itemType: 'StateUpdate', summary: 'Alarm updated from OK to ALARM', timestamp: new Date('2013-05-24T21:21:00.512Z'),
        data: { version: '1.0', oldState: { stateValue: 'OK' }, newState: { stateValue: 'ALARM', stateReason: 'Threshold Crossed' } },
      },
      {
        name: 'scale_up_on_cpu', itemType: 'Action', summary: 'Successfully executed action arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:ac542982',
        timestamp: new Date('2013-05-24T21:21:01Z'), data: { actionState: 'Succeeded' },
      },
      {
        name: 'scale_up_on_cpu', itemType: 'ConfigurationUpdate', summary: 'Alarm "scale_up_on_cpu" created',
        timestamp: new Date('2013-05-24T21:15:31Z'), data: 'not json',
      },
    ]);
    expect(page[0]?.temType).toBe('StateUpdate');
    expect(page[0]?.connection).toBe(conn);
    expect(page.map(String)).toEqual([
      'AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 2013-05-24 21:21:00.512000]',
      'AlarmHistory:scale_up_on_cpu[Successfully executed action arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:ac542982 at 2013-05-24 21:21:01]',
      'AlarmHistory:scale_up_on_cpu[Alarm "scale_up_on_cpu" created at 2013-05-24 21:15:31]',
    ]);
  });

  test('describeAlarmHistory with no options asks for every alarm\'s history; for await follows NextToken', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ AlarmHistoryItems: [historyJson({ name: 'a' })], NextToken: 'n1' });
    wire.replyJson({ AlarmHistoryItems: [historyJson({ name: 'b' })] });
    const names: string[] = [];
    for await (const item of conn.describeAlarmHistory()) names.push(item.name as string);
    expect(names).toEqual(['a', 'b']);
    expect(wire.requests.map((r) => r.json)).toEqual([{}, { NextToken: 'n1' }]);
    expect(wire.requests.map((r) => r.headers['x-amz-target'])).toEqual([target('DescribeAlarmHistory'), target('DescribeAlarmHistory')]);
  });

  test('MetricAlarm.describeHistory asks for the alarm\'s own history', async () => {
    const { wire, conn } = cwOnWire();
    wire.replyJson({ MetricAlarms: [alarmJson()] });
    const [alarm] = await conn.describeAlarms();
    wire.replyJson({ AlarmHistoryItems: [historyJson()] });
    const history = await (alarm as MetricAlarm).describeHistory({ historyItemType: 'StateUpdate', maxRecords: 10, startDate: new Date('2013-05-24T21:00:00Z') });
    expect(wire.last.headers['x-amz-target']).toBe(target('DescribeAlarmHistory'));
    expect(wire.last.json).toEqual({ AlarmName: 'scale_up_on_cpu', HistoryItemType: 'StateUpdate', MaxRecords: 10, StartDate: epoch('2013-05-24T21:00:00Z') });
    expect(history.map(String)).toEqual(['AlarmHistory:scale_up_on_cpu[Alarm updated from OK to ALARM at 2013-05-24 21:21:00.512000]']);
  });

  test('an AlarmHistoryItem made by hand, and the repr of missing fields', () => {
    const item = new AlarmHistoryItem({ name: 'x', summary: 'Alarm updated', itemType: 'StateUpdate', timestamp: new Date('2020-01-02T03:04:05Z'), data: { a: 1 } });
    expect(String(item)).toBe('AlarmHistory:x[Alarm updated at 2020-01-02 03:04:05]');
    expect(item.connection).toBeUndefined();
    expect(String(new AlarmHistoryItem())).toBe('AlarmHistory:None[None at None]');
  });
});
