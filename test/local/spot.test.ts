/**
 * The spot market of botoscale local through its JSON control API and in code:
 * interruptions (with and without Capacity Rebalancing), pool capacity (a diversified
 * group keeps its capacity, a single-type group cannot), the demand load model, and the
 * bounds on every control input.
 */
import { AutoScaling, type Activity, type AutoScalingGroup, type Instance as AsInstance } from '@aws-sdk/client-auto-scaling';
import { EC2 } from '@aws-sdk/client-ec2';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, raw, startTest } from './helpers';

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

async function spotGroup(types: string[], extra: { CapacityRebalance?: boolean; DesiredCapacity?: number; AvailabilityZones?: string[] } = {}): Promise<void> {
  await as.createAutoScalingGroup({
    AutoScalingGroupName: 'web',
    MinSize: 0,
    MaxSize: 10,
    DesiredCapacity: extra.DesiredCapacity ?? 3,
    AvailabilityZones: extra.AvailabilityZones ?? ['us-east-1a'],
    CapacityRebalance: extra.CapacityRebalance ?? false,
    MixedInstancesPolicy: {
      LaunchTemplate: { LaunchTemplateSpecification: { LaunchTemplateName: 'web' }, Overrides: types.map((t) => ({ InstanceType: t })) },
      InstancesDistribution: { OnDemandPercentageAboveBaseCapacity: 0, SpotAllocationStrategy: 'capacity-optimized' },
    },
  });
  local.clock.advance('30s');
}

async function describeGroup(): Promise<AutoScalingGroup> {
  return (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['web'] })).AutoScalingGroups?.[0] as AutoScalingGroup;
}

async function inService(): Promise<AsInstance[]> {
  return ((await describeGroup()).Instances ?? []).filter((i) => i.LifecycleState === 'InService');
}

async function activities(): Promise<Activity[]> {
  return (await as.describeScalingActivities({ AutoScalingGroupName: 'web' })).Activities ?? [];
}

