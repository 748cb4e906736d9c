import type { WireObject } from '../../../src/local/types';
import { autoscaleEnv, states } from './env';
import { T0, list, obj } from './fakes';

const ARN_UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

describe('launch configurations', () => {
  test('CreateLaunchConfiguration stores every member and DescribeLaunchConfigurations answers it as AWS does', () => {
    const env = autoscaleEnv();
    env.call('CreateLaunchConfiguration', {
      LaunchConfigurationName: 'my-launch_config',
      ImageId: 'ami-12345678',
      InstanceType: 'm1.small',
      KeyName: 'my_key_name',
      SecurityGroups: ['my_security_groups'],
      UserData: 'IyEvYmluL2Jhc2g=',
      InstanceMonitoring: { Enabled: false },
      SpotPrice: '0.05',
      IamInstanceProfile: 'web',
      EbsOptimized: true,
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 20, DeleteOnTermination: true } }],
    });
    const out = env.call('DescribeLaunchConfigurations', {});
    const [lc] = list(out.LaunchConfigurations);
    expect(lc).toEqual({
      LaunchConfigurationName: 'my-launch_config',
      LaunchConfigurationARN: expect.stringMatching(new RegExp(`^arn:aws:autoscaling:us-east-1:123456789012:launchConfiguration:${ARN_UUID}:launchConfigurationName/my-launch_config$`)),
      ImageId: 'ami-12345678',
      KeyName: 'my_key_name',
      SecurityGroups: ['my_security_groups'],
      ClassicLinkVPCSecurityGroups: [],
      UserData: 'IyEvYmluL2Jhc2g=',
      InstanceType: 'm1.small',
      KernelId: '',
      RamdiskId: '',
      BlockDeviceMappings: [{ DeviceName: '/dev/sdf', Ebs: { VolumeSize: 20, DeleteOnTermination: true } }],
      InstanceMonitoring: { Enabled: false },
      CreatedTime: new Date(T0),
      EbsOptimized: true,
      SpotPrice: '0.05',
      IamInstanceProfile: 'web',
    });
    expect(out.NextToken).toBeUndefined();
  });

  test('monitoring is enabled by default and the names filter the listing', () => {
    const env = autoscaleEnv();
    env.launchConfig('a');
    env.launchConfig('b');
    const out = env.call('DescribeLaunchConfigurations', { LaunchConfigurationNames: ['b', 'nope'] });
    const lcs = list(out.LaunchConfigurations);
    expect(lcs.map((l) => l.LaunchConfigurationName)).toEqual(['b']);
    expect(lcs[0]?.InstanceMonitoring).toEqual({ Enabled: true });
  });

  test('a second launch configuration of the same name is AlreadyExists', () => {
    const env = autoscaleEnv();
    env.launchConfig('web');
    const err = env.fail('CreateLaunchConfiguration', { LaunchConfigurationName: 'web', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    expect([err.code, err.status, err.message]).toEqual([
      'AlreadyExists',
      400,
      'Launch Configuration by this name already exists - A launch configuration already exists with the name web',
    ]);
  });

  test('an image and an instance type (or an instance) are required, and the image must exist', () => {
    const env = autoscaleEnv();
    const missing = env.fail('CreateLaunchConfiguration', { LaunchConfigurationName: 'x', ImageId: 'ami-12345678' });
    expect([missing.code, missing.message]).toEqual([
      'ValidationError',
      'Valid requests must contain either the InstanceID parameter or both the ImageId and InstanceType parameters.',
    ]);
    const bad = env.fail('CreateLaunchConfiguration', { LaunchConfigurationName: 'x', ImageId: 'ami-missing', InstanceType: 't3.micro' });
    expect([bad.code, bad.message]).toEqual(['ValidationError', "AMI ami-missing is invalid: The image id '[ami-missing]' does not exist"]);
  });

  test('a launch configuration can copy an instance', () => {
    const env = autoscaleEnv();
    const inst = env.cloud.ec2.standalone();
    env.call('CreateLaunchConfiguration', { LaunchConfigurationName: 'copy', InstanceId: inst.id });
    const [lc] = list(env.call('DescribeLaunchConfigurations', {}).LaunchConfigurations);
    expect([lc?.ImageId, lc?.InstanceType]).toEqual(['ami-12345678', 't3.micro']);
  });

  test('the account limit is LimitExceeded', () => {
    const env = autoscaleEnv({ limits: { maxLaunchConfigurations: 2 } });
    env.launchConfig('a');
    env.launchConfig('b');
    const err = env.fail('CreateLaunchConfiguration', { LaunchConfigurationName: 'c', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    expect([err.code, err.status, err.message]).toEqual(['LimitExceeded', 400, 'You have reached the limit of 2 launch configurations for this account.']);
    expect(env.call('DescribeAccountLimits')).toEqual({
      MaxNumberOfAutoScalingGroups: 200,
      MaxNumberOfLaunchConfigurations: 2,
      NumberOfAutoScalingGroups: 0,
      NumberOfLaunchConfigurations: 2,
    });
  });

  test('deleting a launch configuration a group uses is ResourceInUse; an unknown one is a ValidationError', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 0, 2);
    const inUse = env.fail('DeleteLaunchConfiguration', { LaunchConfigurationName: 'lc' });
    expect([inUse.code, inUse.status, inUse.message]).toEqual(['ResourceInUse', 400, 'Cannot delete launch configuration lc because it is attached to AutoScalingGroup web']);
    const unknown = env.fail('DeleteLaunchConfiguration', { LaunchConfigurationName: 'nope' });
    expect([unknown.code, unknown.message]).toEqual(['ValidationError', 'Launch configuration name not found - Launch configuration nope not found']);
    env.call('DeleteAutoScalingGroup', { AutoScalingGroupName: 'web' });
    env.call('DeleteLaunchConfiguration', { LaunchConfigurationName: 'lc' });
    expect(list(env.call('DescribeLaunchConfigurations').LaunchConfigurations)).toEqual([]);
  });
});

