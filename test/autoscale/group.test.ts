import { inspect } from 'node:util';
import { BotoClientError } from '../../src/core';
import {
  AutoScalingGroup, EnabledMetric, Instance, LaunchConfiguration, Request, SuspendedProcess, Tag,
} from '../../src/autoscale';
import { activityXml, asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

function tutorialGroup(): AutoScalingGroup {
  const lc = new LaunchConfiguration({ name: 'my-launch_config', imageId: 'my-ami' });
  return new AutoScalingGroup({
    groupName: 'my_group', loadBalancers: ['my-lb'], availabilityZones: ['us-east-1a', 'us-east-1b'],
    launchConfig: lc, minSize: 4, maxSize: 8,
  });
}

describe('AutoScalingGroup from options', () => {
  test('takes boto2 keyword arguments with boto2 defaults', () => {
    const ag = tutorialGroup();
    expect(ag.name).toBe('my_group');
    expect(ag.launchConfigName).toBe('my-launch_config');
    expect(ag.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(ag.loadBalancers).toEqual(['my-lb']);
    expect(ag.minSize).toBe(4);
    expect(ag.maxSize).toBe(8);
    expect(ag.desiredCapacity).toBeUndefined();
    expect(ag.defaultCooldown).toBeUndefined();
    expect(ag.healthCheckType).toBeUndefined();
    expect(ag.healthCheckPeriod).toBeUndefined();
    expect(ag.placementGroup).toBeUndefined();
    expect(ag.vpcZoneIdentifier).toBeUndefined();
    expect(ag.instances).toBeUndefined();
    expect(ag.tags).toBeUndefined();
    expect(ag.terminationPolicies).toEqual([]);
    expect(ag.instanceId).toBeUndefined();
    expect(ag.createdTime).toBeUndefined();
    expect(ag.autoscalingGroupArn).toBeUndefined();
    expect(ag.enabledMetrics).toEqual([]);
    expect(ag.suspendedProcesses).toEqual([]);
    expect(ag.connection).toBeUndefined();
  });

  test('name wins over groupName; launchConfig may be a name; vpcZoneIdentifier lists are joined; cooldown is defaultCooldown', () => {
    const ag = new AutoScalingGroup({ name: 'a', groupName: 'b', launchConfig: 'lc-1', vpcZoneIdentifier: ['subnet-1', 'subnet-2'], cooldown: 120 });
    expect(ag.name).toBe('a');
    expect(ag.launchConfigName).toBe('lc-1');
    expect(ag.vpcZoneIdentifier).toBe('subnet-1,subnet-2');
    expect(ag.defaultCooldown).toBe(120);
    expect(ag.cooldown).toBe(120);
    ag.cooldown = 60;
    expect(ag.defaultCooldown).toBe(60);
    expect(new AutoScalingGroup({ vpcZoneIdentifier: 'subnet-9' }).vpcZoneIdentifier).toBe('subnet-9');
    expect(new AutoScalingGroup({ defaultCooldown: 30, cooldown: 10 }).defaultCooldown).toBe(30);
  });

  test('prints as boto2 and serialises without its connection', () => {
    const { conn } = asOnWire();
    const ag = new AutoScalingGroup({ groupName: 'my_group', launchConfig: 'lc', minSize: 1, maxSize: 2, connection: conn,
      tags: [new Tag({ key: 'env', value: 'prod' })] });
    expect(String(ag)).toBe('AutoScaleGroup<my_group>');
    expect(inspect(ag)).toBe('AutoScaleGroup<my_group>');
    expect(String(new AutoScalingGroup())).toBe('AutoScaleGroup<None>');
    const json = JSON.parse(JSON.stringify(ag)) as Record<string, unknown>;
    expect(json).toEqual({
      name: 'my_group', minSize: 1, maxSize: 2, launchConfigName: 'lc', loadBalancers: [], availabilityZones: [],
      tags: [{ key: 'env', value: 'prod', propagateAtLaunch: false, resourceType: 'auto-scaling-group' }],
      terminationPolicies: [], enabledMetrics: [], suspendedProcesses: [],
    });
    expect(JSON.stringify(ag)).not.toContain('EXAMPLEKEY');
    expect(JSON.stringify(ag)).not.toContain('connection');
  });
});

describe('createAutoScalingGroup', () => {
  test('sends the tutorial group and binds it to the connection', async () => {
    const { wire, conn } = asOnWire();
    const ag = tutorialGroup();
    reply(wire, 'CreateAutoScalingGroup');
    const req = await conn.createAutoScalingGroup(ag);
    expect(wire.last.params).toEqual(sent('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'my_group',
      LaunchConfigurationName: 'my-launch_config',
      MinSize: '4',
      MaxSize: '8',
      'AvailabilityZones.member.1': 'us-east-1a',
      'AvailabilityZones.member.2': 'us-east-1b',
      'LoadBalancerNames.member.1': 'my-lb',
    }));
    expect(req).toBeInstanceOf(Request);
    expect(req.requestId).toBe('req-0001');
    expect(String(req)).toBe('Request:req-0001');
    expect(ag.connection).toBe(conn);

    reply(wire, 'DescribeScalingActivities', `<Activities><member>${activityXml()}</member></Activities>`);
    const acts = await ag.getActivities();
    expect(wire.last.params).toEqual(sent('DescribeScalingActivities', { AutoScalingGroupName: 'my_group', MaxRecords: '50' }));
    expect(acts.map(String)).toEqual([
      'Activity<f9f2d65b-f1f2-43e7-b46d-d86756459699>: For group:my_group, progress:None, cause:At 2013-08-19T20:53:25Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 1.',
    ]);
  });

  test('sends every optional field, tags, and binds the tags', async () => {
    const { wire, conn } = asOnWire();
    const tag = new Tag({ key: 'env', value: 'prod', propagateAtLaunch: true, resourceId: 'web' });
    const ag = new AutoScalingGroup({
      name: 'web', launchConfig: 'lc-1', minSize: 0, maxSize: 5, desiredCapacity: 2, defaultCooldown: 0,
      healthCheckType: 'ELB', healthCheckPeriod: 300, placementGroup: 'pg-1', vpcZoneIdentifier: ['subnet-1', 'subnet-2'],
      terminationPolicies: ['OldestInstance', 'Default'], instanceId: 'i-12345678', tags: [tag], loadBalancers: ['lb-1', 'lb-2'],
    });
    reply(wire, 'CreateAutoScalingGroup');
    await conn.createAutoScalingGroup(ag);
    expect(wire.last.params).toEqual(sent('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web',
      LaunchConfigurationName: 'lc-1',
      MinSize: '0',
      MaxSize: '5',
      DesiredCapacity: '2',
      DefaultCooldown: '0',
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: '300',
      PlacementGroup: 'pg-1',
      VPCZoneIdentifier: 'subnet-1,subnet-2',
      'TerminationPolicies.member.1': 'OldestInstance',
      'TerminationPolicies.member.2': 'Default',
      InstanceId: 'i-12345678',
      'LoadBalancerNames.member.1': 'lb-1',
      'LoadBalancerNames.member.2': 'lb-2',
      'Tags.member.1.ResourceId': 'web',
      'Tags.member.1.ResourceType': 'auto-scaling-group',
      'Tags.member.1.Key': 'env',
      'Tags.member.1.Value': 'prod',
      'Tags.member.1.PropagateAtLaunch': 'true',
    }));
    expect(tag.connection).toBe(conn);
  });

  test('an instanceId stands in for the launch configuration', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'CreateAutoScalingGroup');
    await conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'g', instanceId: 'i-1', minSize: 1, maxSize: 1, availabilityZones: ['us-east-1a'] }));
    expect(wire.last.params).toEqual(sent('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'g', InstanceId: 'i-1', MinSize: '1', MaxSize: '1', 'AvailabilityZones.member.1': 'us-east-1a',
    }));
  });

  describe('validation', () => {
    const base = { name: 'g', launchConfig: 'lc', minSize: 1, maxSize: 4, availabilityZones: ['us-east-1a'] };
    const cases: [string, Partial<ConstructorParameters<typeof AutoScalingGroup>[0]>, string][] = [
      ['name required', { name: undefined }, 'name is required'],
      ['name length', { name: 'g'.repeat(256) }, 'name must be 1 to 255 characters long, got 256'],
      ['launch config required', { launchConfig: undefined }, 'launchConfig, launchTemplate, mixedInstancesPolicy or instanceId is required'],
      ['launch config name length', { launchConfig: 'l'.repeat(256) }, 'launchConfigName must be 1 to 255 characters long, got 256'],
      ['minSize required', { minSize: undefined }, 'minSize is required'],
      ['maxSize required', { maxSize: undefined }, 'maxSize is required'],
      ['zones required', { availabilityZones: [] }, 'availabilityZones or vpcZoneIdentifier is required'],
      ['negative minSize', { minSize: -1 }, 'minSize must be a non-negative integer, got -1'],
      ['fractional maxSize', { maxSize: 2.5 }, 'maxSize must be a non-negative integer, got 2.5'],
      ['min above max', { minSize: 5, maxSize: 4 }, 'minSize (5) must not be greater than maxSize (4)'],
      ['desired above max', { desiredCapacity: 5 }, 'desiredCapacity must be an integer from 1 to 4, got 5'],
      ['desired below min', { minSize: 2, desiredCapacity: 1 }, 'desiredCapacity must be an integer from 2 to 4, got 1'],
      ['fractional desired', { desiredCapacity: 1.5 }, 'desiredCapacity must be an integer from 1 to 4, got 1.5'],
      ['negative cooldown', { defaultCooldown: -5 }, 'defaultCooldown must be a non-negative integer, got -5'],
      ['fractional cooldown', { defaultCooldown: 0.5 }, 'defaultCooldown must be a non-negative integer, got 0.5'],
      ['negative grace period', { healthCheckPeriod: -1 }, 'healthCheckPeriod must be a non-negative integer, got -1'],
      ['fractional grace period', { healthCheckPeriod: 1.5 }, 'healthCheckPeriod must be a non-negative integer, got 1.5'],
      ['health check type', { healthCheckType: 'HTTP' }, 'healthCheckType must be one of EC2, ELB; got "HTTP"'],
      ['placement group length', { placementGroup: 'p'.repeat(256) }, 'placementGroup must be 1 to 255 characters long, got 256'],
      ['subnet list length', { vpcZoneIdentifier: 's'.repeat(5001) }, 'vpcZoneIdentifier must be 1 to 5000 characters long, got 5001'],
      ['tag key required', { tags: [new Tag({ value: 'v' })] }, 'tags[0].key is required'],
      ['tag key length', { tags: [new Tag({ key: 'k'.repeat(129) })] }, 'tags[0].key must be 1 to 128 characters long, got 129'],
      ['tag value length', { tags: [new Tag({ key: 'k', value: 'v'.repeat(257) })] }, 'tags[0].value must be 0 to 256 characters long, got 257'],
    ];
    test.each(cases)('%s', async (_label, change, message) => {
      const { wire, conn } = asOnWire();
      const ag = new AutoScalingGroup({ ...base, ...change });
      await expect(conn.createAutoScalingGroup(ag)).rejects.toThrow(new BotoClientError(message));
      expect(wire.requests).toHaveLength(0);
      expect(ag.connection).toBeUndefined();
    });

    test('a VPC zone identifier is enough without zones', async () => {
      const { wire, conn } = asOnWire();
      reply(wire, 'CreateAutoScalingGroup');
      await conn.createAutoScalingGroup(new AutoScalingGroup({ ...base, availabilityZones: [], vpcZoneIdentifier: 'subnet-1' }));
      expect(wire.last.params.VPCZoneIdentifier).toBe('subnet-1');
      expect(wire.last.params['AvailabilityZones.member.1']).toBeUndefined();
    });
  });
});

