import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { AutoScalingGroup, ScheduledUpdateGroupAction } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

const ACTIONS = `<ScheduledUpdateGroupActions>
  <member>
    <ScheduledActionName>my-scheduled-action</ScheduledActionName>
    <ScheduledActionARN>arn:aws:autoscaling:us-east-1:123456789012:scheduledUpdateGroupAction:8e86b655-b2e6-4410-8f29-b4f094d6871c:autoScalingGroupName/my_group:scheduledActionName/my-scheduled-action</ScheduledActionARN>
    <AutoScalingGroupName>my_group</AutoScalingGroupName>
    <Time>2013-05-25T08:00:00Z</Time>
    <StartTime>2013-05-25T08:00:00Z</StartTime>
    <EndTime>2013-06-25T08:00:00Z</EndTime>
    <Recurrence>0 10 * * *</Recurrence>
    <DesiredCapacity>4</DesiredCapacity>
    <MinSize>1</MinSize>
    <MaxSize>6</MaxSize>
  </member>
</ScheduledUpdateGroupActions>
<NextToken>sched-2</NextToken>`;

describe('createScheduledGroupAction', () => {
  test('sends every field, dates in ISO 8601', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScheduledUpdateGroupAction');
    const req = await conn.createScheduledGroupAction('my_group', 'nightly', {
      time: new Date('2013-05-25T08:00:00Z'), startTime: new Date('2013-05-25T08:00:00Z'), endTime: new Date('2013-06-25T08:00:00.500Z'),
      recurrence: '0 10 * * *', desiredCapacity: 4, minSize: 1, maxSize: 6,
    });
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('PutScheduledUpdateGroupAction', {
      AutoScalingGroupName: 'my_group', ScheduledActionName: 'nightly',
      Time: '2013-05-25T08:00:00Z', StartTime: '2013-05-25T08:00:00Z', EndTime: '2013-06-25T08:00:00.500Z',
      Recurrence: '0 10 * * *', DesiredCapacity: '4', MinSize: '1', MaxSize: '6',
    }));
  });

  test('sizes left out stay unsent; a group object works', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'PutScheduledUpdateGroupAction');
    await conn.createScheduledGroupAction(new AutoScalingGroup({ name: 'g' }), 'zero', { desiredCapacity: 0 });
    expect(wire.last.params).toEqual(sent('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'g', ScheduledActionName: 'zero', DesiredCapacity: '0' }));
  });

  test('validation: names, sizes and order, recurrence length', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.createScheduledGroupAction('', 'a')).rejects.toThrow(new BotoClientError('asGroup is required'));
    await expect(conn.createScheduledGroupAction('g', '')).rejects.toThrow(new BotoClientError('name is required'));
    await expect(conn.createScheduledGroupAction('g', 'a'.repeat(256))).rejects.toThrow(new BotoClientError('name must be 1 to 255 characters long, got 256'));
    await expect(conn.createScheduledGroupAction('g', 'a', { minSize: -1 })).rejects.toThrow(new BotoClientError('minSize must be a non-negative integer, got -1'));
    await expect(conn.createScheduledGroupAction('g', 'a', { maxSize: 1.5 })).rejects.toThrow(new BotoClientError('maxSize must be a non-negative integer, got 1.5'));
    await expect(conn.createScheduledGroupAction('g', 'a', { minSize: 3, maxSize: 2 })).rejects.toThrow(new BotoClientError('minSize (3) must not be greater than maxSize (2)'));
    await expect(conn.createScheduledGroupAction('g', 'a', { minSize: 1, maxSize: 2, desiredCapacity: 3 })).rejects.toThrow(new BotoClientError('desiredCapacity must be an integer from 1 to 2, got 3'));
    await expect(conn.createScheduledGroupAction('g', 'a', { recurrence: '*'.repeat(256) })).rejects.toThrow(new BotoClientError('recurrence must be 1 to 255 characters long, got 256'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('getAllScheduledActions', () => {
  test('sends every option; parses every attribute', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeScheduledActions', ACTIONS);
    const page = await conn.getAllScheduledActions({
      asGroup: 'my_group', startTime: new Date('2013-05-01T00:00:00Z'), endTime: new Date('2013-07-01T00:00:00Z'),
      scheduledActions: ['my-scheduled-action'], maxRecords: 10, nextToken: 'sched-1',
    });
    expect(wire.last.params).toEqual(sent('DescribeScheduledActions', {
      AutoScalingGroupName: 'my_group', StartTime: '2013-05-01T00:00:00Z', EndTime: '2013-07-01T00:00:00Z',
      'ScheduledActionNames.member.1': 'my-scheduled-action', MaxRecords: '10', NextToken: 'sched-1',
    }));
    expect(page.nextToken).toBe('sched-2');
    const a = page[0] as ScheduledUpdateGroupAction;
    expect(a.connection).toBe(conn);
    expect({ ...a }).toEqual({
      name: 'my-scheduled-action',
      actionArn: 'arn:aws:autoscaling:us-east-1:123456789012:scheduledUpdateGroupAction:8e86b655-b2e6-4410-8f29-b4f094d6871c:autoScalingGroupName/my_group:scheduledActionName/my-scheduled-action',
      asGroup: 'my_group',
      time: new Date('2013-05-25T08:00:00Z'),
      startTime: new Date('2013-05-25T08:00:00Z'),
      endTime: new Date('2013-06-25T08:00:00Z'),
      recurrence: '0 10 * * *',
      desiredCapacity: 4,
      minSize: 1,
      maxSize: 6,
    });
    expect(String(a)).toBe('ScheduledUpdateGroupAction:my-scheduled-action');
    expect(inspect(page)).toBe('[ ScheduledUpdateGroupAction:my-scheduled-action ]');
  });

  test('for await walks pages; no options sends only the action', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeScheduledActions', ACTIONS);
    reply(wire, 'DescribeScheduledActions', '<ScheduledUpdateGroupActions/>');
    const all = await conn.getAllScheduledActions().all();
    expect(all.map(String)).toEqual(['ScheduledUpdateGroupAction:my-scheduled-action']);
    expect(wire.requests.map((r) => r.params)).toEqual([sent('DescribeScheduledActions'), sent('DescribeScheduledActions', { NextToken: 'sched-2' })]);
  });

  test('validation: maxRecords 1 to 100, at most 50 names', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllScheduledActions({ maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    await expect(conn.getAllScheduledActions({ maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'));
    await expect(conn.getAllScheduledActions({ scheduledActions: Array(51).fill('a') })).rejects.toThrow(new BotoClientError('scheduledActions may list at most 50 items, got 51'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('deleteScheduledAction', () => {
  test('sends the name and the group', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DeleteScheduledAction');
    const req = await conn.deleteScheduledAction('nightly', { autoscaleGroup: 'my_group' });
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('DeleteScheduledAction', { ScheduledActionName: 'nightly', AutoScalingGroupName: 'my_group' }));
  });

  test('validation: name and group are required (AWS needs the group)', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.deleteScheduledAction('', { autoscaleGroup: 'g' })).rejects.toThrow(new BotoClientError('scheduledActionName is required'));
    await expect(conn.deleteScheduledAction('nightly')).rejects.toThrow(new BotoClientError('autoscaleGroup is required'));
    expect(wire.requests).toHaveLength(0);
  });
});