describe('CreateAutoScalingGroup and DescribeAutoScalingGroups', () => {
  test('a new group answers with every member AWS writes, and starts launching at once', () => {
    const env = autoscaleEnv();
    env.cloud.elb.create('my-lb');
    env.launchConfig();
    env.call('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'my_group',
      LaunchConfigurationName: 'lc',
      MinSize: 4,
      MaxSize: 8,
      AvailabilityZones: ['us-east-1a', 'us-east-1b'],
      LoadBalancerNames: ['my-lb'],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      Tags: [{ Key: 'env', Value: 'prod', PropagateAtLaunch: true }],
    });
    const [g] = list(env.call('DescribeAutoScalingGroups', {}).AutoScalingGroups);
    expect(g).toEqual({
      AutoScalingGroupName: 'my_group',
      AutoScalingGroupARN: expect.stringMatching(new RegExp(`^arn:aws:autoscaling:us-east-1:123456789012:autoScalingGroup:${ARN_UUID}:autoScalingGroupName/my_group$`)),
      LaunchConfigurationName: 'lc',
      MinSize: 4,
      MaxSize: 8,
      DesiredCapacity: 4,
      DefaultCooldown: 300,
      AvailabilityZones: ['us-east-1a', 'us-east-1b'],
      LoadBalancerNames: ['my-lb'],
      TargetGroupARNs: [],
      HealthCheckType: 'ELB',
      HealthCheckGracePeriod: 300,
      Instances: expect.any(Array),
      CreatedTime: new Date(T0),
      SuspendedProcesses: [],
      EnabledMetrics: [],
      Tags: [{ ResourceId: 'my_group', ResourceType: 'auto-scaling-group', Key: 'env', Value: 'prod', PropagateAtLaunch: true }],
      TerminationPolicies: ['Default'],
      NewInstancesProtectedFromScaleIn: false,
      ServiceLinkedRoleARN: 'arn:aws:iam::123456789012:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling',
      CapacityRebalance: false,
      TrafficSources: [],
    });
    const instances = list(g?.Instances);
    expect(instances).toHaveLength(4);
    expect(instances[0]).toEqual({
      InstanceId: expect.stringMatching(/^i-[0-9a-f]{17}$/),
      InstanceType: 't3.micro',
      AvailabilityZone: 'us-east-1a',
      LifecycleState: 'Pending',
      HealthStatus: 'Healthy',
      LaunchConfigurationName: 'lc',
      ProtectedFromScaleIn: false,
    });
    // Launched with the launch configuration, the propagated tag and the group tag.
    expect(env.cloud.ec2.launched[0]).toEqual({
      imageId: 'ami-12345678',
      instanceType: 't3.micro',
      availabilityZone: 'us-east-1a',
      securityGroups: [],
      monitoring: true,
      tags: [
        { key: 'env', value: 'prod' },
        { key: 'aws:autoscaling:groupName', value: 'my_group' },
      ],
    });
  });

  test('a second group of the same name is AlreadyExists, in AWS words', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('my_group', 0, 1);
    const err = env.fail('CreateAutoScalingGroup', { AutoScalingGroupName: 'my_group', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    expect([err.code, err.status, err.message]).toEqual(['AlreadyExists', 400, 'AutoScalingGroup by this name already exists - A group with the name my_group already exists']);
  });

  test('the group limit is LimitExceeded', () => {
    const env = autoscaleEnv({ limits: { maxGroups: 1 } });
    env.launchConfig();
    env.group('a', 0, 1);
    const err = env.fail('CreateAutoScalingGroup', { AutoScalingGroupName: 'b', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    expect([err.code, err.message]).toEqual(['LimitExceeded', 'You have reached the limit of 1 Auto Scaling groups for this account.']);
  });

  test.each([
    [{ MinSize: 3, MaxSize: 2 }, 'Max bound, 2, must be greater than or equal to min bound, 3'],
    [{ MinSize: 1, MaxSize: 4, DesiredCapacity: 5 }, 'Desired capacity:5 must be between the specified min size:1 and max size:4'],
    [{ MinSize: 2, MaxSize: 4, DesiredCapacity: 1 }, 'Desired capacity:1 must be between the specified min size:2 and max size:4'],
    [{ AvailabilityZones: [] }, 'At least one Availability Zone or VPC Subnet is required.'],
    [{ AvailabilityZones: ['us-east-1z'] }, 'Invalid Availability Zone: us-east-1z'],
    [{ LaunchConfigurationName: 'nope' }, 'Launch configuration name not found - Launch configuration nope not found'],
    [{ LaunchConfigurationName: undefined }, 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.'],
    [{ LoadBalancerNames: ['ghost'] }, 'Provided Load Balancers may not be valid. Please ensure they exist and try again.'],
    [{ HealthCheckType: 'TCP' }, 'Invalid health check type: TCP. Valid values are EC2 and ELB.'],
    [{ TerminationPolicies: ['Random'] }, 'Termination policy Random is not valid. Valid termination policies are: AllocationStrategy, ClosestToNextInstanceHour, Default, NewestInstance, OldestInstance, OldestLaunchConfiguration, OldestLaunchTemplate'],
    [{ Tags: [{ Key: 'aws:x', Value: 'y' }] }, "Tag keys starting with 'aws:' are reserved for internal use: aws:x"],
    [{ LaunchTemplate: { LaunchTemplateName: 'lt' } }, 'Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.'],
    [{ LaunchConfigurationName: undefined, LaunchTemplate: { LaunchTemplateName: 'lt' } }, 'You must use a valid fully-formed launch template. The specified launch template, with template name lt, does not exist.'],
    [{ LaunchConfigurationName: undefined, MixedInstancesPolicy: {} }, 'MixedInstancesPolicy must contain a LaunchTemplate with a LaunchTemplateSpecification.'],
  ])('%j is a ValidationError', (extra, message) => {
    const env = autoscaleEnv();
    env.launchConfig();
    const err = env.fail('CreateAutoScalingGroup', { AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 2, AvailabilityZones: ['us-east-1a'], ...extra });
    expect([err.code, err.status, err.message]).toEqual(['ValidationError', 400, message]);
    expect(env.state.groups.size).toBe(0);
  });

  test('VPCZoneIdentifier spreads the subnets over zones and launches into them', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.call('CreateAutoScalingGroup', { AutoScalingGroupName: 'vpc', LaunchConfigurationName: 'lc', MinSize: 2, MaxSize: 2, VPCZoneIdentifier: 'subnet-1,subnet-2' });
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect(g?.VPCZoneIdentifier).toBe('subnet-1,subnet-2');
    expect(g?.AvailabilityZones).toEqual(['us-east-1a', 'us-east-1b']);
    expect(env.cloud.ec2.launched.map((s) => [s.availabilityZone, s.subnetId])).toEqual([
      ['us-east-1a', 'subnet-1'],
      ['us-east-1b', 'subnet-2'],
    ]);
  });

  test('InstanceId makes a launch configuration named after the group from the instance', () => {
    const env = autoscaleEnv();
    const inst = env.cloud.ec2.standalone();
    env.call('CreateAutoScalingGroup', { AutoScalingGroupName: 'copy', InstanceId: inst.id, MinSize: 1, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect(g?.LaunchConfigurationName).toBe('copy');
    expect(env.state.launchConfigs.get('copy')?.imageId).toBe('ami-12345678');
  });

  test('unknown names are left out; filters select by tag', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('a', 0, 1, 0, { Tags: [{ Key: 'team', Value: 'red' }] });
    env.group('b', 0, 1, 0, { Tags: [{ Key: 'team', Value: 'blue' }] });
    const names = (input: WireObject): unknown[] =>
      list(env.call('DescribeAutoScalingGroups', input).AutoScalingGroups).map((g) => g.AutoScalingGroupName);
    expect(names({ AutoScalingGroupNames: ['b', 'zzz', 'a'] })).toEqual(['a', 'b']);
    expect(names({ Filters: [{ Name: 'tag:team', Values: ['blue'] }] })).toEqual(['b']);
    expect(names({ Filters: [{ Name: 'tag-key', Values: ['team'] }] })).toEqual(['a', 'b']);
    expect(names({ Filters: [{ Name: 'tag-value', Values: ['red'] }] })).toEqual(['a']);
    const err = env.fail('DescribeAutoScalingGroups', { Filters: [{ Name: 'color', Values: ['x'] }] });
    expect([err.code, err.message]).toEqual(['ValidationError', 'Invalid filter name: color. Valid filters are tag-key, tag-value and tag:<key>.']);
  });

  test('pages of 50 by default, up to 100, with NextToken; other sizes and tokens are refused', () => {
    const env = autoscaleEnv({ limits: { maxGroups: 1000 } });
    env.launchConfig();
    for (let i = 0; i < 120; i++) env.group(`g${String(i).padStart(3, '0')}`, 0, 1, 0);
    const first = env.call('DescribeAutoScalingGroups');
    expect(list(first.AutoScalingGroups)).toHaveLength(50);
    expect(typeof first.NextToken).toBe('string');
    const second = env.call('DescribeAutoScalingGroups', { NextToken: first.NextToken ?? null });
    expect(list(second.AutoScalingGroups)[0]?.AutoScalingGroupName).toBe('g050');
    const big = env.call('DescribeAutoScalingGroups', { MaxRecords: 100 });
    expect(list(big.AutoScalingGroups)).toHaveLength(100);
    const last = env.call('DescribeAutoScalingGroups', { MaxRecords: 100, NextToken: big.NextToken ?? null });
    expect(list(last.AutoScalingGroups).map((g) => g.AutoScalingGroupName)).toEqual(Array.from({ length: 20 }, (_, i) => `g${100 + i}`));
    expect(last.NextToken).toBeUndefined();
    const tooBig = env.fail('DescribeAutoScalingGroups', { MaxRecords: 101 });
    expect([tooBig.code, tooBig.message]).toEqual([
      'ValidationError',
      "1 validation error detected: Value '101' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 100",
    ]);
    const token = env.fail('DescribeAutoScalingGroups', { NextToken: 'not-a-token' });
    expect([token.code, token.status]).toEqual(['InvalidNextToken', 400]);
  });
});

describe('UpdateAutoScalingGroup and DeleteAutoScalingGroup', () => {
  test('a new minimum above the desired capacity raises it, and the cause says so', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 4, 1);
    env.advance('30s');
    env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', MinSize: 3, HealthCheckGracePeriod: 60, DefaultCooldown: 120 });
    const g = env.state.groups.get('web');
    expect([g?.minSize, g?.maxSize, g?.desiredCapacity, g?.healthCheckGracePeriod, g?.defaultCooldown]).toEqual([3, 4, 3, 60, 120]);
    const [latest] = list(env.call('DescribeScalingActivities', { AutoScalingGroupName: 'web' }).Activities);
    expect(latest?.Cause).toBe(
      'At 2026-01-01T00:00:30Z a user request update of AutoScalingGroup constraints to min: 3, max: 4, desired: 3 changing the desired capacity from 1 to 3.  At 2026-01-01T00:00:30Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 3.',
    );
  });

  test('update errors', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 4, 1);
    const unknown = env.fail('UpdateAutoScalingGroup', { AutoScalingGroupName: 'nope', MinSize: 1 });
    expect([unknown.code, unknown.message]).toEqual(['ValidationError', 'AutoScalingGroup name not found - null']);
    const bounds = env.fail('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', MaxSize: 0 });
    expect(bounds.message).toBe('Max bound, 0, must be greater than or equal to min bound, 1');
    const desired = env.fail('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', DesiredCapacity: 9 });
    expect(desired.message).toBe('Desired capacity:9 must be between the specified min size:1 and max size:4');
    const lc = env.fail('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'nope' });
    expect(lc.message).toBe('Launch configuration name not found - Launch configuration nope not found');
  });

  test('a group with instances cannot be deleted without ForceDelete; while they launch, that is ScalingActivityInProgress', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 2, 2);
    const busy = env.fail('DeleteAutoScalingGroup', { AutoScalingGroupName: 'web' });
    expect([busy.code, busy.status, busy.message]).toEqual([
      'ScalingActivityInProgress',
      400,
      'You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.',
    ]);
    env.advance('30s');
    const inUse = env.fail('DeleteAutoScalingGroup', { AutoScalingGroupName: 'web' });
    expect([inUse.code, inUse.status, inUse.message]).toEqual([
      'ResourceInUse',
      400,
      'You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.',
    ]);
    const unknown = env.fail('DeleteAutoScalingGroup', { AutoScalingGroupName: 'nope' });
    expect(unknown.message).toBe("AutoScalingGroup name not found - AutoScalingGroup 'nope' not found");
  });

  test("the tutorial's shutdown: size 0, wait, delete", () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('my_group', 4, 8);
    env.advance('1m');
    env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'my_group', MinSize: 0, MaxSize: 0, DesiredCapacity: 0 });
    expect(states(env.instances('my_group'))).toEqual(['Terminating', 'Terminating', 'Terminating', 'Terminating']);
    env.advance('30s');
    expect(env.instances('my_group')).toEqual([]);
    env.call('DeleteAutoScalingGroup', { AutoScalingGroupName: 'my_group' });
    expect(list(env.call('DescribeAutoScalingGroups').AutoScalingGroups)).toEqual([]);
  });

  test('ForceDelete terminates the instances, shows "Delete in progress", then the group is gone', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 2, 2);
    env.advance('30s');
    env.call('DeleteAutoScalingGroup', { AutoScalingGroupName: 'web', ForceDelete: true });
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect([g?.Status, g?.DesiredCapacity, g?.MinSize, g?.MaxSize]).toEqual(['Delete in progress', 0, 0, 0]);
    expect(env.cloud.ec2.terminated).toHaveLength(2);
    env.advance('20s');
    expect(list(env.call('DescribeAutoScalingGroups').AutoScalingGroups)).toEqual([]);
    const deleted = list(env.call('DescribeScalingActivities', { IncludeDeletedGroups: true }).Activities);
    expect(deleted.map((a) => a.AutoScalingGroupState)).toEqual(['Deleted', 'Deleted', 'Deleted', 'Deleted']);
    expect(list(env.call('DescribeScalingActivities').Activities)).toEqual([]);
  });
});

describe('DescribeAutoScalingInstances', () => {
  test('lists every managed instance with its health in capitals, 50 a page at most', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 2, 2);
    env.advance('30s');
    const out = env.call('DescribeAutoScalingInstances');
    const rows = list(out.AutoScalingInstances);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toEqual({
      InstanceId: expect.stringMatching(/^i-/),
      InstanceType: 't3.micro',
      AutoScalingGroupName: 'web',
      AvailabilityZone: 'us-east-1a',
      LifecycleState: 'InService',
      HealthStatus: 'HEALTHY',
      LaunchConfigurationName: 'lc',
      ProtectedFromScaleIn: false,
    });
    const one = env.call('DescribeAutoScalingInstances', { InstanceIds: [String(rows[1]?.InstanceId), 'i-00000000000000000'] });
    expect(list(one.AutoScalingInstances).map((r) => r.InstanceId)).toEqual([rows[1]?.InstanceId]);
    const err = env.fail('DescribeAutoScalingInstances', { MaxRecords: 51 });
    expect(err.code).toBe('ValidationError');
    expect(obj(env.call('DescribeAutoScalingInstances', { MaxRecords: 1 })).NextToken).toEqual(expect.any(String));
  });
});
