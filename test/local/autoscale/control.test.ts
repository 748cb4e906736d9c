import type { WireObject } from '../../../src/local/types';
import { autoscaleEnv, byZone, states, type AutoScalingEnv } from './env';
import { T0, list } from './fakes';

function activities(env: AutoScalingEnv, group: string): WireObject[] {
  return list(env.call('DescribeScalingActivities', { AutoScalingGroupName: group }).Activities);
}

function ids(env: AutoScalingEnv, group: string): string[] {
  return env.instances(group).map((i) => String(i.InstanceId));
}

describe('convergence to the desired capacity', () => {
  test('instances launch spread over the zones, Pending until EC2 runs them, then InService', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('my_group', 4, 8);
    expect(byZone(env.instances('my_group'))).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
    expect(states(env.instances('my_group'))).toEqual(['Pending', 'Pending', 'Pending', 'Pending']);
    env.advance('10s');
    expect(states(env.instances('my_group'))).toEqual(['Pending', 'Pending', 'Pending', 'Pending']);
    env.advance('10s');
    expect(states(env.instances('my_group'))).toEqual(['InService', 'InService', 'InService', 'InService']);
    expect(env.service.api.groupInstances('my_group')).toEqual(ids(env, 'my_group'));
    expect(env.service.api.groupInstances('nope')).toBeUndefined();
  });

  test('three zones and five instances: 2, 2, 1, in the order the zones are listed', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 5, 5, 5, { AvailabilityZones: ['us-east-1c', 'us-east-1a', 'us-east-1b'] });
    expect(byZone(env.instances('web'))).toEqual({ 'us-east-1c': 2, 'us-east-1a': 2, 'us-east-1b': 1 });
  });

  test('each launch is an activity with AWS description, cause, status, progress and details', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('my_group', 2, 4);
    const before = activities(env, 'my_group');
    expect(before).toHaveLength(2);
    const [first] = ids(env, 'my_group');
    const launch = before.find((a) => a.Description === `Launching a new EC2 instance: ${first}`);
    expect(launch).toEqual({
      ActivityId: expect.stringMatching(/^[0-9a-f-]{36}$/),
      AutoScalingGroupName: 'my_group',
      AutoScalingGroupARN: env.state.groups.get('my_group')?.arn,
      Description: `Launching a new EC2 instance: ${first}`,
      Cause:
        'At 2026-01-01T00:00:00Z a user request created an AutoScalingGroup changing the desired capacity from 0 to 2.  At 2026-01-01T00:00:00Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 2.',
      StartTime: new Date(T0),
      StatusCode: 'PreInService',
      Progress: 30,
      Details: '{"Availability Zone":"us-east-1a"}',
    });
    env.advance('20s');
    const after = activities(env, 'my_group').find((a) => a.ActivityId === launch?.ActivityId);
    expect([after?.StatusCode, after?.Progress, after?.EndTime]).toEqual(['Successful', 100, new Date(T0 + 20_000)]);
  });

  test('scale-in terminates with AWS words, deregisters from the load balancer first, and the instance leaves once terminated', () => {
    const env = autoscaleEnv();
    env.cloud.elb.create('my-lb');
    env.launchConfig();
    env.group('web', 1, 4, 2, { LoadBalancerNames: ['my-lb'] });
    env.advance('20s');
    const [a, b] = ids(env, 'web');
    expect(env.cloud.elb.calls).toEqual([`register my-lb ${a}`, `register my-lb ${b}`]);
    env.advance('40s');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 1 });
    const victim = env.cloud.ec2.terminated[0];
    expect(env.cloud.elb.calls[2]).toBe(`deregister my-lb ${victim}`);
    const [term] = activities(env, 'web');
    expect(term).toMatchObject({
      Description: `Terminating EC2 instance: ${victim}`,
      Cause: `At 2026-01-01T00:01:00Z a user request explicitly set group desired capacity changing the desired capacity from 2 to 1.  At 2026-01-01T00:01:00Z an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 2 to 1.  At 2026-01-01T00:01:00Z instance ${victim} was selected for termination.`,
      StatusCode: 'InProgress',
      Progress: 50,
    });
    expect(states(env.instances('web'))).toEqual(['InService', 'Terminating']);
    env.advance('10s');
    expect(ids(env, 'web')).toHaveLength(1);
    const done = activities(env, 'web').find((x) => x.ActivityId === term?.ActivityId);
    expect([done?.StatusCode, done?.Progress, done?.EndTime]).toEqual(['Successful', 100, new Date(T0 + 70_000)]);
  });

  test('a failed launch is a Failed activity and is retried with a back-off', () => {
    const env = autoscaleEnv();
    env.launchConfig('lc', { ImageId: 'ami-12345678' });
    env.group('web', 1, 1);
    env.advance('20s');
    env.cloud.ec2.failLaunches = true;
    const [only] = ids(env, 'web');
    env.call('TerminateInstanceInAutoScalingGroup', { InstanceId: only ?? '', ShouldDecrementDesiredCapacity: false });
    const failed = activities(env, 'web').filter((a) => a.StatusCode === 'Failed');
    expect(failed).toHaveLength(1);
    expect(failed[0]).toMatchObject({
      Description: 'Launching a new EC2 instance.  Status Reason: Insufficient capacity. Launching EC2 instance failed.',
      StatusMessage: 'Insufficient capacity. Launching EC2 instance failed.',
      Progress: 100,
    });
    env.advance('10s');
    expect(activities(env, 'web').filter((a) => a.StatusCode === 'Failed')).toHaveLength(2);
    env.advance('10s');
    // The back-off doubled to 20 s.
    expect(activities(env, 'web').filter((a) => a.StatusCode === 'Failed')).toHaveLength(2);
    env.cloud.ec2.failLaunches = false;
    env.advance('20s');
    expect(states(env.instances('web'))).toEqual(['Pending']);
  });
});

