/**
 * Lifecycle hooks, standby, load balancers attached and detached, notification
 * configurations, batch scheduled actions and DescribeAutoScalingInstances, through
 * @aws-sdk/client-auto-scaling and @aws-sdk/client-elastic-load-balancing against
 * botoscale local. Each test names the AWS API Reference page (or User Guide chapter)
 * whose behaviour it checks.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AutoScaling, type Activity, type AutoScalingGroup } from '@aws-sdk/client-auto-scaling';
import { ElasticLoadBalancing } from '@aws-sdk/client-elastic-load-balancing';
import type { LocalEndpoint } from '../../src/local';
import { clientConfig, failure, startTest } from './helpers';

let local: LocalEndpoint;
let as: AutoScaling;
let elb: ElasticLoadBalancing;

beforeEach(async () => {
  local = await startTest();
  as = new AutoScaling(clientConfig(local.endpoint));
  elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
  await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
});

afterEach(async () => {
  as.destroy();
  elb.destroy();
  await local.close();
});

const VALIDATION = { name: 'ValidationError', status: 400, code: 'ValidationError' };

async function group(min: number, max: number, desired: number, extra: { LoadBalancerNames?: string[] } = {}): Promise<void> {
  await as.createAutoScalingGroup({ AutoScalingGroupName: 'g', LaunchConfigurationName: 'lc', MinSize: min, MaxSize: max, DesiredCapacity: desired, AvailabilityZones: ['us-east-1a'], ...extra });
}

async function describeGroup(): Promise<AutoScalingGroup> {
  return (await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] })).AutoScalingGroups?.[0] as AutoScalingGroup;
}

async function instanceStates(): Promise<string[]> {
  return ((await describeGroup()).Instances ?? []).map((i) => `${i.InstanceId}:${i.LifecycleState}`).sort();
}

async function activities(): Promise<Activity[]> {
  return (await as.describeScalingActivities({ AutoScalingGroupName: 'g' })).Activities ?? [];
}

async function loadBalancer(name = 'lb'): Promise<void> {
  await elb.createLoadBalancer({ LoadBalancerName: name, Listeners: [{ Protocol: 'HTTP', LoadBalancerPort: 80, InstancePort: 80 }], AvailabilityZones: ['us-east-1a'] });
}

async function registered(name = 'lb'): Promise<string[]> {
  return ((await elb.describeInstanceHealth({ LoadBalancerName: name })).InstanceStates ?? []).map((s) => s.InstanceId as string).sort();
}

async function hook(name: string, transition: 'LAUNCHING' | 'TERMINATING', extra: { HeartbeatTimeout?: number; DefaultResult?: string } = {}): Promise<void> {
  await as.putLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: name, LifecycleTransition: `autoscaling:EC2_INSTANCE_${transition}`, ...extra });
}

/**
 * Launches n instances of group g after its hooks are put: a launch hook applies to the
 * instances launched after it exists, not to those already launching (API Reference,
 * CreateAutoScalingGroup, LifecycleHookSpecificationList).
 */
async function launchAfterHooks(n: number): Promise<void> {
  await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: n });
}

