/**
 * Groups on a mixed instances policy at the wire, against a test handler: what create and
 * update() send, what describes read back into the group and its instances, the repr, the
 * switch between launch sources, and every run-time check with its exact error, refused
 * before anything is sent.
 */
import { inspect } from 'node:util';
import { AutoScalingGroup, LaunchTemplate, type MixedInstancesPolicyInput } from '../../src/autoscale';
import { BotoClientError } from '../../src/core';
import { asOnWire, groupsResult, groupXml, reply, sent } from '../helpers/autoscale';

const LT_ID = 'lt-0a20c965061f64abc';
const BASE = { name: 'my_group', availabilityZones: ['us-east-1a'], minSize: 1, maxSize: 10 };
const POLICY: MixedInstancesPolicyInput = {
  launchTemplate: 'web',
  overrides: [{ instanceType: 'm5.large' }, 'c5.large', { instanceType: 'm4.large' }],
  onDemandBaseCapacity: 2,
  onDemandPercentageAboveBaseCapacity: 25,
  spotAllocationStrategy: 'lowest-price',
  onDemandAllocationStrategy: 'prioritized',
  spotMaxPrice: 0.05,
  spotInstancePools: 3,
};

const MIXED_XML = `<MixedInstancesPolicy>
  <LaunchTemplate>
    <LaunchTemplateSpecification><LaunchTemplateId>${LT_ID}</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>$Default</Version></LaunchTemplateSpecification>
    <Overrides>
      <member><InstanceType>c5.large</InstanceType><WeightedCapacity>2</WeightedCapacity></member>
      <member><InstanceType>m5.large</InstanceType><WeightedCapacity>1</WeightedCapacity></member>
    </Overrides>
  </LaunchTemplate>
  <InstancesDistribution>
    <OnDemandAllocationStrategy>prioritized</OnDemandAllocationStrategy>
    <OnDemandBaseCapacity>2</OnDemandBaseCapacity>
    <OnDemandPercentageAboveBaseCapacity>25</OnDemandPercentageAboveBaseCapacity>
    <SpotAllocationStrategy>capacity-optimized</SpotAllocationStrategy>
  </InstancesDistribution>
</MixedInstancesPolicy><CapacityRebalance>true</CapacityRebalance>`;

/** A described group on a mixed instances policy, its instance with a type and a weight. */
function mixedGroupXml(): string {
  return groupXml({ instances: [{ id: 'i-0598c7d356eba48d7', state: 'InService' }] })
    .replace(/<LaunchConfigurationName>my-launch_config<\/LaunchConfigurationName>\s*<Instances>/, `${MIXED_XML}<Instances>`)
    .replace('<InstanceType>t2.micro</InstanceType>', `<InstanceType>c5.large</InstanceType><WeightedCapacity>2</WeightedCapacity><LaunchTemplate><LaunchTemplateId>${LT_ID}</LaunchTemplateId><LaunchTemplateName>web</LaunchTemplateName><Version>1</Version></LaunchTemplate>`)
    .replace('<LaunchConfigurationName>my-launch_config</LaunchConfigurationName>', '');
}

