/**
 * Mixed instances policies through @aws-sdk/client-auto-scaling and @aws-sdk/client-ec2
 * against botoscale local: the policy described back, the on-demand base and percentage
 * split, weights, allocation strategies, spot instances in EC2, and AWS's validation.
 */
import { AutoScaling, type AutoScalingGroup, type CreateAutoScalingGroupCommandInput, type MixedInstancesPolicy } from '@aws-sdk/client-auto-scaling';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let ec2: EC2;
let as: AutoScaling;

beforeEach(async () => {
  local = await startTest();
  ec2 = new EC2(clientConfig(local.endpoint));
  as = new AutoScaling(clientConfig(local.endpoint));
  await ec2.createLaunchTemplate({ LaunchTemplateName: 'web', LaunchTemplateData: { ImageId: 'ami-0abcdef1234567890', InstanceType: 'm5.large' } });
});

afterEach(async () => {
  ec2.destroy();
  as.destroy();
  await local.close();
});

function policy(distribution: MixedInstancesPolicy['InstancesDistribution'] = {}, overrides: Array<{ InstanceType: string; WeightedCapacity?: string }> = [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }, { InstanceType: 'm4.large' }]): MixedInstancesPolicy {
  return { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'web' }, Overrides: overrides }, InstancesDistribution: distribution };
}

async function group(extra: Partial<CreateAutoScalingGroupCommandInput>): Promise<void> {
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 0, MaxSize: 20, AvailabilityZones: ['us-east-1a', 'us-east-1b'], ...extra });
}

async function describeGroup(): Promise<AutoScalingGroup> {
  return (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] })).AutoScalingGroups?.[0] as AutoScalingGroup;
}

async function lifecycles(): Promise<Map<string, string>> {
  const ids = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string);
  const out = await ec2.describeInstances({ InstanceIds: ids });
  return new Map((out.Reservations ?? []).flatMap((r) => r.Instances ?? []).map((i) => [i.InstanceId as string, i.InstanceLifecycle ?? 'on-demand']));
}