describe('lifecycle hooks (API Reference: PutLifecycleHook, DescribeLifecycleHooks, DeleteLifecycleHook, DescribeLifecycleHookTypes)', () => {
  test('a hook gets AWS defaults (HeartbeatTimeout 3600, GlobalTimeout the smaller of 100 heartbeats and 172800, DefaultResult ABANDON); an update changes only what it names', async () => {
    await group(0, 2, 0);
    await hook('launch', 'LAUNCHING');
    await as.putLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'term', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 60, DefaultResult: 'CONTINUE', NotificationMetadata: 'drain' });
    const all = (await as.describeLifecycleHooks({ AutoScalingGroupName: 'g' })).LifecycleHooks;
    expect(all).toEqual([
      { LifecycleHookName: 'launch', AutoScalingGroupName: 'g', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 3600, GlobalTimeout: 172800, DefaultResult: 'ABANDON' },
      { LifecycleHookName: 'term', AutoScalingGroupName: 'g', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', NotificationMetadata: 'drain', HeartbeatTimeout: 60, GlobalTimeout: 6000, DefaultResult: 'CONTINUE' },
    ]);
    await as.putLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'term', HeartbeatTimeout: 120 });
    const [term] = (await as.describeLifecycleHooks({ AutoScalingGroupName: 'g', LifecycleHookNames: ['term'] })).LifecycleHooks ?? [];
    expect(term).toMatchObject({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 120, GlobalTimeout: 12000, DefaultResult: 'CONTINUE', NotificationMetadata: 'drain' });
    expect((await as.describeLifecycleHookTypes({})).LifecycleHookTypes).toEqual(['autoscaling:EC2_INSTANCE_LAUNCHING', 'autoscaling:EC2_INSTANCE_TERMINATING']);
    await as.deleteLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch' });
    expect((await as.describeLifecycleHooks({ AutoScalingGroupName: 'g' })).LifecycleHooks?.map((h) => h.LifecycleHookName)).toEqual(['term']);
  });

  test('bad hooks are refused with the field named, and the 51st hook of a group is LimitExceeded', async () => {
    await group(0, 2, 0);
    const put = (extra: Record<string, unknown>): Promise<unknown> => as.putLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'h', ...extra });
    expect(await failure(put({}))).toEqual({ ...VALIDATION, message: 'LifecycleTransition is required when creating a lifecycle hook.' });
    expect(await failure(put({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_REBOOTING' }))).toEqual({
      ...VALIDATION,
      message: 'Invalid value for LifecycleTransition: autoscaling:EC2_INSTANCE_REBOOTING. Valid values are autoscaling:EC2_INSTANCE_LAUNCHING and autoscaling:EC2_INSTANCE_TERMINATING.',
    });
    expect(await failure(put({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 29 }))).toEqual({
      ...VALIDATION,
      message: 'Value 29 for parameter HeartbeatTimeout is invalid. It must be between 30 and 7200 seconds.',
    });
    expect((await failure(put({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', HeartbeatTimeout: 7201 }))).message).toContain('Value 7201 for parameter HeartbeatTimeout');
    expect(await failure(put({ LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING', DefaultResult: 'RETRY' }))).toEqual({
      ...VALIDATION,
      message: 'Value RETRY for parameter DefaultResult is invalid. Valid values are CONTINUE and ABANDON.',
    });
    // The model's pattern for hook names: [A-Za-z0-9\-_\/]+
    expect((await failure(put({ LifecycleHookName: 'bad name', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' }))).code).toBe('ValidationError');
    expect(await failure(as.putLifecycleHook({ AutoScalingGroupName: 'nope', LifecycleHookName: 'h', LifecycleTransition: 'autoscaling:EC2_INSTANCE_LAUNCHING' }))).toEqual({
      ...VALIDATION,
      message: 'AutoScalingGroup name not found - AutoScalingGroup: nope not found',
    });
    for (let n = 0; n < 50; n++) await hook(`h${n}`, 'LAUNCHING');
    expect(await failure(hook('h50', 'LAUNCHING'))).toEqual({
      name: 'LimitExceededFault',
      status: 400,
      code: 'LimitExceeded',
      message: 'You have reached the limit of 50 lifecycle hooks for AutoScalingGroup g.',
    });
    await hook('h0', 'TERMINATING'); // updating an existing hook is not a new one
    expect(await failure(as.deleteLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'missing' }))).toEqual({
      ...VALIDATION,
      message: 'No Lifecycle Hook found with name missing for AutoScalingGroup g.',
    });
  });
});

describe('hooks given at creation (API Reference, CreateAutoScalingGroup, LifecycleHookSpecificationList: "lifecycle hooks to add to the Auto Scaling group before instances are launched")', () => {
  const LAUNCHING = 'autoscaling:EC2_INSTANCE_LAUNCHING';
  const create = (specs: Array<Record<string, unknown>>, name = 'g'): Promise<unknown> => as.createAutoScalingGroup({
    AutoScalingGroupName: name, LaunchConfigurationName: 'lc', MinSize: 1, MaxSize: 2, AvailabilityZones: ['us-east-1a'],
    LifecycleHookSpecificationList: specs as never,
  });

  test('the group is created with its hooks, and a launch hook holds its first instance in Pending:Wait', async () => {
    await create([
      { LifecycleHookName: 'warm', LifecycleTransition: LAUNCHING, HeartbeatTimeout: 300, DefaultResult: 'CONTINUE', NotificationMetadata: 'm' },
      { LifecycleHookName: 'drain', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING' },
    ]);
    expect((await as.describeLifecycleHooks({ AutoScalingGroupName: 'g' })).LifecycleHooks).toEqual([
      { LifecycleHookName: 'drain', AutoScalingGroupName: 'g', LifecycleTransition: 'autoscaling:EC2_INSTANCE_TERMINATING', HeartbeatTimeout: 3600, GlobalTimeout: 172800, DefaultResult: 'ABANDON' },
      { LifecycleHookName: 'warm', AutoScalingGroupName: 'g', LifecycleTransition: LAUNCHING, NotificationMetadata: 'm', HeartbeatTimeout: 300, GlobalTimeout: 30000, DefaultResult: 'CONTINUE' },
    ]);
    local.clock.advance('30s');
    const [first] = await instanceStates();
    expect(first).toMatch(/^i-[0-9a-f]+:Pending:Wait$/);
    local.clock.advance('5m'); // the heartbeat timeout: CONTINUE, the default result given
    local.clock.advance('10s');
    expect((await instanceStates())[0]).toMatch(/:InService$/);
  });

  test('a bad hook is refused as PutLifecycleHook refuses it, and no group is made', async () => {
    expect(await failure(create([{ LifecycleHookName: 'h', LifecycleTransition: LAUNCHING, HeartbeatTimeout: 29 }]))).toEqual({
      ...VALIDATION,
      message: 'Value 29 for parameter HeartbeatTimeout is invalid. It must be between 30 and 7200 seconds.',
    });
    expect(await failure(create([{ LifecycleHookName: 'h', LifecycleTransition: 'autoscaling:EC2_INSTANCE_REBOOTING' }]))).toEqual({
      ...VALIDATION,
      message: 'Invalid value for LifecycleTransition: autoscaling:EC2_INSTANCE_REBOOTING. Valid values are autoscaling:EC2_INSTANCE_LAUNCHING and autoscaling:EC2_INSTANCE_TERMINATING.',
    });
    expect(await failure(create([{ LifecycleHookName: 'h', LifecycleTransition: LAUNCHING, DefaultResult: 'RETRY' }]))).toEqual({
      ...VALIDATION,
      message: 'Value RETRY for parameter DefaultResult is invalid. Valid values are CONTINUE and ABANDON.',
    });
    const many = Array.from({ length: 51 }, (_, i) => ({ LifecycleHookName: `h${i}`, LifecycleTransition: LAUNCHING }));
    expect(await failure(create(many))).toEqual({ name: 'LimitExceededFault', status: 400, code: 'LimitExceeded', message: 'You have reached the limit of 50 lifecycle hooks for AutoScalingGroup g.' });
    expect((await as.describeAutoScalingGroups({})).AutoScalingGroups).toEqual([]);
  });
});

describe('lifecycle actions (User Guide: lifecycle hooks; API Reference: CompleteLifecycleAction, RecordLifecycleActionHeartbeat)', () => {
  test('a launch hook holds a new instance in Pending:Wait, out of the load balancer, until CompleteLifecycleAction CONTINUE; then Pending:Proceed and InService', async () => {
    await loadBalancer();
    await group(0, 2, 0, { LoadBalancerNames: ['lb'] });
    await hook('launch', 'LAUNCHING');
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 1 });
    local.clock.advance('30s');
    const [first] = await instanceStates();
    const id = (first as string).split(':')[0] as string;
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    expect((await activities())[0]).toMatchObject({ Description: `Launching a new EC2 instance: ${id}`, StatusCode: 'MidLifecycleAction' });
    expect(await registered()).toEqual([]);
    local.clock.advance('10m'); // far less than the hour of the default heartbeat timeout
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);

    await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', InstanceId: id, LifecycleActionResult: 'CONTINUE' });
    expect(await instanceStates()).toEqual([`${id}:Pending:Proceed`]);
    local.clock.advance('10s');
    expect(await instanceStates()).toEqual([`${id}:InService`]);
    expect(await registered()).toEqual([id]);
    expect((await activities())[0]?.StatusCode).toBe('Successful');
    expect(await failure(as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', InstanceId: id, LifecycleActionResult: 'CONTINUE' }))).toEqual({
      ...VALIDATION,
      message: `No active Lifecycle Action found with instance ID ${id}`,
    });
  });

  test('with two launch hooks the instance waits for both; ABANDON from one terminates it and the group launches another', async () => {
    await group(0, 2, 0);
    await hook('a', 'LAUNCHING');
    await hook('b', 'LAUNCHING');
    await launchAfterHooks(1);
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'a', InstanceId: id, LifecycleActionResult: 'CONTINUE' });
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'b', InstanceId: id, LifecycleActionResult: 'ABANDON' });
    const abandoned = (await activities()).find((a) => a.Description?.startsWith(`Launching a new EC2 instance: ${id}`));
    expect(abandoned?.StatusCode).toBe('Cancelled');
    expect(abandoned?.StatusMessage).toMatch(/^Instance failed to complete user's Lifecycle Action: Lifecycle Action with token [0-9a-f-]{36} was abandoned: Lifecycle Action Completed with ABANDON Result$/);
    local.clock.advance('30s');
    const states = await instanceStates();
    expect(states).toHaveLength(1);
    expect(states[0]).not.toContain(id);
    expect(states[0]).toMatch(/:Pending:Wait$/);
  });

  test('the heartbeat timeout applies the default result; RecordLifecycleActionHeartbeat starts the timeout again', async () => {
    await group(0, 2, 0);
    await hook('launch', 'LAUNCHING', { HeartbeatTimeout: 60, DefaultResult: 'CONTINUE' });
    await launchAfterHooks(1);
    local.clock.advance('20s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    local.clock.advance('40s');
    await as.recordLifecycleActionHeartbeat({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', InstanceId: id });
    local.clock.advance('40s'); // past the first deadline, within the renewed one
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    local.clock.advance('30s');
    expect(await instanceStates()).toEqual([`${id}:InService`]);
    const token = '0123abcd-0000-4000-8000-000000000000';
    expect(await failure(as.recordLifecycleActionHeartbeat({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', LifecycleActionToken: token }))).toEqual({
      ...VALIDATION,
      message: `No active Lifecycle Action found with token ${token}`,
    });
    expect(await failure(as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', InstanceId: id, LifecycleActionResult: 'MAYBE' }))).toEqual({
      ...VALIDATION,
      message: 'Value MAYBE for parameter LifecycleActionResult is invalid. Valid values are CONTINUE and ABANDON.',
    });
    expect(await failure(as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', LifecycleActionResult: 'CONTINUE' }))).toEqual({
      ...VALIDATION,
      message: 'Either LifecycleActionToken or InstanceId must be specified.',
    });
  });

  test('a launch timing out with ABANDON (the default) terminates the instance with a Heartbeat Timeout reason', async () => {
    await group(0, 2, 0);
    await hook('launch', 'LAUNCHING', { HeartbeatTimeout: 30 });
    await launchAfterHooks(1);
    local.clock.advance('20s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    local.clock.advance('40s');
    const launch = (await activities()).find((a) => a.Description?.startsWith(`Launching a new EC2 instance: ${id}`));
    expect(launch?.StatusMessage).toMatch(/was abandoned: Heartbeat Timeout$/);
    expect(launch?.Description).toBe(`Launching a new EC2 instance: ${id}.  Status Reason: ${launch?.StatusMessage}`);
    expect(await instanceStates()).not.toContain(`${id}:Pending:Wait`);
  });

  test('a termination hook holds a leaving instance in Terminating:Wait, already out of its load balancer and still running, until completed', async () => {
    await loadBalancer();
    await group(0, 2, 1, { LoadBalancerNames: ['lb'] });
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    expect(await registered()).toEqual([id]);
    await hook('drain', 'TERMINATING');
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 0 });
    expect(await instanceStates()).toEqual([`${id}:Terminating:Wait`]);
    expect(await registered()).toEqual([]);
    expect((await activities())[0]).toMatchObject({ Description: `Terminating EC2 instance: ${id}`, StatusCode: 'MidLifecycleAction' });
    local.clock.advance('5m');
    expect(await instanceStates()).toEqual([`${id}:Terminating:Wait`]);
    // ABANDON on termination still terminates (User Guide: lifecycle hooks).
    await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'drain', InstanceId: id, LifecycleActionResult: 'ABANDON' });
    expect(await instanceStates()).toEqual([`${id}:Terminating:Proceed`]);
    local.clock.advance('2m');
    expect(await instanceStates()).toEqual([]);
    expect((await activities())[0]).toMatchObject({ Description: `Terminating EC2 instance: ${id}`, StatusCode: 'Successful' });
  });

  test('deleting a hook completes its outstanding actions: ABANDON for launching instances (API Reference, DeleteLifecycleHook)', async () => {
    await group(0, 2, 0);
    await hook('launch', 'LAUNCHING');
    await launchAfterHooks(1);
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    await as.deleteLifecycleHook({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch' });
    expect(await instanceStates()).toEqual([]);
    local.clock.advance('1m');
    const states = await instanceStates();
    expect(states).toHaveLength(1);
    expect(states[0]).toMatch(/:InService$/);
    expect(states[0]).not.toContain(id);
  });
});

describe('which instances a launch hook holds (API Reference, CreateAutoScalingGroup, LifecycleHookSpecificationList: hooks "to add to the Auto Scaling group before instances are launched")', () => {
  test('a hook put just after CreateAutoScalingGroup does not hold the instances already launching; it holds those launched after it', async () => {
    await group(0, 3, 2);
    await hook('launch', 'LAUNCHING');
    local.clock.advance('30s');
    const first = (await instanceStates()).map((s) => s.split(':')[0]);
    expect(await instanceStates()).toEqual(first.map((id) => `${id}:InService`));
    await as.setDesiredCapacity({ AutoScalingGroupName: 'g', DesiredCapacity: 3 });
    local.clock.advance('30s');
    const later = (await instanceStates()).filter((s) => !first.includes(s.split(':')[0]));
    expect(later).toHaveLength(1);
    expect(later[0]).toMatch(/:Pending:Wait$/);
  });

  test('only the hooks an instance began launching under hold it: one put while it is Pending does not', async () => {
    await group(0, 2, 0);
    await hook('early', 'LAUNCHING');
    await launchAfterHooks(1);
    await hook('late', 'LAUNCHING');
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    expect(await failure(as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'late', InstanceId: id, LifecycleActionResult: 'CONTINUE' }))).toEqual({
      ...VALIDATION,
      message: `No active Lifecycle Action found with instance ID ${id}`,
    });
    await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'early', InstanceId: id, LifecycleActionResult: 'CONTINUE' });
    local.clock.advance('10s');
    expect(await instanceStates()).toEqual([`${id}:InService`]);
  });

  test('an instance leaving Standby is held by the launch hooks the group has then', async () => {
    await group(0, 2, 1);
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    await as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [id], ShouldDecrementDesiredCapacity: true });
    await hook('launch', 'LAUNCHING');
    await as.exitStandby({ AutoScalingGroupName: 'g', InstanceIds: [id] });
    local.clock.advance('10s');
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
  });
});

/** Closes this test's server and clients and starts them again, keeping state in `file` when given. */
async function restart(file: string | undefined): Promise<void> {
  as.destroy();
  elb.destroy();
  await local.close();
  local = await startTest(file === undefined ? {} : { state: file });
  as = new AutoScaling(clientConfig(local.endpoint));
  elb = new ElasticLoadBalancing(clientConfig(local.endpoint));
}

test('the launch hooks a Pending instance began launching under survive a restart: a hook put after it still does not hold it', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-hooks-'));
  const reopen = (state = true): Promise<void> => restart(state ? join(dir, 'state.json') : undefined);
  try {
    await reopen();
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
    await group(0, 2, 1);
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    expect(await instanceStates()).toEqual([`${id}:Pending`]);
    await reopen();
    await hook('launch', 'LAUNCHING');
    local.clock.advance('30s');
    expect(await instanceStates()).toEqual([`${id}:InService`]);
  } finally {
    await reopen(false);
    rmSync(dir, { recursive: true, force: true });
  }
});

