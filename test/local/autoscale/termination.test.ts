import { autoscaleEnv, byZone, type AutoScalingEnv } from './env';

/** A one-zone group whose three instances launched at T0, T0+20m and T0+40m. */
function threeAges(policies: string[], extra: Record<string, unknown> = {}): { env: AutoScalingEnv; ids: string[] } {
  const env = autoscaleEnv();
  env.launchConfig();
  env.group('web', 0, 5, 1, { AvailabilityZones: ['us-east-1a'], TerminationPolicies: policies, ...extra });
  env.advance('20m');
  env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
  env.advance('20m');
  env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 3 });
  const ids = env.instances('web').map((i) => String(i.InstanceId));
  return { env, ids };
}

describe('scale-in by termination policy', () => {
  test('OldestInstance terminates the first launched', () => {
    const { env, ids } = threeAges(['OldestInstance']);
    env.advance('35m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([ids[0]]);
  });

  test('NewestInstance terminates the last launched', () => {
    const { env, ids } = threeAges(['NewestInstance']);
    env.advance('35m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([ids[2]]);
  });

  test('ClosestToNextInstanceHour terminates the instance whose billing hour ends soonest', () => {
    const { env, ids } = threeAges(['ClosestToNextInstanceHour']);
    // At T0+75m the instances are 75, 55 and 35 minutes old: 45, 5 and 25 minutes to their next hour.
    env.advance('35m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([ids[1]]);
  });

  test('OldestLaunchConfiguration terminates instances of the oldest launch configuration first', () => {
    const env = autoscaleEnv();
    env.launchConfig('old');
    env.call('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web',
      LaunchConfigurationName: 'old',
      MinSize: 0,
      MaxSize: 5,
      DesiredCapacity: 1,
      AvailabilityZones: ['us-east-1a'],
      TerminationPolicies: ['OldestLaunchConfiguration', 'NewestInstance'],
    });
    env.advance('1m');
    env.launchConfig('new');
    env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'new', DesiredCapacity: 3 });
    const [old] = env.instances('web').map((i) => String(i.InstanceId));
    expect(env.instances('web').map((i) => i.LaunchConfigurationName)).toEqual(['old', 'new', 'new']);
    env.advance('1m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([old]);
  });

  test('Default: the zone with the most instances first, then the oldest launch configuration, then the closest to the next hour', () => {
    const env = autoscaleEnv();
    env.launchConfig('old');
    env.call('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'web',
      LaunchConfigurationName: 'old',
      MinSize: 0,
      MaxSize: 6,
      DesiredCapacity: 2,
      AvailabilityZones: ['us-east-1a', 'us-east-1b'],
    });
    env.advance('20m');
    env.launchConfig('new');
    env.call('UpdateAutoScalingGroup', { AutoScalingGroupName: 'web', LaunchConfigurationName: 'new', DesiredCapacity: 3 });
    // a: old (T0), new (T0+20m); b: old (T0).
    expect(byZone(env.instances('web'))).toEqual({ 'us-east-1a': 2, 'us-east-1b': 1 });
    const inA = env.instances('web').filter((i) => i.AvailabilityZone === 'us-east-1a');
    const oldInA = inA.find((i) => i.LaunchConfigurationName === 'old')?.InstanceId;
    env.advance('5m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([oldInA]);
  });

  test('Default among equal launch configurations takes the one closest to its next instance hour', () => {
    const { env, ids } = threeAges(['Default']);
    env.advance('35m');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 2 });
    expect(env.cloud.ec2.terminated).toEqual([ids[1]]);
  });

  test('several instances at once keep the zones balanced', () => {
    const env = autoscaleEnv();
    env.launchConfig();
    env.group('web', 0, 6, 6, { AvailabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], TerminationPolicies: ['NewestInstance'] });
    env.advance('30s');
    env.call('SetDesiredCapacity', { AutoScalingGroupName: 'web', DesiredCapacity: 3 });
    const left = env.instances('web').filter((i) => i.LifecycleState === 'InService');
    expect(byZone(left)).toEqual({ 'us-east-1a': 1, 'us-east-1b': 1, 'us-east-1c': 1 });
  });
});