describe('getAllGroups', () => {
  test('sends names and paging, parses every attribute', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml()], 'tok-2'));
    const page = await conn.getAllGroups({ names: ['my_group', 'other'], maxRecords: 10, nextToken: 'tok-1' });
    expect(wire.last.params).toEqual(sent('DescribeAutoScalingGroups', {
      'AutoScalingGroupNames.member.1': 'my_group', 'AutoScalingGroupNames.member.2': 'other', MaxRecords: '10', NextToken: 'tok-1',
    }));
    expect(page.nextToken).toBe('tok-2');
    expect(page.isTruncated).toBe(true);
    expect(inspect(page)).toBe('[ AutoScaleGroup<my_group> ]');
    const g = page[0] as AutoScalingGroup;
    expect(g.connection).toBe(conn);
    expect(g.name).toBe('my_group');
    expect(g.minSize).toBe(1);
    expect(g.maxSize).toBe(4);
    expect(g.desiredCapacity).toBe(2);
    expect(g.createdTime).toEqual(new Date('2013-08-19T20:53:25.584Z'));
    expect(g.defaultCooldown).toBe(300);
    expect(g.launchConfigName).toBe('my-launch_config');
    expect(g.loadBalancers).toEqual(['my-lb']);
    expect(g.availabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(g.healthCheckPeriod).toBe(300);
    expect(g.healthCheckType).toBe('ELB');
    expect(g.placementGroup).toBe('my-cluster');
    expect(g.autoscalingGroupArn).toBe('arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:930d940e-891e-4781-a11a-7b0acd480f03:autoScalingGroupName/my_group');
    expect(g.vpcZoneIdentifier).toBe('subnet-1,subnet-2');
    expect(g.terminationPolicies).toEqual(['OldestInstance', 'Default']);
    expect(g.instanceId).toBeUndefined();
    expect(g.instances?.map(String)).toEqual([
      'Instance<id:i-0598c7d356eba48d7, state:InService, health:Healthy>',
      'Instance<id:i-0b1d2c3e4f5a6b7c8, state:Pending, health:Healthy>',
    ]);
    const i = g.instances?.[0] as Instance;
    expect(i).toMatchObject({ instanceId: 'i-0598c7d356eba48d7', healthStatus: 'Healthy', launchConfigName: 'my-launch_config',
      lifecycleState: 'InService', availabilityZone: 'us-east-1a', groupName: undefined });
    expect(i.connection).toBe(conn);
    expect(g.tags?.map(String)).toEqual(['Tag(environment=test)']);
    expect(g.tags?.[0]).toMatchObject({ key: 'environment', value: 'test', propagateAtLaunch: true, resourceId: 'my_group', resourceType: 'auto-scaling-group' });
    expect(g.enabledMetrics.map(String)).toEqual(['EnabledMetric(GroupMinSize, 1Minute)']);
    expect(g.enabledMetrics[0]).toBeInstanceOf(EnabledMetric);
    expect(g.enabledMetrics[0]).toMatchObject({ metric: 'GroupMinSize', granularity: '1Minute' });
    expect(g.suspendedProcesses.map(String)).toEqual(['SuspendedProcess(AddToLoadBalancer, User suspended at 2014-10-16T14:14:52Z)']);
    expect(g.suspendedProcesses[0]).toBeInstanceOf(SuspendedProcess);
    expect(g.suspendedProcesses[0]).toMatchObject({ processName: 'AddToLoadBalancer', reason: 'User suspended at 2014-10-16T14:14:52Z' });
    expect(inspect(g.instances)).toBe('[\n  Instance<id:i-0598c7d356eba48d7, state:InService, health:Healthy>,\n  Instance<id:i-0b1d2c3e4f5a6b7c8, state:Pending, health:Healthy>\n]');
  });

  test('without options sends nothing but the action; an empty answer is an empty page', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', '<AutoScalingGroups/>');
    const page = await conn.getAllGroups();
    expect(wire.last.params).toEqual(sent('DescribeAutoScalingGroups'));
    expect(page).toHaveLength(0);
    expect(page.isTruncated).toBe(false);
  });

  test('for await walks every page following NextToken', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ name: 'a' }), groupXml({ name: 'b' })], 't1'));
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ name: 'c' })], 't2'));
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml({ name: 'd' })]));
    const names: string[] = [];
    for await (const g of conn.getAllGroups({ maxRecords: 2 })) names.push(g.name as string);
    expect(names).toEqual(['a', 'b', 'c', 'd']);
    expect(wire.requests.map((r) => r.params)).toEqual([
      sent('DescribeAutoScalingGroups', { MaxRecords: '2' }),
      sent('DescribeAutoScalingGroups', { MaxRecords: '2', NextToken: 't1' }),
      sent('DescribeAutoScalingGroups', { MaxRecords: '2', NextToken: 't2' }),
    ]);
  });

  test('maxRecords must be 1 to 100', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.getAllGroups({ maxRecords: 0 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 0'));
    await expect(conn.getAllGroups({ maxRecords: 101 })).rejects.toThrow(new BotoClientError('maxRecords must be an integer from 1 to 100, got 101'));
    expect(wire.requests).toHaveLength(0);
  });
});

