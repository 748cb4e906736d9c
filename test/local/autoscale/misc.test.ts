import type { Datapoint, WireObject } from '../../../src/local/types';
import { autoscaleEnv, type AutoScalingEnv } from './env';
import { RecordingCloudWatch, T0, list } from './fakes';

function withGroups(...names: string[]): AutoScalingEnv {
  const env = autoscaleEnv();
  env.launchConfig();
  for (const n of names) env.group(n, 0, 4, 0);
  return env;
}

function recorded(env: AutoScalingEnv): Datapoint[] {
  const cw = env.cloud.cloudwatch;
  if (!(cw instanceof RecordingCloudWatch)) throw new Error('not the recording CloudWatch');
  return cw.datapoints;
}

describe('tags', () => {
  test('CreateOrUpdateTags, DescribeTags with each filter, DeleteTags', () => {
    const env = withGroups('a', 'b');
    env.call('CreateOrUpdateTags', {
      Tags: [
        { ResourceId: 'b', ResourceType: 'auto-scaling-group', Key: 'team', Value: 'blue', PropagateAtLaunch: true },
        { ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'team', Value: 'red', PropagateAtLaunch: false },
        { ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'env', Value: 'prod', PropagateAtLaunch: true },
      ],
    });
    const tags = (filters: WireObject[] = []): unknown[] =>
      list(env.call('DescribeTags', { Filters: filters }).Tags).map((t) => `${String(t.ResourceId)}/${String(t.Key)}=${String(t.Value)}:${String(t.PropagateAtLaunch)}`);
    expect(tags()).toEqual(['a/env=prod:true', 'a/team=red:false', 'b/team=blue:true']);
    expect(list(env.call('DescribeTags').Tags)[0]).toEqual({ ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'env', Value: 'prod', PropagateAtLaunch: true });
    expect(tags([{ Name: 'auto-scaling-group', Values: ['b'] }])).toEqual(['b/team=blue:true']);
    expect(tags([{ Name: 'key', Values: ['team'] }])).toEqual(['a/team=red:false', 'b/team=blue:true']);
    expect(tags([{ Name: 'value', Values: ['prod', 'blue'] }])).toEqual(['a/env=prod:true', 'b/team=blue:true']);
    expect(tags([{ Name: 'propagate-at-launch', Values: ['true'] }, { Name: 'key', Values: ['team'] }])).toEqual(['b/team=blue:true']);
    env.call('CreateOrUpdateTags', { Tags: [{ ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'team', Value: 'green', PropagateAtLaunch: true }] });
    expect(tags([{ Name: 'auto-scaling-group', Values: ['a'] }])).toEqual(['a/env=prod:true', 'a/team=green:true']);
    env.call('DeleteTags', { Tags: [{ ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'team' }] });
    expect(tags()).toEqual(['a/env=prod:true', 'b/team=blue:true']);
    const bad = env.fail('DescribeTags', { Filters: [{ Name: 'color', Values: ['x'] }] });
    expect(bad.message).toBe('Filter type color is not correct. Allowed Filter types are: auto-scaling-group key value propagate-at-launch');
    const unknown = env.fail('CreateOrUpdateTags', { Tags: [{ ResourceId: 'nope', ResourceType: 'auto-scaling-group', Key: 'k', Value: 'v' }] });
    expect([unknown.code, unknown.message]).toEqual(['ValidationError', 'AutoScalingGroup name not found - AutoScalingGroup: nope not found']);
  });

  test('more than 50 tags on a group is LimitExceeded; propagated tags reach new instances', () => {
    const env = withGroups('a');
    const many = Array.from({ length: 50 }, (_, i) => ({ ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: `k${i}`, Value: 'v', PropagateAtLaunch: i === 0 }));
    env.call('CreateOrUpdateTags', { Tags: many });
    const err = env.fail('CreateOrUpdateTags', { Tags: [{ ResourceId: 'a', ResourceType: 'auto-scaling-group', Key: 'one-more', Value: 'v' }] });
    expect([err.code, err.message]).toEqual(['LimitExceeded', 'The number of tags for AutoScalingGroup a would exceed the limit of 50.']);
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'a', DesiredCapacity: 1 });
    expect(env.cloud.ec2.launched[0]?.tags).toEqual([
      { key: 'k0', value: 'v' },
      { key: 'aws:autoscaling:groupName', value: 'a' },
    ]);
  });
});