describe('health', () => {
  test('SetInstanceHealth Unhealthy replaces the instance (user health-check), respecting the grace period by default', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 2, 2, 2, { HealthCheckGracePeriod: 60 });
    env.advance('20s');
    const [sick] = ids(env, 'web');
    env.call('SetInstanceHealth', { InstanceId: sick ?? '', HealthStatus: 'Unhealthy' });
    expect(env.cloud.ec2.terminated).toEqual([]);
    env.call('SetInstanceHealth', { InstanceId: sick ?? '', HealthStatus: 'Unhealthy', ShouldRespectGracePeriod: false });
    expect(env.cloud.ec2.terminated).toEqual([sick]);
    const [launch, term] = activities(env, 'web');
    expect(term?.Cause).toBe('At 2026-01-01T00:00:20Z an instance was taken out of service in response to a user health-check.');
    expect(launch?.Cause).toBe(
      'At 2026-01-01T00:00:20Z an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 1 to 2.',
    );
    const bad = env.fail('SetInstanceHealth', { InstanceId: 'i-00000000000000000', HealthStatus: 'Unhealthy' });
    expect([bad.code, bad.message]).toEqual(['ValidationError', 'Instance Id not found - No managed instance found for instance ID: i-00000000000000000']);
    const status = env.fail('SetInstanceHealth', { InstanceId: sick ?? '', HealthStatus: 'Sick' });
    expect(status.message).toBe('Valid instance health states are: [Healthy, Unhealthy]. Sick is not one of them.');
  });

  test('an instance EC2 no longer runs fails the EC2 health check and is replaced', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 1);
    env.advance('20s');
    const [first] = ids(env, 'web');
    const inst = env.cloud.ec2.instances.get(first ?? '');
    if (inst === undefined) throw new Error('no instance');
    inst.stopped = true;
    env.advance('10s');
    const [launch, term] = activities(env, 'web');
    expect(term?.Cause).toBe('At 2026-01-01T00:00:30Z an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.');
    expect(launch?.Description).toMatch(/^Launching a new EC2 instance: i-/);
  });

  test('with HealthCheckType ELB an OutOfService instance is replaced after the grace period; with EC2 it is not', () => {
    for (const type of ['ELB', 'EC2']) {
      const env = autoscaleEnv();
      env.cloud.elb.create('lb');
      env.launchConfig();
      env.group('web', 1, 1, 1, { LoadBalancerNames: ['lb'], HealthCheckType: type, HealthCheckGracePeriod: 60 });
      env.advance('20s');
      const [first] = ids(env, 'web');
      env.cloud.elb.outOfService.add(first ?? '');
      env.advance('50s');
      expect(env.cloud.ec2.terminated).toEqual([]);
      env.advance('30s');
      if (type === 'ELB') {
        expect(env.cloud.ec2.terminated).toEqual([first]);
        expect(activities(env, 'web')[1]?.Cause).toBe('At 2026-01-01T00:01:20Z an instance was taken out of service in response to an ELB system health check failure.');
      } else {
        expect(env.cloud.ec2.terminated).toEqual([]);
      }
    }
  });
});