test('hooks and instances waiting on them are kept in the state file, timeouts included', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'botoscale-hooks-'));
  const reopen = (state = true): Promise<void> => restart(state ? join(dir, 'state.json') : undefined);
  try {
    await reopen();
    await as.createLaunchConfiguration({ LaunchConfigurationName: 'lc', ImageId: 'ami-0abcdef1234567890', InstanceType: 't3.micro' });
    await group(0, 2, 0);
    await hook('launch', 'LAUNCHING', { HeartbeatTimeout: 120, DefaultResult: 'CONTINUE' });
    await launchAfterHooks(1);
    local.clock.advance('30s');
    const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
    await reopen();
    expect(await instanceStates()).toEqual([`${id}:Pending:Wait`]);
    expect((await as.describeLifecycleHooks({ AutoScalingGroupName: 'g' })).LifecycleHooks?.[0]).toMatchObject({ LifecycleHookName: 'launch', HeartbeatTimeout: 120 });
    local.clock.advance('2m');
    expect(await instanceStates()).toEqual([`${id}:InService`]);
  } finally {
    await reopen(false); // afterEach closes a server without the file
    rmSync(dir, { recursive: true, force: true });
  }
});

test('ForceDelete drops the outstanding lifecycle actions: held instances are terminated without waiting (API Reference, DeleteAutoScalingGroup)', async () => {
  await group(0, 2, 0);
  await hook('launch', 'LAUNCHING');
  await launchAfterHooks(2);
  local.clock.advance('30s');
  expect(await instanceStates()).toHaveLength(2);
  const id = (await describeGroup()).Instances?.[0]?.InstanceId as string;
  await as.completeLifecycleAction({ AutoScalingGroupName: 'g', LifecycleHookName: 'launch', InstanceId: id, LifecycleActionResult: 'CONTINUE' });
  local.clock.advance('10s');
  await hook('drain', 'TERMINATING');
  await as.deleteAutoScalingGroup({ AutoScalingGroupName: 'g', ForceDelete: true });
  expect(((await describeGroup()).Instances ?? []).map((i) => i.LifecycleState).sort()).toEqual(['Terminating', 'Terminating']);
  local.clock.advance('2m');
  expect((await as.describeAutoScalingGroups({ AutoScalingGroupNames: ['g'] })).AutoScalingGroups).toEqual([]);
});