describe('notification configurations', () => {
  test('Put, Describe (one row per type), Delete, and the notification types', () => {
    const env = withGroups('a', 'b');
    const topic = 'arn:aws:sns:us-east-1:123456789012:scaling';
    env.call('PutNotificationConfiguration', { AutoScalingGroupName: 'b', TopicARN: topic, NotificationTypes: ['autoscaling:EC2_INSTANCE_TERMINATE', 'autoscaling:EC2_INSTANCE_LAUNCH'] });
    env.call('PutNotificationConfiguration', { AutoScalingGroupName: 'a', TopicARN: topic, NotificationTypes: ['autoscaling:TEST_NOTIFICATION'] });
    expect(list(env.call('DescribeNotificationConfigurations').NotificationConfigurations)).toEqual([
      { AutoScalingGroupName: 'a', TopicARN: topic, NotificationType: 'autoscaling:TEST_NOTIFICATION' },
      { AutoScalingGroupName: 'b', TopicARN: topic, NotificationType: 'autoscaling:EC2_INSTANCE_LAUNCH' },
      { AutoScalingGroupName: 'b', TopicARN: topic, NotificationType: 'autoscaling:EC2_INSTANCE_TERMINATE' },
    ]);
    expect(list(env.call('DescribeNotificationConfigurations', { AutoScalingGroupNames: ['a'] }).NotificationConfigurations)).toHaveLength(1);
    env.call('DeleteNotificationConfiguration', { AutoScalingGroupName: 'b', TopicARN: topic });
    expect(list(env.call('DescribeNotificationConfigurations').NotificationConfigurations)).toHaveLength(1);
    const bad = env.fail('PutNotificationConfiguration', { AutoScalingGroupName: 'a', TopicARN: topic, NotificationTypes: ['autoscaling:EVERYTHING'] });
    expect(bad.message).toBe('Invalid notification type: autoscaling:EVERYTHING');
    expect(env.call('DescribeAutoScalingNotificationTypes')).toEqual({
      AutoScalingNotificationTypes: [
        'autoscaling:EC2_INSTANCE_LAUNCH',
        'autoscaling:EC2_INSTANCE_LAUNCH_ERROR',
        'autoscaling:EC2_INSTANCE_TERMINATE',
        'autoscaling:EC2_INSTANCE_TERMINATE_ERROR',
        'autoscaling:TEST_NOTIFICATION',
      ],
    });
  });
});

describe('metrics', () => {
  test('EnableMetricsCollection publishes the group metrics every minute; Disable stops them', () => {
    const env = withGroups('web');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    env.call('EnableMetricsCollection', { AutoScalingGroupName: 'web', Granularity: '1Minute', Metrics: ['GroupDesiredCapacity', 'GroupInServiceInstances', 'GroupPendingInstances'] });
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect(g?.EnabledMetrics).toEqual([
      { Metric: 'GroupDesiredCapacity', Granularity: '1Minute' },
      { Metric: 'GroupInServiceInstances', Granularity: '1Minute' },
      { Metric: 'GroupPendingInstances', Granularity: '1Minute' },
    ]);
    env.advance('10s');
    expect(recorded(env).map((d) => [d.metricName, d.value, d.timestamp])).toEqual([
      ['GroupDesiredCapacity', 2, T0],
      ['GroupInServiceInstances', 0, T0],
      ['GroupPendingInstances', 2, T0],
    ]);
    expect(recorded(env)[0]).toEqual({
      namespace: 'AWS/AutoScaling',
      metricName: 'GroupDesiredCapacity',
      dimensions: [{ name: 'AutoScalingGroupName', value: 'web' }],
      timestamp: T0,
      value: 2,
      unit: 'None',
    });
    env.advance('50s');
    expect(recorded(env).slice(3).map((d) => [d.metricName, d.value, d.timestamp])).toEqual([
      ['GroupDesiredCapacity', 2, T0 + 60_000],
      ['GroupInServiceInstances', 2, T0 + 60_000],
      ['GroupPendingInstances', 0, T0 + 60_000],
    ]);
    env.call('DisableMetricsCollection', { AutoScalingGroupName: 'web', Metrics: ['GroupPendingInstances'] });
    env.advance('1m');
    expect(recorded(env).slice(6).map((d) => d.metricName)).toEqual(['GroupDesiredCapacity', 'GroupInServiceInstances']);
    env.call('DisableMetricsCollection', { AutoScalingGroupName: 'web' });
    env.advance('1m');
    expect(recorded(env)).toHaveLength(8);
    const granularity = env.fail('EnableMetricsCollection', { AutoScalingGroupName: 'web', Granularity: '5Minute' });
    expect(granularity.message).toBe('Invalid granularity: 5Minute. The only valid granularity is 1Minute.');
    const metric = env.fail('EnableMetricsCollection', { AutoScalingGroupName: 'web', Granularity: '1Minute', Metrics: ['GroupMood'] });
    expect(metric.message).toBe('Invalid metric name: GroupMood');
  });

  test('without metrics or load, thousands of groups publish nothing', () => {
    const env = autoscaleEnv({ limits: { maxGroups: 5000 } });
    env.launchConfig();
    for (let i = 0; i < 2000; i++) env.group(`g${i}`, 1, 1);
    env.advance('5m');
    expect(recorded(env)).toEqual([]);
  });

  test('CPU of loaded groups: per instance and the group average, from the minute the group has load', () => {
    const env = withGroups('web', 'idle');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'idle', DesiredCapacity: 1 });
    env.advance('1m');
    expect(recorded(env)).toEqual([]);
    const [a, b] = env.instances('web').map((i) => String(i.InstanceId));
    const ia = env.cloud.ec2.instances.get(a ?? '');
    const ib = env.cloud.ec2.instances.get(b ?? '');
    if (ia === undefined || ib === undefined) throw new Error('no instances');
    ia.cpu = 80;
    ib.cpu = 60;
    env.advance('1m');
    expect(recorded(env)).toEqual([
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: a }], timestamp: T0 + 120_000, value: 80, unit: 'Percent' },
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'InstanceId', value: b }], timestamp: T0 + 120_000, value: 60, unit: 'Percent' },
      { namespace: 'AWS/EC2', metricName: 'CPUUtilization', dimensions: [{ name: 'AutoScalingGroupName', value: 'web' }], timestamp: T0 + 120_000, value: 70, unit: 'Percent' },
    ]);
    // Once loaded, an idle minute is still reported (0 %), so low-CPU alarms see it.
    ia.cpu = 0;
    ib.cpu = 0;
    env.advance('1m');
    expect(recorded(env).slice(3).map((d) => d.value)).toEqual([0, 0, 0]);
  });

  test('DescribeMetricCollectionTypes', () => {
    const env = withGroups();
    const out = env.call('DescribeMetricCollectionTypes');
    expect(list(out.Metrics).map((m) => m.Metric)).toEqual([
      'GroupMinSize',
      'GroupMaxSize',
      'GroupDesiredCapacity',
      'GroupInServiceInstances',
      'GroupPendingInstances',
      'GroupStandbyInstances',
      'GroupTerminatingInstances',
      'GroupTotalInstances',
      'GroupInServiceCapacity',
      'GroupPendingCapacity',
      'GroupStandbyCapacity',
      'GroupTerminatingCapacity',
      'GroupTotalCapacity',
    ]);
    expect(out.Granularities).toEqual([{ Granularity: '1Minute' }]);
  });
});