describe('suspended processes', () => {
  test('Launch and Terminate: nothing launches or terminates until resumed', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 0, 4, 0);
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['Launch', 'Terminate'] });
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    env.advance('1m');
    expect(env.instances('web')).toEqual([]);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['Launch'] });
    expect(env.instances('web')).toHaveLength(2);
    env.advance('30s');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 0 });
    env.advance('1m');
    expect(states(env.instances('web'))).toEqual(['InService', 'InService']);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web' });
    expect(states(env.instances('web'))).toEqual(['Terminating', 'Terminating']);
  });

  test('HealthCheck: a stopped instance is not noticed; ReplaceUnhealthy: it is marked but kept', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 1);
    env.advance('20s');
    const [first] = ids(env, 'web');
    const inst = env.cloud.ec2.instances.get(first ?? '');
    if (inst === undefined) throw new Error('no instance');
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['HealthCheck', 'ReplaceUnhealthy'] });
    inst.stopped = true;
    env.advance('30s');
    expect(env.instances('web').map((i) => i.HealthStatus)).toEqual(['Healthy']);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['HealthCheck'] });
    env.advance('10s');
    expect(env.instances('web').map((i) => [i.HealthStatus, i.LifecycleState])).toEqual([['Unhealthy', 'InService']]);
    env.call('ResumeProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['ReplaceUnhealthy'] });
    expect(env.cloud.ec2.terminated).toEqual([first]);
  });

  test('AddToLoadBalancer: instances launched meanwhile are not registered', () => {
    const env = autoscaleEnv();
    env.cloud.elb.create('lb');
    env.launchConfig();
    env.call('CreateLaunchConfiguration', { LaunchConfigurationName: 'other', ImageId: 'ami-12345678', InstanceType: 't3.micro' });
    env.group('web', 0, 2, 0, { LoadBalancerNames: ['lb'] });
    env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['AddToLoadBalancer'] });
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 1 });
    env.advance('30s');
    expect(env.cloud.elb.balancers.get('lb')?.size).toBe(0);
    const [g] = list(env.call('DescribeAutoScalingGroups').AutoScalingGroups);
    expect(g?.SuspendedProcesses).toEqual([{ ProcessName: 'AddToLoadBalancer', SuspensionReason: 'User suspended at 2026-01-01T00:00:00Z' }]);
  });

  test('AZRebalance: adding a zone moves instances into it one at a time, launching before terminating; suspended, nothing moves', () => {
    for (const suspend of [false, true]) {
      const env = autoscaleEnv();
      env.launchConfig();
      env.group('web', 4, 5, 4, { AvailabilityZones: ['us-east-1a'] });
      env.advance('30s');
      if (suspend) env.call('SuspendProcesses', { AutoScalingGroupName: 'web', ScalingProcesses: ['AZRebalance'] });
      env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', AvailabilityZones: ['us-east-1a', 'us-east-1b'] });
      env.advance('10m');
      if (suspend) {
        expect(byZone(env.instances('web'))).toEqual({ 'us-east-1a': 4 });
        continue;
      }
      expect(byZone(env.instances('web'))).toEqual({ 'us-east-1a': 2, 'us-east-1b': 2 });
      const causes = activities(env, 'web')
        .reverse()
        .map((a) => String(a.Cause))
        .filter((c) => c.includes('balanc'));
      expect(causes).toHaveLength(4);
      expect(causes[0]).toBe("At 2026-01-01T00:00:30Z an instance was launched to aid in balancing the group's zones.");
      expect(causes[1]).toMatch(
        /^At 2026-01-01T00:00:50Z instances were launched to balance instances in zones us-east-1a with other zones resulting in more than desired number of instances in the group\. {2}At 2026-01-01T00:00:50Z an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from 5 to 4\. {2}At 2026-01-01T00:00:50Z instance i-[0-9a-f]{17} was selected for termination\.$/,
      );
      // The second move waits for the first termination to finish (00:01:00).
      expect(causes[2]).toBe("At 2026-01-01T00:01:00Z an instance was launched to aid in balancing the group's zones.");
      expect(causes[3]).toMatch(/^At 2026-01-01T00:01:20Z instances were launched to balance instances in zones us-east-1a /);
    }
  });
});