function control(path: string, body: unknown): Promise<{ status: number; json: Record<string, unknown> }> {
  return raw(local.endpoint, { path, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then((r) => ({ status: r.status, json: JSON.parse(r.text) as Record<string, unknown> }));
}

describe('spot interruptions', () => {
  test('without Capacity Rebalancing: EC2 interrupts after the notice, the health check replaces the instance', async () => {
    await spotGroup(['m5.large', 'c5.large']);
    const before = (await inService()).map((i) => i.InstanceId as string);
    const r = await control('/_botoscale/spot/interrupt', { group: 'web', count: 1 });
    expect(r.status).toBe(200);
    expect(r.json).toEqual({ group: 'web', count: 1, instances: [before[0]] });
    local.clock.advance('2m');
    // the notice runs: nothing is replaced yet
    expect((await inService()).map((i) => i.InstanceId)).toEqual(before);
    local.clock.advance('1m');
    const gone = (await ec2.describeInstances({ InstanceIds: [before[0] as string] })).Reservations?.[0]?.Instances?.[0];
    expect(gone?.StateReason).toEqual({ Code: 'Server.SpotInstanceTermination', Message: 'Server.SpotInstanceTermination: Spot instance termination' });
    local.clock.advance('1m');
    const now = await inService();
    expect(now).toHaveLength(3);
    expect(now.map((i) => i.InstanceId)).not.toContain(before[0]);
    const acts = await activities();
    const termination = acts.find((a) => a.Description === `Terminating EC2 instance: ${before[0]}`);
    expect(termination?.Cause).toMatch(/an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped\.$/);
  });

  test('with Capacity Rebalancing: a replacement is launched and in service before the at-risk instance goes', async () => {
    await spotGroup(['m5.large', 'c5.large'], { CapacityRebalance: true });
    const before = (await inService()).map((i) => i.InstanceId as string);
    local.spot.interrupt('web', 1);
    local.clock.advance('10s');
    // the replacement is pending; the at-risk instance still serves, and nothing else is terminated
    let g = await describeGroup();
    expect(g.Instances?.filter((i) => i.LifecycleState === 'InService')).toHaveLength(3);
    expect(g.Instances?.filter((i) => i.LifecycleState === 'Pending')).toHaveLength(1);
    local.clock.advance('30s');
    g = await describeGroup();
    const atRisk = g.Instances?.find((i) => i.InstanceId === before[0]);
    expect(atRisk?.LifecycleState ?? 'gone').not.toBe('InService');
    expect(g.Instances?.filter((i) => i.LifecycleState === 'InService')).toHaveLength(3);
    const acts = await activities();
    const launch = acts.find((a) => a.Cause?.endsWith('an instance was launched in response to an EC2 instance rebalance recommendation.'));
    expect(launch?.Description).toMatch(/^Launching a new EC2 instance: i-/);
    const termination = acts.find((a) => a.Description === `Terminating EC2 instance: ${before[0]}`);
    expect(termination?.Cause).toMatch(new RegExp(`an instance was taken out of service in response to an EC2 instance rebalance recommendation\\.  At \\S+ instance ${before[0]} was selected for termination\\.$`));
    // capacity never dropped below 3 InService and the group stays at 3
    local.clock.advance('5m');
    expect(await inService()).toHaveLength(3);
  });

  test('interrupting more spot instances than the group has is refused and changes nothing', async () => {
    await spotGroup(['m5.large']);
    const r = await control('/_botoscale/spot/interrupt', { group: 'web', count: 4 });
    expect(r).toEqual({ status: 400, json: { error: { code: 'InvalidRequest', message: 'spot.interrupt: group web has 3 InService spot instance(s) not already interrupted; asked for 4' } } });
    local.clock.advance('10m');
    expect(await inService()).toHaveLength(3);
  });
});

describe('spot pool capacity', () => {
  test('a diversified group keeps its capacity on other types when a pool runs dry', async () => {
    const r = await control('/_botoscale/spot/capacity', { zone: 'us-east-1a', instanceType: 'm5.large', available: 0 });
    expect(r).toEqual({ status: 200, json: { zone: 'us-east-1a', instanceType: 'm5.large', available: 0 } });
    await spotGroup(['m5.large', 'c5.large', 'm4.large'], { DesiredCapacity: 4 });
    const instances = await inService();
    expect(instances).toHaveLength(4);
    expect(instances.some((i) => i.InstanceType === 'm5.large')).toBe(false);
  });

  test('a single-type group cannot: its activities show the failed launches in AWS words', async () => {
    local.spot.setCapacity('us-east-1a', 'm5.large', 1);
    await spotGroup(['m5.large'], { DesiredCapacity: 3 });
    expect(await inService()).toHaveLength(1);
    const failed = (await activities()).filter((a) => a.StatusCode === 'Failed');
    expect(failed[0]?.StatusMessage).toBe('There is no Spot capacity available that matches your request. Launching EC2 instance failed.');
    expect(failed[0]?.Description).toBe('Launching a new EC2 instance.  Status Reason: There is no Spot capacity available that matches your request. Launching EC2 instance failed.');
    // lifting the limit lets the group catch up
    expect(await control('/_botoscale/spot/capacity', { zone: 'us-east-1a', instanceType: 'm5.large' })).toEqual({ status: 200, json: { zone: 'us-east-1a', instanceType: 'm5.large', available: null } });
    local.clock.advance('6m');
    expect(await inService()).toHaveLength(3);
  });
});

describe('the demand load model', () => {
  test('demand is shared by the InService instances, capped at 100 each', async () => {
    await spotGroup(['m5.large'], { DesiredCapacity: 2 });
    const r = await control('/_botoscale/load', { group: 'web', demand: 170 });
    expect(r).toEqual({ status: 200, json: { group: 'web', demand: 170 } });
    const ids = (await inService()).map((i) => i.InstanceId as string);
    expect(ids.map((id) => local.cloud.ec2.getInstance(id)?.cpu)).toEqual([85, 85]);
    local.setDemand('web', 500);
    expect(ids.map((id) => local.cloud.ec2.getInstance(id)?.cpu)).toEqual([100, 100]);
    await as.setDesiredCapacity({ AutoScalingGroupName: 'web', DesiredCapacity: 4 });
    local.clock.advance('1m');
    expect((await inService()).map((i) => local.cloud.ec2.getInstance(i.InstanceId as string)?.cpu)).toEqual([100, 100, 100, 100]);
    local.setDemand('web', 100);
    local.clock.advance('10s');
    expect((await inService()).map((i) => local.cloud.ec2.getInstance(i.InstanceId as string)?.cpu)).toEqual([25, 25, 25, 25]);
  });

  test.each([
    [{ group: 'web', cpu: 50, demand: 100 }, 'give either "cpu" (each instance\'s CPU percent) or "demand" (CPU-percent units shared by the group), not both'],
    [{ group: 'web', demand: -1 }, 'setDemand: give "demand": a number from 0 to 1000000 (CPU-percent units shared by the group\'s InService instances), got -1'],
    [{ group: 'web', demand: 1e7 }, 'setDemand: give "demand": a number from 0 to 1000000 (CPU-percent units shared by the group\'s InService instances), got 10000000'],
    [{ group: 'web', demand: 'lots' }, 'setDemand: give "demand": a number from 0 to 1000000 (CPU-percent units shared by the group\'s InService instances), got "lots"'],
  ])('load %j is a 400', async (body, message) => {
    expect(await control('/_botoscale/load', body)).toEqual({ status: 400, json: { error: { code: 'InvalidRequest', message } } });
  });
});

describe('spot control inputs are bounded', () => {
  test.each([
    ['/_botoscale/spot/interrupt', { group: 'web', count: 0 }, 'spot.interrupt: give "count": a whole number from 1 to 1000, got 0'],
    ['/_botoscale/spot/interrupt', { group: 'web', count: 1.5 }, 'spot.interrupt: give "count": a whole number from 1 to 1000, got 1.5'],
    ['/_botoscale/spot/interrupt', { group: 'web' }, 'spot.interrupt: give "count": a whole number from 1 to 1000, got nothing'],
    ['/_botoscale/spot/interrupt', { group: '', count: 1 }, 'spot.interrupt: give "group": the Auto Scaling group name (1 to 255 characters)'],
    ['/_botoscale/spot/interrupt', { group: 'nope', count: 1 }, 'spot.interrupt: no Auto Scaling group named nope'],
    ['/_botoscale/spot/capacity', { zone: 'mars-1a', instanceType: 'm5.large' }, 'spot.setCapacity: give "zone": one of us-east-1a, us-east-1b, us-east-1c, us-east-1d, us-east-1e'],
    ['/_botoscale/spot/capacity', { zone: 'us-east-1a', instanceType: 'big' }, 'spot.setCapacity: give "instanceType": an instance type such as m5.large'],
    ['/_botoscale/spot/capacity', { zone: 'us-east-1a', instanceType: 'm5.large', available: -1 }, 'spot.setCapacity: give "available": a whole number from 0 to 1000000, got -1'],
    ['/_botoscale/spot/capacity', { zone: 'us-east-1a', instanceType: 'm5.large', available: 2e6 }, 'spot.setCapacity: give "available": a whole number from 0 to 1000000, got 2000000'],
  ])('%s %j is a 400', async (path, body, message) => {
    expect(await control(path, body)).toEqual({ status: 400, json: { error: { code: 'InvalidRequest', message } } });
  });

  test('GET on a spot control is a 405', async () => {
    const r = await raw(local.endpoint, { method: 'GET', path: '/_botoscale/spot/interrupt' });
    expect(r.status).toBe(405);
  });

  test('in code, the same checks throw before anything changes', () => {
    expect(() => local.spot.setCapacity('us-east-1a', 'm5.large', -2)).toThrow('spot.setCapacity: give "available": a whole number from 0 to 1000000, got -2');
    expect(() => local.setDemand('web', Number.NaN)).toThrow(/^setDemand: give "demand"/);
  });
});