describe('group methods', () => {
  async function fetched(): Promise<{ wire: ReturnType<typeof asOnWire>['wire']; conn: ReturnType<typeof asOnWire>['conn']; g: AutoScalingGroup }> {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([groupXml()]));
    const [g] = await conn.getAllGroups({ names: ['my_group'] });
    return { wire, conn, g: g as AutoScalingGroup };
  }

  test('update() sends the group as boto2 _update_group does, without load balancers and tags', async () => {
    const { wire, g } = await fetched();
    g.maxSize = 6;
    g.desiredCapacity = 3;
    reply(wire, 'UpdateAutoScalingGroup');
    const req = await g.update();
    expect(req.requestId).toBe('req-0001');
    expect(wire.last.params).toEqual(sent('UpdateAutoScalingGroup', {
      AutoScalingGroupName: 'my_group',
      LaunchConfigurationName: 'my-launch_config',
      MinSize: '1',
      MaxSize: '6',
      DesiredCapacity: '3',
      'AvailabilityZones.member.1': 'us-east-1a',
      'AvailabilityZones.member.2': 'us-east-1b',
      VPCZoneIdentifier: 'subnet-1,subnet-2',
      HealthCheckGracePeriod: '300',
      HealthCheckType: 'ELB',
      DefaultCooldown: '300',
      PlacementGroup: 'my-cluster',
      'TerminationPolicies.member.1': 'OldestInstance',
      'TerminationPolicies.member.2': 'Default',
    }));
  });

  test('updateAutoScalingGroup sends only the name for a bare group', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'UpdateAutoScalingGroup');
    await conn.updateAutoScalingGroup(new AutoScalingGroup({ name: 'g', maxSize: 3 }));
    expect(wire.last.params).toEqual(sent('UpdateAutoScalingGroup', { AutoScalingGroupName: 'g', MaxSize: '3' }));
  });

  test('update validation: name, order and ranges, nothing sent', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.updateAutoScalingGroup(new AutoScalingGroup({ minSize: 1 }))).rejects.toThrow(new BotoClientError('name is required'));
    await expect(new AutoScalingGroup({ name: 'g', minSize: 3, maxSize: 2, connection: conn }).update())
      .rejects.toThrow(new BotoClientError('minSize (3) must not be greater than maxSize (2)'));
    await expect(new AutoScalingGroup({ name: 'g', maxSize: 2, desiredCapacity: 3, connection: conn }).update())
      .rejects.toThrow(new BotoClientError('desiredCapacity must be an integer from 0 to 2, got 3'));
    await expect(new AutoScalingGroup({ name: 'g', minSize: 2, desiredCapacity: 1, connection: conn }).update())
      .rejects.toThrow(new BotoClientError('desiredCapacity must be an integer of at least 2, got 1'));
    await expect(new AutoScalingGroup({ name: 'g', desiredCapacity: -1, connection: conn }).update())
      .rejects.toThrow(new BotoClientError('desiredCapacity must be a non-negative integer, got -1'));
    expect(wire.requests).toHaveLength(0);
  });

  test('shutdownInstances() sets min, max and desired to 0 and updates', async () => {
    const { wire, g } = await fetched();
    reply(wire, 'UpdateAutoScalingGroup');
    const req = await g.shutdownInstances();
    expect(req).toBeInstanceOf(Request);
    expect([g.minSize, g.maxSize, g.desiredCapacity]).toEqual([0, 0, 0]);
    expect(wire.last.params).toMatchObject({ Action: 'UpdateAutoScalingGroup', MinSize: '0', MaxSize: '0', DesiredCapacity: '0' });
  });

  test('setCapacity() sends SetDesiredCapacity', async () => {
    const { wire, g } = await fetched();
    reply(wire, 'SetDesiredCapacity');
    await g.setCapacity(3);
    expect(wire.last.params).toEqual(sent('SetDesiredCapacity', { AutoScalingGroupName: 'my_group', DesiredCapacity: '3' }));
    expect(g.desiredCapacity).toBe(2);
  });

  test('delete() and delete({ forceDelete })', async () => {
    const { wire, g } = await fetched();
    reply(wire, 'DeleteAutoScalingGroup');
    reply(wire, 'DeleteAutoScalingGroup');
    await g.delete();
    expect(wire.last.params).toEqual(sent('DeleteAutoScalingGroup', { AutoScalingGroupName: 'my_group' }));
    const req = await g.delete({ forceDelete: true });
    expect(wire.last.params).toEqual(sent('DeleteAutoScalingGroup', { AutoScalingGroupName: 'my_group', ForceDelete: 'true' }));
    expect(req.requestId).toBe('req-0001');
  });

  test('getActivities() passes ids and page size', async () => {
    const { wire, g } = await fetched();
    reply(wire, 'DescribeScalingActivities', '<Activities/>');
    const page = await g.getActivities({ activityIds: ['a-1', 'a-2'], maxRecords: 5 });
    expect(page).toHaveLength(0);
    expect(wire.last.params).toEqual(sent('DescribeScalingActivities', {
      AutoScalingGroupName: 'my_group', 'ActivityIds.member.1': 'a-1', 'ActivityIds.member.2': 'a-2', MaxRecords: '5',
    }));
  });

  test('putNotificationConfiguration() and deleteNotificationConfiguration()', async () => {
    const { wire, g } = await fetched();
    const topic = 'arn:aws:sns:us-east-1:123456789012:my-sns-topic';
    reply(wire, 'PutNotificationConfiguration');
    await g.putNotificationConfiguration(topic, ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_TERMINATE']);
    expect(wire.last.params).toEqual(sent('PutNotificationConfiguration', {
      AutoScalingGroupName: 'my_group', TopicARN: topic,
      'NotificationTypes.member.1': 'autoscaling:EC2_INSTANCE_LAUNCH', 'NotificationTypes.member.2': 'autoscaling:EC2_INSTANCE_TERMINATE',
    }));
    reply(wire, 'DeleteNotificationConfiguration');
    await g.deleteNotificationConfiguration(topic);
    expect(wire.last.params).toEqual(sent('DeleteNotificationConfiguration', { AutoScalingGroupName: 'my_group', TopicARN: topic }));
  });

  test('suspendProcesses() and resumeProcesses(), all or some', async () => {
    const { wire, g } = await fetched();
    reply(wire, 'SuspendProcesses');
    await g.suspendProcesses({ scalingProcesses: ['Launch', 'Terminate'] });
    expect(wire.last.params).toEqual(sent('SuspendProcesses', {
      AutoScalingGroupName: 'my_group', 'ScalingProcesses.member.1': 'Launch', 'ScalingProcesses.member.2': 'Terminate',
    }));
    reply(wire, 'ResumeProcesses');
    await g.resumeProcesses();
    expect(wire.last.params).toEqual(sent('ResumeProcesses', { AutoScalingGroupName: 'my_group' }));
  });

  test('methods of a group without a connection reject, saying how to get one', async () => {
    const g = new AutoScalingGroup({ name: 'x' });
    const message = /AutoScaleGroup<x> has no connection/;
    await expect(g.update()).rejects.toThrow(message);
    await expect(g.delete()).rejects.toThrow(message);
    await expect(g.setCapacity(1)).rejects.toThrow(message);
    await expect(g.shutdownInstances()).rejects.toThrow(message);
    await expect(g.suspendProcesses()).rejects.toThrow(message);
    await expect(g.resumeProcesses()).rejects.toThrow(message);
    await expect(g.putNotificationConfiguration('t', ['x'])).rejects.toThrow(message);
    await expect(g.deleteNotificationConfiguration('t')).rejects.toThrow(message);
    await expect(g.waitForCapacity()).rejects.toThrow(message);
    await expect(g.getActivities()).rejects.toThrow(message);
    expect(g.minSize).toBeUndefined();
  });
});