describe('mixed instances policies', () => {
  test('the policy is described back with AWS defaults filled in', async () => {
    await group({ MixedInstancesPolicy: policy({ OnDemandBaseCapacity: 1 }), DesiredCapacity: 0, CapacityRebalance: true });
    const g = await describeGroup();
    expect(g.MixedInstancesPolicy).toEqual({
      LaunchTemplate: {
        LaunchTemplateSpecification: { LaunchTemplateId: expect.stringMatching(/^lt-/), LaunchTemplateName: 'web', Version: '$Default' },
        Overrides: [{ InstanceType: 'm5.large' }, { InstanceType: 'c5.large' }, { InstanceType: 'm4.large' }],
      },
      InstancesDistribution: { OnDemandAllocationStrategy: 'prioritized', OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 100, SpotAllocationStrategy: 'lowest-price', SpotInstancePools: 2 },
    });
    expect(g.CapacityRebalance).toBe(true);
    expect(g.LaunchTemplate).toBeUndefined();
  });

  // Amazon EC2 Auto Scaling User Guide, "Allocation strategies" / InstancesDistribution in the
  // API Reference: the base is on-demand, then OnDemandPercentageAboveBaseCapacity of the rest;
  // botoscale local rounds the on-demand count of that share up (a fraction goes to on-demand).
  test('base first, then the percentage above it: base 2, 25% of 7 above it -> 2 + ceil(1.75) = 4 on-demand, 5 spot', async () => {
    await group({ MixedInstancesPolicy: policy({ OnDemandBaseCapacity: 2, OnDemandPercentageAboveBaseCapacity: 25, SpotAllocationStrategy: 'capacity-optimized' }), DesiredCapacity: 9 });
    const kinds = [...(await lifecycles()).values()];
    expect(kinds.filter((k) => k === 'spot')).toHaveLength(5);
    expect(kinds.filter((k) => k === 'on-demand')).toHaveLength(4);
    const instances = (await describeGroup()).Instances ?? [];
    // prioritized: on-demand takes the first override
    const onDemandTypes = new Set(instances.filter((i) => (local.cloud.ec2.getInstance(i.InstanceId as string)?.instanceLifecycle ?? '') !== 'spot').map((i) => i.InstanceType));
    expect([...onDemandTypes]).toEqual(['m5.large']);
    // spread over both zones
    expect(new Set(instances.map((i) => i.AvailabilityZone))).toEqual(new Set(['us-east-1a', 'us-east-1b']));
  });

  test('a desired capacity within the base is all on-demand; 0% above it is all spot', async () => {
    await group({ MixedInstancesPolicy: policy({ OnDemandBaseCapacity: 3, OnDemandPercentageAboveBaseCapacity: 0 }), DesiredCapacity: 3 });
    expect([...(await lifecycles()).values()].every((k) => k === 'on-demand')).toBe(true);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 6 });
    const kinds = [...(await lifecycles()).values()];
    expect(kinds.filter((k) => k === 'spot')).toHaveLength(3);
    // scale in takes spot above the base back first... and the base stays on-demand
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 4 });
    local.clock.advance('5m');
    const g = await describeGroup();
    const live = (g.Instances ?? []).filter((i) => i.LifecycleState !== 'Terminating');
    expect(live).toHaveLength(4);
    const spot = live.filter((i) => local.cloud.ec2.getInstance(i.InstanceId as string)?.instanceLifecycle === 'spot');
    expect(spot).toHaveLength(1);
  });

  test('weights: capacity is counted in units and AWS overshoots by less than the largest weight', async () => {
    const overrides = [{ InstanceType: 'c5.4xlarge', WeightedCapacity: '4' }, { InstanceType: 'c5.2xlarge', WeightedCapacity: '2' }];
    await group({ MixedInstancesPolicy: policy({}, overrides), DesiredCapacity: 10, MaxSize: 12 });
    const g = await describeGroup();
    const instances = g.Instances ?? [];
    // prioritized on-demand: c5.4xlarge (4 units) until 10 is met: 4 + 4 + 4 = 12 units, 3 instances
    expect(instances.map((i) => [i.InstanceType, i.WeightedCapacity])).toEqual([['c5.4xlarge', '4'], ['c5.4xlarge', '4'], ['c5.4xlarge', '4']]);
    expect(g.DesiredCapacity).toBe(10);
    const [ai] = (await as.describeAutoScalingInstances({ InstanceIds: [instances[0]?.InstanceId as string] })).AutoScalingInstances ?? [];
    expect(ai?.WeightedCapacity).toBe('4');
  });

  test('EC2 shows spot instances with InstanceLifecycle spot and the type chosen; lowest-price picks the cheapest pools', async () => {
    await group({ MixedInstancesPolicy: policy({ OnDemandPercentageAboveBaseCapacity: 0, SpotInstancePools: 1 }), DesiredCapacity: 2, AvailabilityZones: ['us-east-1a'] });
    const ids = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string);
    const out = await ec2.describeInstances({ InstanceIds: ids });
    const instances = (out.Reservations ?? []).flatMap((r) => r.Instances ?? []);
    // the price table: c5.large is the cheapest of the three
    expect(instances.map((i) => [i.InstanceLifecycle, i.InstanceType])).toEqual([['spot', 'c5.large'], ['spot', 'c5.large']]);
    expect(instances[0]?.SpotInstanceRequestId).toMatch(/^sir-[0-9a-f]{8}$/);
  });

  test('UpdateAutoScalingGroup moves a group onto a policy and changes the distribution it keeps', async () => {
    await group({ LaunchTemplate: { LaunchTemplateName: 'web' }, DesiredCapacity: 0 });
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MixedInstancesPolicy: policy({ OnDemandBaseCapacity: 1 }) });
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MixedInstancesPolicy: { InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 50 } } });
    const g = await describeGroup();
    expect(g.LaunchTemplate).toBeUndefined();
    expect(g.MixedInstancesPolicy?.InstancesDistribution).toMatchObject({ OnDemandBaseCapacity: 1, OnDemandPercentageAboveBaseCapacity: 50 });
    expect(g.MixedInstancesPolicy?.LaunchTemplate?.Overrides).toHaveLength(3);
  });

  test.each([
    [policy({ OnDemandPercentageAboveBaseCapacity: 101 }), 'OnDemandPercentageAboveBaseCapacity must be between 0 and 100, got 101.'],
    [policy({ OnDemandBaseCapacity: -1 }), 'OnDemandBaseCapacity must be greater than or equal to 0, got -1.'],
    [policy({ SpotAllocationStrategy: 'cheapest' }), 'Invalid SpotAllocationStrategy cheapest. Valid values are: lowest-price, capacity-optimized, capacity-optimized-prioritized, price-capacity-optimized.'],
    [policy({ OnDemandAllocationStrategy: 'random' }), 'Invalid OnDemandAllocationStrategy random. Valid values are: prioritized, lowest-price.'],
    [policy({ SpotInstancePools: 21 }), 'SpotInstancePools must be between 1 and 20, got 21.'],
    [policy({ SpotAllocationStrategy: 'capacity-optimized', SpotInstancePools: 2 }), 'SpotInstancePools is valid only with the lowest-price SpotAllocationStrategy, not capacity-optimized.'],
    [policy({ SpotMaxPrice: 'cheap' }), 'SpotMaxPrice cheap is invalid: give a price per hour greater than 0, or an empty string for the On-Demand price.'],
    [policy({}, [{ InstanceType: 'm5.large', WeightedCapacity: '2' }, { InstanceType: 'c5.large' }]), 'If you specify WeightedCapacity for one instance type in Overrides, you must specify it for all of them.'],
    [policy({}, [{ InstanceType: 'm5.large', WeightedCapacity: '1000' }]), 'WeightedCapacity 1000 for instance type m5.large is invalid: it must be a whole number from 1 to 999.'],
    [policy({}, [{ InstanceType: 'm5.large' }, { InstanceType: 'm5.large' }]), 'Duplicate instance type m5.large in Overrides: each instance type can be listed once.'],
    [policy({}, Array.from({ length: 41 }, (_, i) => ({ InstanceType: `t${i}.large` }))), 'The number of Overrides, 41, exceeds the limit of 40 instance types.'],
    [{ InstancesDistribution: { OnDemandBaseCapacity: 1 } }, 'MixedInstancesPolicy must contain a LaunchTemplate with a LaunchTemplateSpecification.'],
  ] as Array<[MixedInstancesPolicy, string]>)('refused: %j', async (p, message) => {
    const e = await failure(group({ MixedInstancesPolicy: p }));
    expect(e).toMatchObject({ name: 'ValidationError', status: 400, message });
  });

  test('a policy and a launch template together are refused as AWS words it', async () => {
    const e = await failure(group({ MixedInstancesPolicy: policy(), LaunchTemplate: { LaunchTemplateName: 'web' } }));
    expect(e.message).toBe('Valid requests must contain either LaunchTemplate, LaunchConfigurationName, InstanceId or MixedInstancesPolicy parameter.');
  });

  test('a policy naming a template that does not exist is refused with EC2 reason', async () => {
    const e = await failure(group({ MixedInstancesPolicy: { LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'nope' } } } }));
    expect(e.message).toMatch(/^You must use a valid fully-formed launch template\. /);
  });
});
