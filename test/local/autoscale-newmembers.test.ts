/**
 * Members the botocore 1.43 Auto Scaling model added and botoscale local acts on, through
 * @aws-sdk/client-auto-scaling against botoscale local: DescribeAutoScalingGroups
 * IncludeInstances, DescribeScalingActivities Filters, groups' DeletionProtection and
 * TerminateInstanceInAutoScalingGroup's InstanceIds. Each test names the AWS API Reference
 * page (or User Guide chapter) whose behaviour it checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;

beforeEach(async () => {
  local = await startTest();
  as = new AutoScaling(clientConfig(local.endpoint));
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
});

afterEach(async () => {
  as.destroy();
  await local.close();
});

const VALIDATION = { name: 'ValidationError', status: 400, code: 'ValidationError' };

async function group(name: string, min: number, max: number, desired: number, extra: { DeletionProtection?: 'none' | 'prevent-force-deletion' | 'prevent-all-deletion' } = {}): Promise<void> {
  await as.createAutoScalingGroup({ AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: min, MaxSize: max, DesiredCapacity: desired, AvailabilityZones: ['us-east-1a'], ...extra });
}

async function describe1(name: string): Promise<AutoScalingGroup | undefined> {
  return (await as.describeAutoScalingGroups({ AutoScalingGroupNames: [name] })).AutoScalingGroups?.[0];
}

describe('DescribeAutoScalingGroups IncludeInstances (API Reference: DescribeAutoScalingGroups)', () => {
  test('instances are included by default and with true, left out with false', async () => {
    await group('g', 2, 2, 2);
    local.clock.advance('2m');
    const byDefault = await describe1('g');
    expect(byDefault?.Instances).toHaveLength(2);
    const withTrue = (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'], IncludeInstances: true })).AutoScalingGroups?.[0];
    expect(withTrue?.Instances).toHaveLength(2);
    const without = (await as.describeAutoScalingGroups({ IncludeInstances: false })).AutoScalingGroups?.[0];
    expect(without?.Instances).toBeUndefined();
    expect(without).toMatchObject({ AutoScalingGroupName: 'g', DesiredCapacity: 2, MinSize: 2 });
  });
});

describe('DeletionProtection (API Reference: CreateAutoScalingGroup, UpdateAutoScalingGroup, DeleteAutoScalingGroup; User Guide: "Configure deletion protection for your Amazon EC2 Auto Scaling resources")', () => {
  test('the setting is kept by Create and Update and shown by DescribeAutoScalingGroups', async () => {
    await group('g', 0, 1, 0, { DeletionProtection: 'prevent-force-deletion' });
    expect((await describe1('g'))?.DeletionProtection).toBe('prevent-force-deletion');
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', DeletionProtection: 'prevent-all-deletion' });
    expect((await describe1('g'))?.DeletionProtection).toBe('prevent-all-deletion');
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MaxSize: 2 });
    expect((await describe1('g'))?.DeletionProtection).toBe('prevent-all-deletion');
  });

  test('a value outside none, prevent-force-deletion and prevent-all-deletion is refused by the model', async () => {
    const e = await failure(as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'], DeletionProtection: 'always' as 'none' }));
    expect(e).toMatchObject(VALIDATION);
    expect(e.message).toContain('deletionProtection');
  });

  test('prevent-all-deletion refuses deletion with and without ForceDelete (ValidationError), leaving group and instances', async () => {
    await group('g', 1, 1, 1, { DeletionProtection: 'prevent-all-deletion' });
    local.clock.advance('2m');
    const message = 'AutoScalingGroup g has DeletionProtection prevent-all-deletion and cannot be deleted, with or without ForceDelete. Set its DeletionProtection to a less restrictive level first.';
    expect(await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g', ForceDelete: true }))).toEqual({ ...VALIDATION, message });
    expect(await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g' }))).toEqual({ ...VALIDATION, message });
    const g = await describe1('g');
    expect(g?.Status).toBeUndefined();
    expect(g?.Instances?.map((i) => i.LifecycleState)).toEqual(['InService']);
    // An empty group with prevent-all-deletion is refused too.
    await group('empty', 0, 1, 0, { DeletionProtection: 'prevent-all-deletion' });
    expect((await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'empty' }))).code).toBe('ValidationError');
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'empty', DeletionProtection: 'none' });
    await as.deleteAutoScalingGroup({ AutoScalingGroupName: 'empty' });
    expect(await describe1('empty')).toBeUndefined();
  });

  test('prevent-force-deletion refuses ForceDelete but deletes an empty group without it', async () => {
    await group('g', 1, 1, 1, { DeletionProtection: 'prevent-force-deletion' });
    local.clock.advance('2m');
    expect(await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g', ForceDelete: true }))).toEqual({
      ...VALIDATION,
      message: 'AutoScalingGroup g has DeletionProtection prevent-force-deletion and cannot be deleted with ForceDelete. Delete it without ForceDelete once it has no instances, or set its DeletionProtection to none first.',
    });
    expect((await describe1('g'))?.Instances).toHaveLength(1);
    // Without ForceDelete, a group with instances is refused as any group is.
    expect((await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g' }))).code).toBe('ResourceInUse');
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 0, DesiredCapacity: 0 });
    local.clock.advance('5m');
    expect((await describe1('g'))?.Instances).toEqual([]);
    await as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g' });
    expect(await describe1('g')).toBeUndefined();
  });

  test('the setting survives a restart from the state file and still refuses deletion', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'botoscale-protection-'));
    const reopen = async (state = true): Promise<void> => {
      as.destroy();
      await local.close();
      local = await startTest(state ? { state: join(dir, 'state.json') } : {});
      as = new AutoScaling(clientConfig(local.endpoint));
    };
    try {
      await reopen();
      await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
      await group('g', 0, 1, 0, { DeletionProtection: 'prevent-all-deletion' });
      await reopen();
      expect((await describe1('g'))?.DeletionProtection).toBe('prevent-all-deletion');
      expect((await failure(as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g' }))).code).toBe('ValidationError');
    } finally {
      await reopen(false);
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('none (set explicitly) deletes with ForceDelete as a group without the setting does', async () => {
    await group('g', 1, 1, 1, { DeletionProtection: 'none' });
    local.clock.advance('2m');
    expect((await describe1('g'))?.DeletionProtection).toBe('none');
    await as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g', ForceDelete: true });
    expect((await describe1('g'))?.Status).toBe('Delete in progress');
  });
});

describe('DescribeScalingActivities Filters (API Reference: DescribeScalingActivities, Filter)', () => {
  async function twoLaunches(): Promise<{ first: Date; second: Date }> {
    await group('g', 0, 3, 1);
    local.clock.advance('10m');
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 2 });
    const all = (await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? [];
    expect(all).toHaveLength(2);
    return { second: all[0]?.StartTime as Date, first: all[1]?.StartTime as Date };
  }

  async function startTimes(filters: Array<{ Name: string; Values: string[] }>, groupName: string | undefined = 'g'): Promise<number[]> {
    const out = await as.describeScalingActivities({ AutoScalingGroupName: groupName, Filters: filters });
    return (out.Activities ?? []).map((a) => (a.StartTime as Date).getTime());
  }

  test('StartTimeLowerBound and StartTimeUpperBound bound the start time, inclusive, in ISO 8601 with or without an offset (none: UTC)', async () => {
    const { first, second } = await twoLaunches();
    expect(second.getTime() - first.getTime()).toBeGreaterThanOrEqual(10 * 60_000);
    const between = new Date(first.getTime() + 5 * 60_000).toISOString();
    expect(await startTimes([{ Name: 'StartTimeLowerBound', Values: [between] }])).toEqual([second.getTime()]);
    expect(await startTimes([{ Name: 'StartTimeUpperBound', Values: [between] }])).toEqual([first.getTime()]);
    expect(await startTimes([{ Name: 'StartTimeLowerBound', Values: [first.toISOString()] }, { Name: 'StartTimeUpperBound', Values: [first.toISOString()] }])).toEqual([first.getTime()]);
    // The same instant without an offset (UTC) and with +08:00.
    const noOffset = between.replace(/\.\d+Z$/, '');
    expect(await startTimes([{ Name: 'StartTimeLowerBound', Values: [noOffset] }])).toEqual([second.getTime()]);
    const b = new Date(between);
    const plus8 = `${new Date(b.getTime() + 8 * 3600_000).toISOString().slice(0, 19)}+08:00`;
    expect(await startTimes([{ Name: 'StartTimeUpperBound', Values: [plus8] }])).toEqual([first.getTime()]);
    // Without a group the bounds filter every group's activities.
    expect(await startTimes([{ Name: 'StartTimeLowerBound', Values: [between] }], undefined)).toEqual([second.getTime()]);
  });

  test('Status matches StatusCode values, several values joined with OR, case-sensitive', async () => {
    const { first, second } = await twoLaunches();
    const codes = ((await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? []).map((a) => a.StatusCode);
    expect(codes).toEqual(['PreInService', 'Successful']);
    expect(await startTimes([{ Name: 'Status', Values: ['Successful'] }])).toEqual([first.getTime()]);
    expect(await startTimes([{ Name: 'Status', Values: ['PreInService'] }])).toEqual([second.getTime()]);
    expect(await startTimes([{ Name: 'Status', Values: ['Successful', 'PreInService'] }])).toEqual([second.getTime(), first.getTime()]);
    expect(await startTimes([{ Name: 'Status', Values: ['successful'] }])).toEqual([]);
  });

  test('Status without AutoScalingGroupName, an unknown filter name or an unreadable timestamp is a ValidationError', async () => {
    await twoLaunches();
    expect(await failure(as.describeScalingActivities({ Filters: [{ Name: 'Status', Values: ['Successful'] }] }))).toEqual({
      ...VALIDATION,
      message: 'The Status filter can only be used in combination with the AutoScalingGroupName parameter.',
    });
    expect(await failure(as.describeScalingActivities({ AutoScalingGroupName: 'g', Filters: [{ Name: 'status', Values: ['Successful'] }] }))).toEqual({
      ...VALIDATION,
      message: 'Invalid filter name: status. Valid filters are StartTimeLowerBound, StartTimeUpperBound, Status.',
    });
    expect(await failure(as.describeScalingActivities({ AutoScalingGroupName: 'g', Filters: [{ Name: 'StartTimeLowerBound', Values: ['yesterday'] }] }))).toEqual({
      ...VALIDATION,
      message: "Invalid value 'yesterday' for filter StartTimeLowerBound: expected an ISO 8601 timestamp such as 2000-01-18T08:15:00Z or 2000-01-18T16:15:00+08:00.",
    });
  });
});

describe('TerminateInstanceInAutoScalingGroup InstanceIds (API Reference: TerminateInstanceInAutoScalingGroup)', () => {
  async function inService(name: string, n: number): Promise<string[]> {
    await group(name, 0, 5, n);
    local.clock.advance('2m');
    return ((await describe1(name))?.Instances ?? []).map((i) => i.InstanceId as string).sort();
  }

  test('InstanceIds with AutoScalingGroupName terminates each instance, answering Activities instead of Activity', async () => {
    const [a, b, c] = await inService('g', 3);
    const out = await as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceIds: [a as string, b as string], ShouldDecrementDesiredCapacity: true });
    expect(out.Activity).toBeUndefined();
    expect(out.Activities?.map((x) => x.Description)).toEqual([`Terminating EC2 instance: ${a}`, `Terminating EC2 instance: ${b}`]);
    expect(out.Activities?.[1]?.Cause).toMatch(new RegExp(`instance ${b} was taken out of service in response to a user request, shrinking the capacity from 2 to 1\\.$`));
    const g = await describe1('g');
    expect(g?.DesiredCapacity).toBe(1);
    expect(g?.Instances?.filter((i) => i.LifecycleState === 'InService').map((i) => i.InstanceId)).toEqual([c]);
  });

  test('without ShouldDecrementDesiredCapacity the group launches replacements', async () => {
    const [a, b] = await inService('g', 2);
    await as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceIds: [a as string, b as string], ShouldDecrementDesiredCapacity: false });
    local.clock.advance('5m');
    const g = await describe1('g');
    expect(g?.DesiredCapacity).toBe(2);
    const ids = (g?.Instances ?? []).map((i) => i.InstanceId);
    expect(ids).toHaveLength(2);
    expect(ids).not.toContain(a);
    expect(ids).not.toContain(b);
  });

  test('InstanceIds without AutoScalingGroupName, with InstanceId, or naming an instance of another group is refused and changes nothing', async () => {
    const [a, b] = await inService('g', 2);
    const [other] = await inService('h', 1);
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ InstanceIds: [a as string], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: 'AutoScalingGroupName is required when InstanceIds is specified.',
    });
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceId: a, InstanceIds: [b as string], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: 'Specify either InstanceId or InstanceIds, not both.',
    });
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceIds: [a as string, other as string], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: `The instance ${other} is not part of Auto Scaling group g.`,
    });
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: "1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null",
    });
    expect((await describe1('g'))?.Instances?.map((i) => i.LifecycleState)).toEqual(['InService', 'InService']);
  });

  test('decrementing below the min size is refused before any instance is terminated; more than 100 ids is refused by the model', async () => {
    const [a, b] = await inService('g', 2);
    await as.updateAutoScalingGroup({ AutoScalingGroupName: 'g', MinSize: 1 });
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceIds: [a as string, b as string], ShouldDecrementDesiredCapacity: true }))).toEqual({
      ...VALIDATION,
      message: "Currently, desiredSize equals minSize (1). Terminating instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.",
    });
    expect((await describe1('g'))?.Instances?.map((i) => i.LifecycleState)).toEqual(['InService', 'InService']);
    const many = Array.from({ length: 101 }, (_, k) => `i-${String(k).padStart(17, '0')}`);
    const e = await failure(as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceIds: many, ShouldDecrementDesiredCapacity: false }));
    expect(e).toMatchObject(VALIDATION);
    expect(e.message).toContain('instanceIds');
  });

  test('InstanceId with AutoScalingGroupName must name an instance of that group', async () => {
    await inService('g', 1);
    const [other] = await inService('h', 1);
    expect(await failure(as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'g', InstanceId: other, ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: `The instance ${other} is not part of Auto Scaling group g.`,
    });
    const out = await as.terminateInstanceInAutoScalingGroup({ AutoScalingGroupName: 'h', InstanceId: other, ShouldDecrementDesiredCapacity: false });
    expect(out.Activity?.Description).toBe(`Terminating EC2 instance: ${other}`);
    expect(out.Activities).toBeUndefined();
  });
});