describe('standby (API Reference: EnterStandby, ExitStandby)', () => {
  test('EnterStandby takes instances out of their load balancer and the capacity; ExitStandby brings them back through Pending', async () => {
    await loadBalancer();
    await group(1, 3, 2, { LoadBalancerNames: ['lb'] });
    local.clock.advance('30s');
    const [a, b] = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string).sort() as [string, string];
    const entered = (await as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [a], ShouldDecrementDesiredCapacity: true })).Activities ?? [];
    expect(entered).toHaveLength(1);
    expect(entered[0]).toMatchObject({ Description: `Moving EC2 instance to Standby: ${a}`, StatusCode: 'Successful' });
    expect(entered[0]?.Cause).toMatch(new RegExp(`^At \\S+Z instance ${a} was moved to standby in response to a user request, shrinking the capacity from 2 to 1\\.$`));
    expect((await describeGroup()).DesiredCapacity).toBe(1);
    expect(await instanceStates()).toEqual([`${a}:Standby`, `${b}:InService`].sort());
    expect(await registered()).toEqual([b]);
    // Standby instances are not health-checked (User Guide, "Temporarily remove instances").
    const setHealth = async (healthy: boolean): Promise<void> => {
      const res = await fetch(`${local.endpoint}/_botoscale/instance/health`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ instance: a, healthy }) });
      expect(res.status).toBe(200);
    };
    await setHealth(false);
    local.clock.advance('1m');
    expect(await instanceStates()).toEqual([`${a}:Standby`, `${b}:InService`].sort()); // no replacement: the capacity went down
    expect((await describeGroup()).Instances?.find((i) => i.InstanceId === a)?.HealthStatus).toBe('Healthy');
    await setHealth(true);

    expect(await failure(as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [b], ShouldDecrementDesiredCapacity: true }))).toEqual({
      ...VALIDATION,
      message: "Currently, desiredSize equals minSize (1). Entering standby without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.",
    });
    expect(await failure(as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [a], ShouldDecrementDesiredCapacity: false }))).toEqual({ ...VALIDATION, message: `The instance ${a} is not in InService.` });
    expect(await failure(as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: ['i-0000000000000000f'], ShouldDecrementDesiredCapacity: false }))).toEqual({
      ...VALIDATION,
      message: 'The instance i-0000000000000000f is not part of Auto Scaling group g.',
    });
    expect(await failure(as.exitStandby({ AutoScalingGroupName: 'g', InstanceIds: [b] }))).toEqual({ ...VALIDATION, message: `The instance ${b} is not in Standby.` });
    const many = Array.from({ length: 21 }, (_, n) => `i-${String(n).padStart(17, '0')}`);
    expect(await failure(as.exitStandby({ AutoScalingGroupName: 'g', InstanceIds: many }))).toEqual({
      ...VALIDATION,
      message: "1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 20",
    });

    const exited = (await as.exitStandby({ AutoScalingGroupName: 'g', InstanceIds: [a] })).Activities ?? [];
    expect(exited[0]).toMatchObject({ Description: `Moving EC2 instance out of Standby: ${a}`, Progress: 30, StatusCode: 'PreInService' });
    expect(exited[0]?.Cause).toMatch(new RegExp(`^At \\S+Z instance ${a} was moved out of standby in response to a user request, increasing the capacity from 1 to 2\\.$`));
    expect(await instanceStates()).toEqual([`${a}:Pending`, `${b}:InService`].sort());
    local.clock.advance('10s');
    expect(await instanceStates()).toEqual([`${a}:InService`, `${b}:InService`].sort());
    expect(await registered()).toEqual([a, b].sort());
    expect((await describeGroup()).DesiredCapacity).toBe(2);
  });

  test('EnterStandby without decrementing launches a replacement; ExitStandby beyond the max size is refused', async () => {
    await group(1, 2, 2);
    local.clock.advance('30s');
    const [a] = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string).sort() as [string];
    await as.enterStandby({ AutoScalingGroupName: 'g', InstanceIds: [a], ShouldDecrementDesiredCapacity: false });
    expect((await describeGroup()).DesiredCapacity).toBe(2);
    local.clock.advance('30s');
    const states = await instanceStates();
    expect(states.filter((s) => s.endsWith(':InService'))).toHaveLength(2);
    expect(states).toContain(`${a}:Standby`);
    expect(await failure(as.exitStandby({ AutoScalingGroupName: 'g', InstanceIds: [a] }))).toEqual({
      ...VALIDATION,
      message: 'Exiting standby would increase the desired capacity of AutoScalingGroup g to 3, above its max size of 2.',
    });
    // A Standby instance can be detached; it is outside the desired capacity already.
    const [detached] = (await as.detachInstances({ AutoScalingGroupName: 'g', InstanceIds: [a], ShouldDecrementDesiredCapacity: true })).Activities ?? [];
    expect(detached?.Description).toBe(`Detaching EC2 instance: ${a}`);
    expect(detached?.Cause).toMatch(new RegExp(`instance ${a} was detached in response to a user request\\.$`));
    expect((await describeGroup()).DesiredCapacity).toBe(2);
    expect(await instanceStates()).not.toContain(`${a}:Standby`);
  });
});