describe('connection calls that take a group', () => {
  test('deleteAutoScalingGroup by name or object', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DeleteAutoScalingGroup');
    await conn.deleteAutoScalingGroup('g1', { forceDelete: false });
    expect(wire.last.params).toEqual(sent('DeleteAutoScalingGroup', { AutoScalingGroupName: 'g1' }));
    reply(wire, 'DeleteAutoScalingGroup');
    await conn.deleteAutoScalingGroup(new AutoScalingGroup({ name: 'g2' }));
    expect(wire.last.params).toEqual(sent('DeleteAutoScalingGroup', { AutoScalingGroupName: 'g2' }));
    await expect(conn.deleteAutoScalingGroup('')).rejects.toThrow(new BotoClientError('name is required'));
    await expect(conn.deleteAutoScalingGroup(new AutoScalingGroup())).rejects.toThrow(new BotoClientError('name is required'));
    expect(wire.requests).toHaveLength(2);
  });

  test('setDesiredCapacity with honorCooldown, and its validation', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'SetDesiredCapacity');
    // As boto2's set_desired_capacity: True, not a Request.
    expect(await conn.setDesiredCapacity('my_group', 0, { honorCooldown: true })).toBe(true);
    expect(wire.last.params).toEqual(sent('SetDesiredCapacity', { AutoScalingGroupName: 'my_group', DesiredCapacity: '0', HonorCooldown: 'true' }));
    reply(wire, 'SetDesiredCapacity');
    await conn.setDesiredCapacity(new AutoScalingGroup({ name: 'g' }), 2, { honorCooldown: false });
    expect(wire.last.params).toEqual(sent('SetDesiredCapacity', { AutoScalingGroupName: 'g', DesiredCapacity: '2' }));
    await expect(conn.setDesiredCapacity('g', -1)).rejects.toThrow(new BotoClientError('desiredCapacity must be a non-negative integer, got -1'));
    await expect(conn.setDesiredCapacity('g', 1.5)).rejects.toThrow(new BotoClientError('desiredCapacity must be a non-negative integer, got 1.5'));
    await expect(conn.setDesiredCapacity('', 1)).rejects.toThrow(new BotoClientError('groupName is required'));
    await expect(conn.setDesiredCapacity('g'.repeat(256), 1)).rejects.toThrow(new BotoClientError('groupName must be 1 to 255 characters long, got 256'));
    expect(wire.requests).toHaveLength(2);
  });

  test('notification configuration validation', async () => {
    const { wire, conn } = asOnWire();
    await expect(conn.putNotificationConfiguration('g', 'arn:t', [])).rejects.toThrow(new BotoClientError('notificationTypes must list at least one item'));
    await expect(conn.putNotificationConfiguration('g', '', ['x'])).rejects.toThrow(new BotoClientError('topic is required'));
    await expect(conn.putNotificationConfiguration('', 'arn:t', ['x'])).rejects.toThrow(new BotoClientError('autoscaleGroup is required'));
    await expect(conn.deleteNotificationConfiguration('g', '')).rejects.toThrow(new BotoClientError('topic is required'));
    expect(wire.requests).toHaveLength(0);
  });
});