describe('instance actions', () => {
  test('TerminateInstanceInAutoScalingGroup with and without decrement, and its errors', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 3, 3);
    env.advance('20s');
    const [a, b] = ids(env, 'web');
    const out = env.call('TerminateInstanceInAutoScalingGroup', { InstanceId: a ?? '', ShouldDecrementDesiredCapacity: true });
    expect(out.Activity).toMatchObject({
      Description: `Terminating EC2 instance: ${a}`,
      Cause: `At 2026-01-01T00:00:20Z instance ${a} was taken out of service in response to a user request, shrinking the capacity from 3 to 2.`,
      StatusCode: 'InProgress',
    });
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(2);
    env.call('TerminateInstanceInAutoScalingGroup', { InstanceId: b ?? '', ShouldDecrementDesiredCapacity: false });
    const [replacement, termB] = activities(env, 'web');
    expect(termB?.Cause).toBe(`At 2026-01-01T00:00:20Z instance ${b} was taken out of service in response to a user request.`);
    expect(replacement?.Description).toMatch(/^Launching a new EC2 instance: i-/);
    const again = env.fail('TerminateInstanceInAutoScalingGroup', { InstanceId: b ?? '', ShouldDecrementDesiredCapacity: false });
    expect([again.code, again.message]).toEqual(['ScalingActivityInProgress', `Instance ${b} is already being terminated.`]);
    const unknown = env.fail('TerminateInstanceInAutoScalingGroup', { InstanceId: 'i-0123456789abcdef0', ShouldDecrementDesiredCapacity: true });
    expect(unknown.message).toBe('Instance Id not found - No managed instance found for instance ID: i-0123456789abcdef0');
    env.advance('1m');
    env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', MinSize: 2 });
    const [c] = ids(env, 'web');
    const min = env.fail('TerminateInstanceInAutoScalingGroup', { InstanceId: c ?? '', ShouldDecrementDesiredCapacity: true });
    expect(min.message).toBe(
      "Currently, desiredSize equals minSize (2). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.",
    );
  });

  test('AttachInstances adds running instances InService and raises the desired capacity; DetachInstances takes them out', () => {
    const env = autoscaleEnv();
    env.cloud.elb.create('lb');
    env.launchConfig();
    env.group('web', 0, 2, 0, { LoadBalancerNames: ['lb'] });
    const x = env.cloud.ec2.standalone('us-east-1b');
    const pending = env.fail('AttachInstances', { AutoScalingGroupName: 'web', InstanceIds: [x.id] });
    expect(pending.message).toBe(`Instance ${x.id} is not in correct state: it must be running, not pending.`);
    env.advance('20s');
    env.call('AttachInstances', { AutoScalingGroupName: 'web', InstanceIds: [x.id] });
    expect(env.instances('web')).toEqual([
      { InstanceId: x.id, InstanceType: 't3.micro', AvailabilityZone: 'us-east-1b', LifecycleState: 'InService', HealthStatus: 'Healthy', ProtectedFromScaleIn: false },
    ]);
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(1);
    expect(env.cloud.elb.balancers.get('lb')?.has(x.id)).toBe(true);
    expect(activities(env, 'web')[0]).toMatchObject({
      Description: `Attaching an existing EC2 instance: ${x.id}`,
      Cause: 'At 2026-01-01T00:00:20Z an instance was added in response to user request. Adjusting desired capacity from 0 to 1.',
      StatusCode: 'Successful',
    });
    const twice = env.fail('AttachInstances', { AutoScalingGroupName: 'web', InstanceIds: [x.id] });
    expect(twice.message).toBe(`The instance ${x.id} is already part of AutoScalingGroup: web`);
    const y = env.cloud.ec2.standalone('us-east-1c');
    env.advance('20s');
    const zone = env.fail('AttachInstances', { AutoScalingGroupName: 'web', InstanceIds: [y.id] });
    expect(zone.message).toBe(`Instance ${y.id} is in Availability Zone us-east-1c, which is not one of the group's zones.`);
    const out = env.call('DetachInstances', { AutoScalingGroupName: 'web', InstanceIds: [x.id], ShouldDecrementDesiredCapacity: true });
    expect(list(out.Activities)[0]).toMatchObject({
      Description: `Detaching EC2 instance: ${x.id}`,
      Cause: `At 2026-01-01T00:00:40Z instance ${x.id} was detached in response to a user request, shrinking the capacity from 1 to 0.`,
    });
    expect(env.instances('web')).toEqual([]);
    expect(env.cloud.elb.balancers.get('lb')?.has(x.id)).toBe(false);
    expect(env.cloud.ec2.terminated).toEqual([]);
    const notMember = env.fail('DetachInstances', { AutoScalingGroupName: 'web', InstanceIds: [x.id], ShouldDecrementDesiredCapacity: true });
    expect(notMember.message).toBe(`The instance ${x.id} is not part of Auto Scaling group web.`);
  });

  test('SetInstanceProtection keeps an instance through a scale-in', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 0, 2, 2);
    env.advance('20s');
    const [a, b] = ids(env, 'web');
    env.call('SetInstanceProtection', { AutoScalingGroupName: 'web', InstanceIds: [a ?? ''], ProtectedFromScaleIn: true });
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 1 });
    expect(env.cloud.ec2.terminated).toEqual([b]);
  });
});