describe('load balancers of a group (API Reference: AttachLoadBalancers, DetachLoadBalancers, DescribeLoadBalancers)', () => {
  test('attaching registers the InService instances; detaching deregisters them; a load balancer that does not exist is refused', async () => {
    await loadBalancer('one');
    await loadBalancer('two');
    await group(1, 2, 2, { LoadBalancerNames: ['one'] });
    local.clock.advance('30s');
    const ids = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string).sort();
    await as.attachLoadBalancers({ AutoScalingGroupName: 'g', LoadBalancerNames: ['two'] });
    expect(await registered('two')).toEqual(ids);
    expect((await describeGroup()).LoadBalancerNames).toEqual(['one', 'two']);
    const lbs = (await as.describeLoadBalancers({ AutoScalingGroupName: 'g' })).LoadBalancers ?? [];
    expect(lbs.map((l) => l.LoadBalancerName)).toEqual(['one', 'two']);
    const page = await as.describeLoadBalancers({ AutoScalingGroupName: 'g', MaxRecords: 1 });
    expect(page.LoadBalancers?.map((l) => l.LoadBalancerName)).toEqual(['one']);
    const next = await as.describeLoadBalancers({ AutoScalingGroupName: 'g', MaxRecords: 1, NextToken: page.NextToken as string });
    expect(next.LoadBalancers?.map((l) => l.LoadBalancerName)).toEqual(['two']);
    expect(next.NextToken).toBeUndefined();

    await as.detachLoadBalancers({ AutoScalingGroupName: 'g', LoadBalancerNames: ['one'] });
    expect(await registered('one')).toEqual([]);
    expect(await registered('two')).toEqual(ids);
    expect((await describeGroup()).LoadBalancerNames).toEqual(['two']);
    expect(await failure(as.attachLoadBalancers({ AutoScalingGroupName: 'g', LoadBalancerNames: ['ghost'] }))).toEqual({
      ...VALIDATION,
      message: 'Provided Load Balancers may not be valid. Please ensure they exist and try again.',
    });
    expect(await failure(as.describeLoadBalancers({ AutoScalingGroupName: 'nope' }))).toEqual({ ...VALIDATION, message: 'AutoScalingGroup name not found - AutoScalingGroup: nope not found' });
  });
});