describe('groups on a mixed instances policy', () => {
  test('createAutoScalingGroup sends the whole policy and capacityRebalance', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'CreateAutoScalingGroup');
    await conn.createAutoScalingGroup(new AutoScalingGroup({ ...BASE, mixedInstancesPolicy: POLICY, capacityRebalance: true }));
    const p = 'MixedInstancesPolicy.';
    expect(wire.last.params).toEqual(sent('CreateAutoScalingGroup', {
      AutoScalingGroupName: 'my_group', 'AvailabilityZones.member.1': 'us-east-1a', MinSize: '1', MaxSize: '10', CapacityRebalance: 'true',
      [`${p}LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateName`]: 'web',
      [`${p}LaunchTemplate.LaunchTemplateSpecification.Version`]: '$Default',
      [`${p}LaunchTemplate.Overrides.member.1.InstanceType`]: 'm5.large',
      [`${p}LaunchTemplate.Overrides.member.2.InstanceType`]: 'c5.large',
      [`${p}LaunchTemplate.Overrides.member.3.InstanceType`]: 'm4.large',
      [`${p}InstancesDistribution.OnDemandBaseCapacity`]: '2',
      [`${p}InstancesDistribution.OnDemandPercentageAboveBaseCapacity`]: '25',
      [`${p}InstancesDistribution.SpotAllocationStrategy`]: 'lowest-price',
      [`${p}InstancesDistribution.OnDemandAllocationStrategy`]: 'prioritized',
      [`${p}InstancesDistribution.SpotMaxPrice`]: '0.05',
      [`${p}InstancesDistribution.SpotInstancePools`]: '3',
    }));
  });

  test('weights go as text, a LaunchTemplate by its id; unset distribution members are left out', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'CreateAutoScalingGroup');
    const launchTemplate = new LaunchTemplate({ name: 'web', id: LT_ID });
    await conn.createAutoScalingGroup(new AutoScalingGroup({ ...BASE, mixedInstancesPolicy: { launchTemplate, overrides: [{ instanceType: 'c5.xlarge', weightedCapacity: 2 }, { instanceType: 'm5.large', weightedCapacity: '1' }] } }));
    const p = 'MixedInstancesPolicy.LaunchTemplate.';
    expect(Object.fromEntries(Object.entries(wire.lastParams).filter(([k]) => k.startsWith('MixedInstancesPolicy')))).toEqual({
      [`${p}LaunchTemplateSpecification.LaunchTemplateId`]: LT_ID,
      [`${p}LaunchTemplateSpecification.Version`]: '$Default',
      [`${p}Overrides.member.1.InstanceType`]: 'c5.xlarge',
      [`${p}Overrides.member.1.WeightedCapacity`]: '2',
      [`${p}Overrides.member.2.InstanceType`]: 'm5.large',
      [`${p}Overrides.member.2.WeightedCapacity`]: '1',
    });
    expect(wire.lastParams.CapacityRebalance).toBeUndefined();
  });

  test('describes read the policy, capacityRebalance and the instances\' types and weights; the repr shows the split', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([mixedGroupXml()]));
    const [ag] = await conn.getAllGroups();
    expect(ag?.mixedInstancesPolicy).toEqual({
      launchTemplate: { id: LT_ID, name: 'web', version: '$Default' },
      overrides: [{ instanceType: 'c5.large', weightedCapacity: 2 }, { instanceType: 'm5.large', weightedCapacity: 1 }],
      onDemandAllocationStrategy: 'prioritized',
      onDemandBaseCapacity: 2,
      onDemandPercentageAboveBaseCapacity: 25,
      spotAllocationStrategy: 'capacity-optimized',
    });
    expect(ag?.capacityRebalance).toBe(true);
    expect([ag?.launchTemplate, ag?.launchConfigName]).toEqual([undefined, undefined]);
    const [i] = ag?.instances ?? [];
    expect([i?.instanceType, i?.weightedCapacity, i?.launchTemplate]).toEqual(['c5.large', 2, { id: LT_ID, name: 'web', version: 1 }]);
    expect(inspect(ag)).toBe('AutoScaleGroup<my_group, Mixed:LaunchTemplate:web($Default) on-demand 2+25% spot 75% [c5.large*2 m5.large*1]>');
  });

  test('update() sends a changed percentage with the rest of the policy; switching to a template clears the policy', async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'DescribeAutoScalingGroups', groupsResult([mixedGroupXml()]));
    const [ag] = await conn.getAllGroups();
    if (ag?.mixedInstancesPolicy === undefined) throw new Error('no policy');
    ag.mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity = 50;
    ag.capacityRebalance = false;
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams).toMatchObject({
      AutoScalingGroupName: 'my_group',
      CapacityRebalance: 'false',
      'MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.LaunchTemplateId': LT_ID,
      'MixedInstancesPolicy.LaunchTemplate.Overrides.member.1.WeightedCapacity': '2',
      'MixedInstancesPolicy.InstancesDistribution.OnDemandPercentageAboveBaseCapacity': '50',
      'MixedInstancesPolicy.InstancesDistribution.SpotAllocationStrategy': 'capacity-optimized',
    });
    expect(wire.lastParams.LaunchConfigurationName).toBeUndefined();

    ag.launchTemplate = { name: 'web', version: 2 };
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams).toMatchObject({ 'LaunchTemplate.LaunchTemplateName': 'web', 'LaunchTemplate.Version': '2' });
    expect(Object.keys(wire.lastParams).filter((k) => k.startsWith('MixedInstancesPolicy'))).toEqual([]);
    expect(ag.mixedInstancesPolicy).toBeUndefined();
    expect(String(ag)).toBe('AutoScaleGroup<my_group, LaunchTemplate:web(v2)>');

    ag.mixedInstancesPolicy = { launchTemplate: { name: 'web', version: '$Latest' }, overrides: [{ instanceType: 'm5.large' }] };
    reply(wire, 'UpdateAutoScalingGroup');
    await ag.update();
    expect(wire.lastParams['MixedInstancesPolicy.LaunchTemplate.LaunchTemplateSpecification.Version']).toBe('$Latest');
    expect(wire.lastParams['LaunchTemplate.LaunchTemplateName']).toBeUndefined();
    expect(ag.launchTemplate).toBeUndefined();
    expect(wire.pending).toBe(0);
  });

  test.each([
    ['a policy and a template on a new group', { mixedInstancesPolicy: POLICY, launchTemplate: 'web' }, 'give one of launchConfig, launchTemplate or mixedInstancesPolicy, not launchTemplate and mixedInstancesPolicy: a group launches from one of them'],
    ['a policy and a configuration on a new group', { mixedInstancesPolicy: POLICY, launchConfig: 'lc' }, 'give one of launchConfig, launchTemplate or mixedInstancesPolicy, not launchConfig and mixedInstancesPolicy: a group launches from one of them'],
    ['all three', { mixedInstancesPolicy: POLICY, launchConfig: 'lc', launchTemplate: 'web' }, 'give one of launchConfig, launchTemplate or mixedInstancesPolicy, not launchConfig and launchTemplate and mixedInstancesPolicy: a group launches from one of them'],
  ])('a create with %s is refused before sending', async (_label, change, message) => {
    const { wire, conn } = asOnWire();
    await expect(conn.createAutoScalingGroup(new AutoScalingGroup({ ...BASE, ...change }))).rejects.toThrow(new BotoClientError(message));
    expect(wire.requests).toHaveLength(0);
  });

  const P = 'mixedInstancesPolicy';
  test.each([
    ['not an object', 'web', `${P} must be an object { launchTemplate, overrides, ... }, got "web"`],
    ['an unknown key', { ...POLICY, spotPrice: '1' }, `${P} has an unknown key spotPrice: allowed are launchTemplate, overrides, onDemandBaseCapacity, onDemandPercentageAboveBaseCapacity, spotAllocationStrategy, onDemandAllocationStrategy, spotMaxPrice, spotInstancePools`],
    ['no launch template', { overrides: ['m5.large'] }, `${P}.launchTemplate is required: a mixed instances policy launches from a launch template`],
    ['a bad template name', { launchTemplate: 'a b' }, `${P}.launchTemplate must be 3 to 128 characters of a-z A-Z 0-9 ( ) . - / _, got "a b"`],
    ['overrides not a list', { launchTemplate: 'web', overrides: 'm5.large' }, `${P}.overrides must be a list of instance types, got "m5.large"`],
    ['an override without a type', { launchTemplate: 'web', overrides: [{ weightedCapacity: 1 }] }, `${P}.overrides[0].instanceType is required (such as 'm5.large')`],
    ['an override with an unknown key', { launchTemplate: 'web', overrides: [{ instanceType: 'm5.large', weight: 1 }] }, `${P}.overrides[0] has an unknown key weight: give instanceType and weightedCapacity`],
    ['an override that is a number', { launchTemplate: 'web', overrides: [5] }, `${P}.overrides[0] must be an instance type or { instanceType, weightedCapacity }, got 5`],
    ['an empty instance type', { launchTemplate: 'web', overrides: [''] }, `${P}.overrides[0].instanceType must be 1 to 255 characters long, got 0`],
    ['a type over 255 characters', { launchTemplate: 'web', overrides: ['m'.repeat(256)] }, `${P}.overrides[0].instanceType must be 1 to 255 characters long, got 256`],
    ['41 instance types', { launchTemplate: 'web', overrides: Array.from({ length: 41 }, (_, i) => `t${i}.large`) }, `${P}.overrides may list at most 40 items, got 41`],
    ['a duplicate type', { launchTemplate: 'web', overrides: ['m5.large', 'c5.large', 'm5.large'] }, `${P}.overrides lists m5.large twice: each instance type may be listed once`],
    ['a weight of 0', { launchTemplate: 'web', overrides: [{ instanceType: 'm5.large', weightedCapacity: 0 }] }, `${P}.overrides[0].weightedCapacity must be an integer from 1 to 999, got 0`],
    ['a weight of 1000', { launchTemplate: 'web', overrides: [{ instanceType: 'm5.large', weightedCapacity: '1000' }] }, `${P}.overrides[0].weightedCapacity must be an integer from 1 to 999, got 1000`],
    ['a fractional weight', { launchTemplate: 'web', overrides: [{ instanceType: 'm5.large', weightedCapacity: '1.5' }] }, `${P}.overrides[0].weightedCapacity must be an integer from 1 to 999, got "1.5"`],
    ['weights on some types only', { launchTemplate: 'web', overrides: [{ instanceType: 'm5.large', weightedCapacity: 1 }, 'c5.large'] }, `${P}.overrides: give weightedCapacity for every instance type or for none (1 of 2 have one)`],
    ['a negative base', { launchTemplate: 'web', onDemandBaseCapacity: -1 }, `${P}.onDemandBaseCapacity must be a non-negative integer, got -1`],
    ['a fractional base', { launchTemplate: 'web', onDemandBaseCapacity: 1.5 }, `${P}.onDemandBaseCapacity must be a non-negative integer, got 1.5`],
    ['a percentage over 100', { launchTemplate: 'web', onDemandPercentageAboveBaseCapacity: 101 }, `${P}.onDemandPercentageAboveBaseCapacity must be an integer from 0 to 100, got 101`],
    ['a negative percentage', { launchTemplate: 'web', onDemandPercentageAboveBaseCapacity: -5 }, `${P}.onDemandPercentageAboveBaseCapacity must be an integer from 0 to 100, got -5`],
    ['an unknown spot strategy', { launchTemplate: 'web', spotAllocationStrategy: 'cheapest' }, `${P}.spotAllocationStrategy must be one of lowest-price, capacity-optimized, capacity-optimized-prioritized, price-capacity-optimized; got "cheapest"`],
    ['an unknown on-demand strategy', { launchTemplate: 'web', onDemandAllocationStrategy: 'capacity-optimized' }, `${P}.onDemandAllocationStrategy must be one of prioritized, lowest-price; got "capacity-optimized"`],
    ['21 spot pools', { launchTemplate: 'web', spotInstancePools: 21 }, `${P}.spotInstancePools must be an integer from 1 to 20, got 21`],
    ['0 spot pools', { launchTemplate: 'web', spotInstancePools: 0 }, `${P}.spotInstancePools must be an integer from 1 to 20, got 0`],
    ['pools with capacity-optimized', { launchTemplate: 'web', spotAllocationStrategy: 'capacity-optimized', spotInstancePools: 2 }, `${P}.spotInstancePools is valid only with spotAllocationStrategy 'lowest-price', not 'capacity-optimized': leave it out`],
    ['a max price under 0.001', { launchTemplate: 'web', spotMaxPrice: '0.0001' }, `${P}.spotMaxPrice must be a price per hour of at least 0.001, or '' to remove the maximum, got "0.0001"`],
    ['a max price that is not a number', { launchTemplate: 'web', spotMaxPrice: '$1' }, `${P}.spotMaxPrice must be a price per hour of at least 0.001, or '' to remove the maximum, got "$1"`],
    ['a max price that is an object', { launchTemplate: 'web', spotMaxPrice: {} }, `${P}.spotMaxPrice must be a string or a number, got an object`],
    ['a max price over 255 characters', { launchTemplate: 'web', spotMaxPrice: '1'.repeat(256) }, `${P}.spotMaxPrice must be 0 to 255 characters long, got 256`],
  ])('a policy with %s is refused when the group is built', (_label, mixedInstancesPolicy, message) => {
    expect(() => new AutoScalingGroup({ ...BASE, mixedInstancesPolicy: mixedInstancesPolicy as never })).toThrow(new BotoClientError(message));
  });

  test('a policy assigned later is checked before update() sends anything', async () => {
    const { wire, conn } = asOnWire();
    const ag = new AutoScalingGroup({ ...BASE, mixedInstancesPolicy: POLICY, connection: conn });
    if (ag.mixedInstancesPolicy === undefined) throw new Error('no policy');
    ag.mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity = 150;
    await expect(ag.update()).rejects.toThrow(new BotoClientError('mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity must be an integer from 0 to 100, got 150'));
    ag.mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity = 10;
    ag.capacityRebalance = 'yes' as never;
    await expect(ag.update()).rejects.toThrow(new BotoClientError('capacityRebalance must be true or false, got "yes"'));
    expect(wire.requests).toHaveLength(0);
  });

  test('capacityRebalance must be a boolean', () => {
    expect(() => new AutoScalingGroup({ ...BASE, launchTemplate: 'web', capacityRebalance: 1 as never })).toThrow(new BotoClientError('capacityRebalance must be true or false, got 1'));
  });

  test("a max price of '' is sent as given, to remove one set before", async () => {
    const { wire, conn } = asOnWire();
    reply(wire, 'UpdateAutoScalingGroup');
    await conn.updateAutoScalingGroup(new AutoScalingGroup({ name: 'my_group', mixedInstancesPolicy: { launchTemplate: 'web', spotMaxPrice: '' } }));
    expect(wire.lastParams['MixedInstancesPolicy.InstancesDistribution.SpotMaxPrice']).toBe('');
  });
});