describe('SetDesiredCapacity', () => {
  test('limits, cause, and HonorCooldown', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 1, 4, 1, { DefaultCooldown: 60 });
    env.advance('20s');
    const above = env.fail('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 5 });
    expect([above.code, above.message]).toEqual(['ValidationError', 'New SetDesiredCapacity value 5 is above max value 4 for the AutoScalingGroup.']);
    const below = env.fail('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 0 });
    expect(below.message).toBe('New SetDesiredCapacity value 0 is below min value 1 for the AutoScalingGroup.');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2, HonorCooldown: true });
    const busy = env.fail('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 3, HonorCooldown: true });
    expect([busy.code, busy.message]).toEqual(['ScalingActivityInProgress', 'Scaling activity is in progress or the cooldown period of AutoScalingGroup web has not ended.']);
    env.advance('20s');
    // InService at 00:00:40: the default cooldown of 60 s runs to 00:01:40.
    env.advance('50s');
    expect(env.fail('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 3, HonorCooldown: true }).code).toBe('ScalingActivityInProgress');
    env.advance('20s');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 3, HonorCooldown: true });
    expect(env.state.groups.get('web')?.desiredCapacity).toBe(3);
    const unknown = env.fail('SetDesiredCapacity', { AutoScalingGroupName: 'nope', DesiredCapacity: 1 });
    expect(unknown.message).toBe('AutoScalingGroup name not found - AutoScalingGroup: nope not found');
  });
});

describe('snapshot and restore', () => {
  test('the whole state survives JSON, and the restored service carries on', () => {
    const env = autoscaleEnv();
    env.cloud.elb.create('lb');
    env.launchConfig();
    env.group('web', 2, 4, 2, { LoadBalancerNames: ['lb'], Tags: [{ Key: 'k', Value: 'v', PropagateAtLaunch: true }] });
    env.call('PutScalingPolicy', { AutoScalingGroupName: 'web', PolicyName: 'up', AdjustmentType: 'ChangeInCapacity', ScalingAdjustment: 1 });
    env.call('PutScheduledUpdateGroupAction', { AutoScalingGroupName: 'web', ScheduledActionName: 'night', Recurrence: '0 22 * * *', DesiredCapacity: 3 });
    env.call('PutNotificationConfiguration', { AutoScalingGroupName: 'web', TopicARN: 'arn:aws:sns:us-east-1:123456789012:t', NotificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH'] });
    env.advance('10s');
    const json = JSON.stringify(env.service.snapshot());
    const copy = autoscaleEnv();
    copy.cloud.clock.restore(env.cloud.clock.toJSON());
    for (const [id, inst] of env.cloud.ec2.instances) copy.cloud.ec2.instances.set(id, inst);
    copy.cloud.elb.create('lb');
    copy.service.restore(JSON.parse(json) as unknown);
    expect(JSON.stringify(copy.service.snapshot())).toBe(json);
    const describe = (e: AutoScalingEnv): unknown => ['DescribeAutoScalingGroups', 'DescribeLaunchConfigurations', 'DescribePolicies', 'DescribeScheduledActions', 'DescribeScalingActivities', 'DescribeNotificationConfigurations'].map((a) => e.call(a));
    expect(describe(copy)).toEqual(describe(env));
    // The fake instances boot on the original cloud's clock.
    env.advance('10s');
    copy.advance('10s');
    expect(states(copy.instances('web'))).toEqual(['InService', 'InService']);
    const policyArn = String(list(copy.call('DescribePolicies').ScalingPolicies)[0]?.PolicyARN);
    expect(copy.service.api.executePolicyByArn(policyArn, 'a monitor alarm hi in state ALARM')).toBe(true);
    expect(copy.state.groups.get('web')?.desiredCapacity).toBe(3);
    expect(() => copy.service.restore({ version: 2 })).toThrow('not an Auto Scaling snapshot of this version');
  });
});