describe('DescribeNotificationConfigurations (API Reference)', () => {
  test('one row per group, topic and type, filtered by group, paged', async () => {
    await group(0, 1, 0);
    await as.createAutoScalingGroup({ AutoScalingGroupName: 'h', LaunchConfigurationName: 'lc', MinSize: 0, MaxSize: 1, AvailabilityZones: ['us-east-1a'] });
    const topic = 'arn:aws:sns:us-east-1:123456789012:ops';
    await as.putNotificationConfiguration({ AutoScalingGroupName: 'g', TopicARN: topic, NotificationTypes: ['autoscaling:EC2_INSTANCE_TERMINATE', 'autoscaling:EC2_INSTANCE_LAUNCH'] });
    await as.putNotificationConfiguration({ AutoScalingGroupName: 'h', TopicARN: topic, NotificationTypes: ['autoscaling:EC2_INSTANCE_LAUNCH'] });
    const rows = (await as.describeNotificationConfigurations({ AutoScalingGroupNames: ['g'] })).NotificationConfigurations;
    expect(rows).toEqual([
      { AutoScalingGroupName: 'g', TopicARN: topic, NotificationType: 'autoscaling:EC2_INSTANCE_LAUNCH' },
      { AutoScalingGroupName: 'g', TopicARN: topic, NotificationType: 'autoscaling:EC2_INSTANCE_TERMINATE' },
    ]);
    const first = await as.describeNotificationConfigurations({ MaxRecords: 2 });
    expect(first.NotificationConfigurations).toHaveLength(2);
    const rest = await as.describeNotificationConfigurations({ MaxRecords: 2, NextToken: first.NextToken as string });
    expect(rest.NotificationConfigurations).toEqual([{ AutoScalingGroupName: 'h', TopicARN: topic, NotificationType: 'autoscaling:EC2_INSTANCE_LAUNCH' }]);
    expect(rest.NextToken).toBeUndefined();
  });
});

