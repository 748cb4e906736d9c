import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import { AutoScalingGroup, Instance, Request } from '../../src/autoscale';
import { asOnWire, reply, sent } from '../helpers/autoscale';

const INSTANCES = `<AutoScalingInstances>
  <member>
    <HealthStatus>HEALTHY</HealthStatus>
    <AutoScalingGroupName>my_group</AutoScalingGroupName>
    <AvailabilityZone>us-east-1e</AvailabilityZone>
    <InstanceId>i-78e0d40b</InstanceId>
    <InstanceType>t2.micro</InstanceType>
    <LaunchConfigurationName>my-launch_config</LaunchConfigurationName>
    <LifecycleState>InService</LifecycleState>
    <ProtectedFromScaleIn>false</ProtectedFromScaleIn>
  </member>
</AutoScalingInstances>
<NextToken>inst-2</NextToken>`;

describe('Instance', () => {
  test('prints as boto2, with the group only when known', () => {
    expect(String(new Instance({ instanceId: 'i-1', lifecycleState: 'Pending', healthStatus: 'Healthy' }))).toBe('Instance<id:i-1, state:Pending, health:Healthy>');
    expect(String(new Instance({ instanceId: 'i-1', lifecycleState: 'Pending', healthStatus: 'Healthy', groupName: 'g' }))).toBe('Instance<id:i-1, state:Pending, health:Healthy group:g>');
    expect(inspect(new Instance())).toBe('Instance<id:None, state:None, health:None>');
  });
});

describe('getAllAutoscalingInstances', () => {
  test('sends ids and paging; parses every attribute including the group', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingInstances', INSTANCES);
    const page = await conn.getAllAutoscalingInstances({ instanceIds: ['i-78e0d40b', 'i-2'], maxRecords: 50, nextToken: 'inst-1' });
    expect(wire.last.params).toEqual(sent('DescribeAutoScalingInstances', {
      'InstanceIds.member.1': 'i-78e0d40b', 'InstanceIds.member.2': 'i-2', MaxRecords: '50', NextToken: 'inst-1',
    }));
    expect(page.nextToken).toBe('inst-2');
    const i = page[0] as Instance;
    expect(i.connection).toBe(conn);
    expect({ ...i }).toEqual({
      instanceId: 'i-78e0d40b', healthStatus: 'HEALTHY', launchConfigName: 'my-launch_config', lifecycleState: 'InService',
      availabilityZone: 'us-east-1e', groupName: 'my_group', instanceType: 't2.micro',
    });
    expect(String(i)).toBe('Instance<id:i-78e0d40b, state:InService, health:HEALTHY group:my_group>');
    expect(inspect(page)).toBe('[\n  Instance<id:i-78e0d40b, state:InService, health:HEALTHY group:my_group>\n]');
  });

  test('for await follows NextToken; no options sends only the action', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingInstances', INSTANCES);
    reply(wire, 'DescribeAutoScalingInstances', '<AutoScalingInstances/>');
    const all = await conn.getAllAutoscalingInstances().all();
    expect(all.map((i) => i.instanceId)).toEqual(['i-78e0d40b']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeAutoScalingInstances'),
      sent('DescribeAutoScalingInstances', { NextToken: 'inst-2' }),
    ]);
  });

  test('validation: maxRecords 1 to 50, at most 50 ids', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllAutoscalingInstances({ maxRecords: 51 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 50, got 51'));
    await expect(conn.getAllAutoscalingInstances({ maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 50, got 0'));
    await expect(conn.getAllAutoscalingInstances({ instanceIds: Array(51).fill('i') })).rejects.toThrow(new BotoClientError('instanceIds may list at most 50 items, got 51'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('attachInstances and detachInstances', () => {
  test('attachInstances by name or group', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'AttachInstances');
    const req = await conn.attachInstances('my_group', ['i-93633f9b', 'i-1']);
    expect(req).toBeInstanceOf(Request);
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('AttachInstances', {
      AutoScalingGroupName: 'my_group', 'InstanceIds.member.1': 'i-93633f9b', 'InstanceIds.member.2': 'i-1',
    }));
    reply(wire, 'AttachInstances');
    await conn.attachInstances(new AutoScalingGroup({ name: 'g2' }), ['i-2']);
    expect(wire.last.params).toEqual(sent('AttachInstances', { AutoScalingGroupName: 'g2', 'InstanceIds.member.1': 'i-2' }));
  });

  test('detachInstances decrements capacity by default, or not', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DetachInstances', '<Activities/>');
    await conn.detachInstances('my_group', ['i-93633f9b']);
    expect(wire.last.params).toEqual(sent('DetachInstances', {
      AutoScalingGroupName: 'my_group', 'InstanceIds.member.1': 'i-93633f9b', ShouldDecrementDesiredCapacity: 'true',
    }));
    reply(wire, 'DetachInstances', '<Activities/>');
    await conn.detachInstances('my_group', ['i-1'], { decrementCapacity: false });
    expect(wire.last.params).toEqual(sent('DetachInstances', {
      AutoScalingGroupName: 'my_group', 'InstanceIds.member.1': 'i-1', ShouldDecrementDesiredCapacity: 'false',
    }));
  });

  test('validation: group and at least one and at most 20 instance ids', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.attachInstances('g', [])).rejects.toThrow(new BotoClientError('instanceIds must list at least one item'));
    await expect(conn.detachInstances('g', [])).rejects.toThrow(new BotoClientError('instanceIds must list at least one item'));
    await expect(conn.attachInstances('g', Array(21).fill('i-1'))).rejects.toThrow(new BotoClientError('instanceIds may list at most 20 items, got 21'));
    await expect(conn.detachInstances('g', Array(21).fill('i-1'))).rejects.toThrow(new BotoClientError('instanceIds may list at most 20 items, got 21'));
    await expect(conn.attachInstances('', ['i-1'])).rejects.toThrow(new BotoClientError('name is required'));
    await expect(conn.detachInstances('x'.repeat(256), ['i-1'])).rejects.toThrow(new BotoClientError('name must be 1 to 255 characters long, got 256'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('setInstanceHealth', () => {
  test('respects the grace period by default, or not', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'SetInstanceHealth');
    const req = await conn.setInstanceHealth('i-93633f9b', 'Unhealthy');
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('SetInstanceHealth', { InstanceId: 'i-93633f9b', HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: 'true' }));
    reply(wire, 'SetInstanceHealth');
    await conn.setInstanceHealth('i-93633f9b', 'Healthy', { shouldRespectGracePeriod: false });
    expect(wire.last.params).toEqual(sent('SetInstanceHealth', { InstanceId: 'i-93633f9b', HealthStatus: 'Healthy', ShouldRespectGracePeriod: 'false' }));
  });

  test('validation: status Healthy or Unhealthy, instance id required', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.setInstanceHealth('i-1', 'healthy')).rejects.toThrow(new BotoClientError('healthStatus must be one of Healthy, Unhealthy; got "healthy"'));
    await expect(conn.setInstanceHealth('i-1', '')).rejects.toThrow(new BotoClientError('healthStatus is required'));
    await expect(conn.setInstanceHealth('', 'Healthy')).rejects.toThrow(new BotoClientError('instanceId is required'));
    expect(wire.requests).toHaveLength(0);
  });
});
