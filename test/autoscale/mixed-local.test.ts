/**
 * A group on a mixed instances policy, end to end through botoscale's client against
 * botoscale local: created, read back (policy, capacity rebalancing, each instance's type
 * and weight), the on-demand/spot split seen through EC2's `instanceLifecycle`, a changed
 * percentage applied by update(), and AWS's own refusal of what the client lets through.
 */
import { AutoScaleConnection, AutoScalingGroup, LaunchTemplate } from '../../src/autoscale';
import { BotoServerError } from '../../src/core';
import { EC2Connection } from '../../src/ec2';
import { startLocal, type LocalEndpoint } from '../../src/local';

let local: LocalEndpoint;
let conn: AutoScaleConnection;
let ec2: EC2Connection;

beforeAll(async () => {
  local = await startLocal({ port: 0, realTime: false, launchConfigurations: false });
  const options = { endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } };
  conn = new AutoScaleConnection(options);
  ec2 = new EC2Connection(options);
  await ec2.createLaunchTemplate(new LaunchTemplate({ name: 'web', imageId: 'ami-0abcdef1234567890', instanceType: 'm5.large' }));
});

afterAll(async () => {
  conn.close();
  ec2.close();
  await local.close();
});

async function group(name: string): Promise<AutoScalingGroup> {
  const [g] = await conn.getAllGroups({ names: [name] });
  if (g === undefined) throw new Error(`no group ${name}`);
  return g;
}

/** on-demand and spot counts of the group's instances, as EC2 describes them. */
async function split(name: string): Promise<{ onDemand: number; spot: number }> {
  const ids = ((await group(name)).instances ?? []).map((i) => i.instanceId as string);
  const instances = ids.length === 0 ? [] : await ec2.getOnlyInstances(ids);
  const spot = instances.filter((i) => i.instanceLifecycle === 'spot').length;
  return { onDemand: instances.length - spot, spot };
}

test('create, read back, split, update the percentage in place', async () => {
  const ag = new AutoScalingGroup({
    name: 'mixed', availabilityZones: ['us-east-1a', 'us-east-1b'], minSize: 0, maxSize: 20, desiredCapacity: 6, capacityRebalance: true,
    mixedInstancesPolicy: {
      launchTemplate: 'web',
      overrides: ['m5.large', 'c5.large', 'm4.large'],
      onDemandBaseCapacity: 2,
      onDemandPercentageAboveBaseCapacity: 25,
      spotAllocationStrategy: 'capacity-optimized',
    },
  });
  await conn.createAutoScalingGroup(ag);

  const g = await group('mixed');
  expect(g.mixedInstancesPolicy).toEqual({
    launchTemplate: { id: expect.stringMatching(/^lt-/), name: 'web', version: '$Default' },
    overrides: [{ instanceType: 'm5.large' }, { instanceType: 'c5.large' }, { instanceType: 'm4.large' }],
    onDemandAllocationStrategy: 'prioritized',
    onDemandBaseCapacity: 2,
    onDemandPercentageAboveBaseCapacity: 25,
    spotAllocationStrategy: 'capacity-optimized',
  });
  expect(g.capacityRebalance).toBe(true);
  expect(String(g)).toBe('AutoScaleGroup<mixed, Mixed:LaunchTemplate:web($Default) on-demand 2+25% spot 75% [m5.large c5.large m4.large]>');
  expect(g.instances).toHaveLength(6);
  for (const i of g.instances ?? []) {
    expect(['m5.large', 'c5.large', 'm4.large']).toContain(i.instanceType);
    expect(i.launchTemplate?.name).toBe('web');
  }
  // base 2, then 25% of the 4 above it on-demand: 2 + 1 = 3 on-demand, 3 spot
  expect(await split('mixed')).toEqual({ onDemand: 3, spot: 3 });

  // update() sends the changed percentage; the group keeps its instances and its capacity
  const before = new Set((g.instances ?? []).map((i) => i.instanceId));
  if (g.mixedInstancesPolicy === undefined) throw new Error('no policy');
  g.mixedInstancesPolicy.onDemandPercentageAboveBaseCapacity = 50;
  await g.update();
  const after = await group('mixed');
  expect(after.mixedInstancesPolicy?.onDemandPercentageAboveBaseCapacity).toBe(50);
  expect(after.desiredCapacity).toBe(6);
  expect(new Set((after.instances ?? []).map((i) => i.instanceId))).toEqual(before);
});

test('weighted types: the instances carry their weight', async () => {
  await conn.createAutoScalingGroup(new AutoScalingGroup({
    name: 'weighted', availabilityZones: ['us-east-1a'], minSize: 0, maxSize: 20, desiredCapacity: 4,
    mixedInstancesPolicy: { launchTemplate: { name: 'web' }, overrides: [{ instanceType: 'c5.xlarge', weightedCapacity: 2 }, { instanceType: 'c5.large', weightedCapacity: 1 }] },
  }));
  const g = await group('weighted');
  expect(g.instances?.map((i) => [i.instanceType, i.weightedCapacity])).toEqual([['c5.xlarge', 2], ['c5.xlarge', 2]]);
  expect(String(g)).toBe('AutoScaleGroup<weighted, Mixed:LaunchTemplate:web($Default) on-demand 0+100% spot 0% [c5.xlarge*2 c5.large*1]>');
});

test('a template that does not exist is refused by Auto Scaling', async () => {
  const err = await conn.createAutoScalingGroup(new AutoScalingGroup({
    name: 'nope', availabilityZones: ['us-east-1a'], minSize: 0, maxSize: 1, mixedInstancesPolicy: { launchTemplate: 'missing' },
  })).catch((e: unknown) => e);
  expect(err).toBeInstanceOf(BotoServerError);
  expect(err).toMatchObject({ status: 400, errorCode: 'ValidationError' });
});