describe('processes and fixed vocabularies', () => {
  test('SuspendProcesses with no list suspends all; an unknown name is refused', () => {
    const env = withGroups('web');
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web' });
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect(list(g?.SuspendedProcesses).map((p) => p.ProcessName)).toEqual([
      'AZRebalance',
      'AddToLoadBalancer',
      'AlarmNotification',
      'HealthCheck',
      'InstanceRefresh',
      'Launch',
      'ReplaceUnhealthy',
      'ScheduledActions',
      'Terminate',
    ]);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web' });
    expect(env.state.groups.get('web')?.suspendedProcesses).toEqual([]);
    const err = env.fail('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['Nap'] });
    expect([err.code, err.message]).toEqual(['ValidationError', 'Invalid scaling process name: Nap']);
    const unknown = env.fail('SuspendProcesses', { AutoScalingGroupName: 'nope' });
    expect(unknown.message).toBe('AutoScalingGroup name not found - AutoScalingGroup: nope not found');
  });

  test('the Describe*Types actions', () => {
    const env = withGroups();
    expect(env.call('DescribeScalingProcessTypes')).toEqual({
      Processes: ['AZRebalance', 'AddToLoadBalancer', 'AlarmNotification', 'HealthCheck', 'InstanceRefresh', 'Launch', 'ReplaceUnhealthy', 'ScheduledActions', 'Terminate'].map((p) => ({ ProcessName: p })),
    });
    expect(env.call('DescribeAdjustmentTypes')).toEqual({
      AdjustmentTypes: [{ AdjustmentType: 'ChangeInCapacity' }, { AdjustmentType: 'ExactCapacity' }, { AdjustmentType: 'PercentChangeInCapacity' }],
    });
    expect(env.call('DescribeTerminationPolicyTypes')).toEqual({
      TerminationPolicyTypes: ['AllocationStrategy', 'ClosestToNextInstanceHour', 'Default', 'NewestInstance', 'OldestInstance', 'OldestLaunchConfiguration', 'OldestLaunchTemplate'],
    });
  });
});

describe('load balancers of a group', () => {
  test('AttachLoadBalancers registers the InService instances, DescribeLoadBalancers reports their state, DetachLoadBalancers deregisters', () => {
    const env = withGroups('web');
    env.cloud.elb.create('lb1');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    env.advance('20s');
    const ids = env.instances('web').map((i) => String(i.InstanceId));
    expect(env.call('AttachLoadBalancers', { AutoScalingGroupName: 'web', LoadBalancerNames: ['lb1'] })).toEqual({});
    expect([...(env.cloud.elb.balancers.get('lb1') ?? [])]).toEqual(ids);
    expect(env.call('DescribeLoadBalancers', { AutoScalingGroupName: 'web' })).toEqual({ LoadBalancers: [{ LoadBalancerName: 'lb1', State: 'InService' }] });
    const bad = env.fail('AttachLoadBalancers', { AutoScalingGroupName: 'web', LoadBalancerNames: ['ghost'] });
    expect(bad.message).toBe('Provided Load Balancers may not be valid. Please ensure they exist and try again.');
    env.call('DetachLoadBalancers', { AutoScalingGroupName: 'web', LoadBalancerNames: ['lb1'] });
    expect(env.cloud.elb.balancers.get('lb1')?.size).toBe(0);
    expect(env.call('DescribeLoadBalancers', { AutoScalingGroupName: 'web' })).toEqual({ LoadBalancers: [] });
  });
});
