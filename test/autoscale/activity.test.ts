import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { Activity, AutoScalingGroup } from '../../src/autoscale';
import { activityXml, asOnWire, reply, sent } from '../helpers/autoscale';

const CAUSE = 'At 2013-08-19T20:53:25Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 1.';

describe('getAllActivities', () => {
  test('by group name, with ids and paging; parses every attribute', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeScalingActivities', `<Activities>
      <member>${activityXml()}</member>
      <member>
        <StatusCode>InProgress</StatusCode>
        <StatusMessage>Waiting for instance</StatusMessage>
        <Progress>30</Progress>
        <ActivityId>a-2</ActivityId>
        <StartTime>2013-08-19T21:00:00Z</StartTime>
        <AutoScalingGroupName>my_group</AutoScalingGroupName>
        <Cause>scale out</Cause>
        <Description>Launching a new EC2 instance</Description>
      </member>
    </Activities><NextToken>act-2</NextToken>`);
    const page = await conn.getAllActivities('my_group', { activityIds: ['f9f2d65b-f1f2-43e7-b46d-d86756459699', 'a-2'], maxRecords: 100, nextToken: 'act-1' });
    expect(wire.last.params).toEqual(sent('DescribeScalingActivities', {
      AutoScalingGroupName: 'my_group',
      'ActivityIds.member.1': 'f9f2d65b-f1f2-43e7-b46d-d86756459699',
      'ActivityIds.member.2': 'a-2',
      MaxRecords: '100',
      NextToken: 'act-1',
    }));
    expect(page.nextToken).toBe('act-2');
    const [done, running] = page as unknown as [Activity, Activity];
    expect(done).toBeInstanceOf(Activity);
    expect(done.connection).toBe(conn);
    expect({ ...done }).toEqual({
      activityId: 'f9f2d65b-f1f2-43e7-b46d-d86756459699',
      groupName: 'my_group',
      startTime: new Date('2013-08-19T20:53:29.930Z'),
      endTime: new Date('2013-08-19T20:54:02Z'),
      progress: 100,
      statusCode: 'Successful',
      cause: CAUSE,
      description: 'Launching a new EC2 instance: i-4ba0837f',
      statusMessage: undefined,
      details: '{"Subnet ID":"subnet-1","Availability Zone":"us-east-1a"}',
    });
    expect(running).toMatchObject({ activityId: 'a-2', statusCode: 'InProgress', statusMessage: 'Waiting for instance', progress: 30, endTime: undefined,
      startTime: new Date('2013-08-19T21:00:00Z') });
    expect(String(done)).toBe(`Activity<f9f2d65b-f1f2-43e7-b46d-d86756459699>: For group:my_group, progress:None, cause:${CAUSE}`);
    expect(String(running)).toBe('Activity<a-2>: For group:my_group, progress:Waiting for instance, cause:scale out');
    expect(inspect(running)).toBe('Activity<a-2>: For group:my_group, progress:Waiting for instance, cause:scale out');
    expect(inspect(page)).toBe(`[\n  Activity<f9f2d65b-f1f2-43e7-b46d-d86756459699>: For group:my_group, progress:None, cause:${CAUSE},\n  Activity<a-2>: For group:my_group, progress:Waiting for instance, cause:scale out\n]`);
  });

  test('accepts a group object (boto2 get_all_activities(ag)) and walks pages', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeScalingActivities', `<Activities><member>${activityXml('a-1')}</member></Activities><NextToken>n1</NextToken>`);
    reply(wire, 'DescribeScalingActivities', `<Activities><member>${activityXml('a-2')}</member></Activities>`);
    const ids: (string | undefined)[] = [];
    for await (const a of conn.getAllActivities(new AutoScalingGroup({ name: 'my_group' }))) ids.push(a.activityId);
    expect(ids).toEqual(['a-1', 'a-2']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeScalingActivities', { AutoScalingGroupName: 'my_group' }),
      sent('DescribeScalingActivities', { AutoScalingGroupName: 'my_group', NextToken: 'n1' }),
    ]);
  });

  test('validation: group required, maxRecords 1 to 100, at most 50 ids', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllActivities('')).rejects.toThrow(new BotoClientError('autoscaleGroup is required'));
    await expect(conn.getAllActivities(new AutoScalingGroup())).rejects.toThrow(new BotoClientError('autoscaleGroup is required'));
    await expect(conn.getAllActivities('g', { maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'));
    await expect(conn.getAllActivities('g', { maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    await expect(conn.getAllActivities('g', { activityIds: Array(51).fill('a') })).rejects.toThrow(new BotoClientError('activityIds may list at most 50 items, got 51'));
    const g = new AutoScalingGroup({ name: 'g' });
    g.connection = conn;
    await expect(g.getActivities({ maxRecords: 200 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 200'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('terminateInstance', () => {
  test('decrements capacity by default and resolves with the activity', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'TerminateInstanceInAutoScalingGroup', `<Activity>
      <StatusCode>InProgress</StatusCode>
      <ActivityId>cczc44a87-7d04-dd1e-a1c3-cbc8da2aff6d</ActivityId>
      <Progress>0</Progress>
      <StartTime>2014-01-26T14:08:30.560Z</StartTime>
      <Cause>At 2014-01-26T14:08:30Z instance i-br234123 was taken out of service in response to a user request.</Cause>
      <Description>Terminating EC2 instance: i-br234123</Description>
      <AutoScalingGroupName>my_group</AutoScalingGroupName>
    </Activity>`);
    const act = await conn.terminateInstance('i-br234123');
    expect(wire.last.params).toEqual(sent('TerminateInstanceInAutoScalingGroup', { InstanceId: 'i-br234123', ShouldDecrementDesiredCapacity: 'true' }));
    expect(act).toBeInstanceOf(Activity);
    expect(act.connection).toBe(conn);
    expect(act).toMatchObject({ activityId: 'cczc44a87-7d04-dd1e-a1c3-cbc8da2aff6d', statusCode: 'InProgress', progress: 0, groupName: 'my_group',
      description: 'Terminating EC2 instance: i-br234123', startTime: new Date('2014-01-26T14:08:30.560Z') });
    expect(String(act)).toBe('Activity<cczc44a87-7d04-dd1e-a1c3-cbc8da2aff6d>: For group:my_group, progress:None, cause:At 2014-01-26T14:08:30Z instance i-br234123 was taken out of service in response to a user request.');
  });

  test('decrementCapacity: false keeps the capacity; instance id required and at most 19 characters', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'TerminateInstanceInAutoScalingGroup', `<Activity><ActivityId>x</ActivityId><AutoScalingGroupName>g</AutoScalingGroupName><Cause>c</Cause><StartTime>2014-01-26T14:08:30Z</StartTime><StatusCode>InProgress</StatusCode></Activity>`);
    await conn.terminateInstance('i-1', { decrementCapacity: false });
    expect(wire.last.params).toEqual(sent('TerminateInstanceInAutoScalingGroup', { InstanceId: 'i-1', ShouldDecrementDesiredCapacity: 'false' }));
    await expect(conn.terminateInstance('')).rejects.toThrow(new BotoClientError('instanceId is required'));
    await expect(conn.terminateInstance('i-'.padEnd(20, '0'))).rejects.toThrow(new BotoClientError('instanceId must be 1 to 19 characters long, got 20'));
    expect(wire.requests).toHaveLength(1);
  });
});