describe('batch scheduled actions (API Reference: BatchPutScheduledUpdateGroupAction, BatchDeleteScheduledAction)', () => {
  test('each action succeeds or fails on its own, reported as FailedScheduledUpdateGroupActionRequest', async () => {
    await group(0, 4, 0);
    const start = new Date(Date.UTC(2026, 0, 2));
    const out = await as.batchPutScheduledUpdateGroupAction({
      AutoScalingGroupName: 'g',
      ScheduledUpdateGroupActions: [
        { ScheduledActionName: 'up', StartTime: start, DesiredCapacity: 2 },
        { ScheduledActionName: 'bad', StartTime: start, MinSize: 3, MaxSize: 1 },
        { ScheduledActionName: 'nightly', Recurrence: '0 22 * * *', DesiredCapacity: 0 },
      ],
    });
    expect(out.FailedScheduledUpdateGroupActions).toEqual([{ ScheduledActionName: 'bad', ErrorCode: 'ValidationError', ErrorMessage: 'Max bound, 1, must be greater than or equal to min bound, 3' }]);
    const names = async (): Promise<string[]> => ((await as.describeScheduledActions({ AutoScalingGroupName: 'g' })).ScheduledUpdateGroupActions ?? []).map((s) => s.ScheduledActionName as string);
    expect(await names()).toEqual(['nightly', 'up']);
    local.clock.advance('1d');
    expect((await describeGroup()).DesiredCapacity).toBe(2);

    const deleted = await as.batchDeleteScheduledAction({ AutoScalingGroupName: 'g', ScheduledActionNames: ['nightly', 'ghost'] });
    expect(deleted.FailedScheduledActions).toEqual([{ ScheduledActionName: 'ghost', ErrorCode: 'ValidationError', ErrorMessage: 'Scheduled action name not found - ghost' }]);
    expect(await names()).toEqual([]); // 'up' ran once and is gone, 'nightly' deleted

    const many = Array.from({ length: 51 }, (_, n) => ({ ScheduledActionName: `a${n}`, StartTime: start, DesiredCapacity: 1 }));
    expect(await failure(as.batchPutScheduledUpdateGroupAction({ AutoScalingGroupName: 'g', ScheduledUpdateGroupActions: many }))).toEqual({
      ...VALIDATION,
      message: "1 validation error detected: Value at 'scheduledUpdateGroupActions' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    expect(await failure(as.batchDeleteScheduledAction({ AutoScalingGroupName: 'g', ScheduledActionNames: many.map((m) => m.ScheduledActionName) }))).toEqual({
      ...VALIDATION,
      message: "1 validation error detected: Value at 'scheduledActionNames' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    expect(await failure(as.batchDeleteScheduledAction({ AutoScalingGroupName: 'nope', ScheduledActionNames: ['x'] }))).toEqual({
      ...VALIDATION,
      message: 'AutoScalingGroup name not found - AutoScalingGroup: nope not found',
    });
  });
});

describe('DescribeAutoScalingInstances (API Reference)', () => {
  test('InstanceIds narrows (unknown ids ignored), MaxRecords pages up to 50, more than 50 ids is refused', async () => {
    await group(0, 3, 3);
    local.clock.advance('30s');
    const ids = ((await describeGroup()).Instances ?? []).map((i) => i.InstanceId as string).sort();
    const one = await as.describeAutoScalingInstances({ InstanceIds: [ids[1] as string, 'i-0000000000000000f'] });
    expect(one.AutoScalingInstances?.map((i) => [i.InstanceId, i.AutoScalingGroupName, i.LifecycleState, i.HealthStatus])).toEqual([[ids[1], 'g', 'InService', 'HEALTHY']]);
    const seen: string[] = [];
    let token: string | undefined;
    do {
      const page = await as.describeAutoScalingInstances({ MaxRecords: 2, NextToken: token });
      expect((page.AutoScalingInstances ?? []).length).toBeLessThanOrEqual(2);
      seen.push(...(page.AutoScalingInstances ?? []).map((i) => i.InstanceId as string));
      token = page.NextToken;
    } while (token !== undefined);
    expect(seen.sort()).toEqual(ids);
    const tooMany = Array.from({ length: 51 }, (_, n) => `i-${String(n).padStart(17, '0')}`);
    expect(await failure(as.describeAutoScalingInstances({ InstanceIds: tooMany }))).toEqual({
      ...VALIDATION,
      message: "1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50",
    });
    expect((await failure(as.describeAutoScalingInstances({ MaxRecords: 51 }))).message).toBe(
      "1 validation error detected: Value '51' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and 50",
    );
  });
});
