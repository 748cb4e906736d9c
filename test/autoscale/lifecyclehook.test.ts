/**
 * The additions beyond boto2 for lifecycle hooks, standby, load balancers attached and
 * detached, and notification configurations read back, end to end against botoscale
 * local; and their run-time checks, which refuse bad input before anything is sent.
 */
import { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, LifecycleHook } from '../../src/autoscale';
import { BotoClientError, BotoServerError } from '../../src/core';
import { ELBConnection } from '../../src/elb';
import { startLocal, type LocalEndpoint } from '../../src/local';

let local: LocalEndpoint;
let conn: AutoScaleConnection;
let elb: ELBConnection;

beforeEach(async () => {
  local = await startLocal({ port: 0, realTime: false });
  const options = { endpoint: local.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'AKIDLOCAL', secretAccessKey: 'local-secret' } };
  conn = new AutoScaleConnection(options);
  elb = new ELBConnection(options);
  await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'lc', imageId: 'ami-12345678', instanceType: 't3.micro' }));
});

afterEach(async () => {
  conn.close();
  elb.close();
  await local.close();
});

async function makeGroup(desired: number, loadBalancers: string[] = []): Promise<AutoScalingGroup> {
  const ag = new AutoScalingGroup({ name: 'web', launchConfig: 'lc', availabilityZones: ['us-east-1a'], minSize: 0, maxSize: 3, desiredCapacity: desired, loadBalancers });
  await conn.createAutoScalingGroup(ag);
  return ag;
}

async function states(): Promise<string[]> {
  const [g] = await conn.getAllGroups({ names: ['web'] });
  return (g?.instances ?? []).map((i) => `${i.instanceId as string}:${i.lifecycleState as string}`).sort();
}

async function registered(lb: string): Promise<string[]> {
  return (await elb.describeInstanceHealth(lb)).map((s) => s.instanceId as string).sort();
}

test('a LifecycleHook holds launches until conn.completeLifecycleAction; hooks are listed and deleted', async () => {
  const ag = await makeGroup(0);
  const hook = new LifecycleHook({ name: 'warm-up', asGroup: 'web', transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 300, defaultResult: 'ABANDON' });
  await conn.createLifecycleHook(hook);
  expect(hook.connection).toBe(conn);
  const [listed] = await conn.getAllLifecycleHooks('web');
  expect(listed).toBeInstanceOf(LifecycleHook);
  expect(String(listed)).toBe('LifecycleHook:warm-up');
  expect(listed).toMatchObject({ asGroup: 'web', transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 300, globalTimeout: 30000, defaultResult: 'ABANDON' });

  await ag.setCapacity(1);
  local.clock.advance('30s');
  const [waiting] = await states();
  const id = (waiting as string).split(':')[0] as string;
  expect(waiting).toBe(`${id}:Pending:Wait`);
  await conn.recordLifecycleActionHeartbeat('web', 'warm-up', { instanceId: id });
  await conn.completeLifecycleAction(ag, 'warm-up', 'CONTINUE', { instanceId: id });
  local.clock.advance('10s');
  expect(await states()).toEqual([`${id}:InService`]);

  expect((await conn.getAllLifecycleHooks('web', { hookNames: 'warm-up' as unknown as string[] })).map(String)).toEqual(['LifecycleHook:warm-up']);
  await hook.delete();
  expect(await conn.getAllLifecycleHooks(ag)).toHaveLength(0);
  const missing = await conn.deleteLifecycleHook('web', 'warm-up').catch((e: unknown) => e);
  expect(missing).toBeInstanceOf(BotoServerError);
  expect(missing).toMatchObject({ status: 400, errorCode: 'ValidationError' });
});

test('ag.enterStandby and ag.exitStandby resolve with AWS activities and move the instance out of and into the load balancer', async () => {
  await elb.createLoadBalancer('front', ['us-east-1a'], [[80, 80, 'http']]);
  const ag = await makeGroup(1, ['front']);
  local.clock.advance('30s');
  const [id] = (await states()).map((s) => s.split(':')[0] as string);
  expect(await registered('front')).toEqual([id]);
  const [entered] = await ag.enterStandby([id as string], { shouldDecrementDesiredCapacity: true });
  expect(entered?.description).toBe(`Moving EC2 instance to Standby: ${id as string}`);
  expect(await states()).toEqual([`${id as string}:Standby`]);
  expect(await registered('front')).toEqual([]);
  const [exited] = await ag.exitStandby([id as string]);
  expect(exited?.description).toBe(`Moving EC2 instance out of Standby: ${id as string}`);
  local.clock.advance('10s');
  expect(await states()).toEqual([`${id as string}:InService`]);
  expect(await registered('front')).toEqual([id]);
});

test('ag.attachLoadBalancers / detachLoadBalancers change the group in place and keep ag.loadBalancers current', async () => {
  await elb.createLoadBalancer('one', ['us-east-1a'], [[80, 80, 'http']]);
  await elb.createLoadBalancer('two', ['us-east-1a'], [[80, 80, 'http']]);
  const ag = await makeGroup(1, ['one']);
  local.clock.advance('30s');
  const ids = (await states()).map((s) => s.split(':')[0] as string);
  await ag.attachLoadBalancers(['two']);
  expect(ag.loadBalancers).toEqual(['one', 'two']);
  expect(await registered('two')).toEqual(ids);
  await conn.detachLoadBalancers('web', ['one']);
  await ag.detachLoadBalancers(['one']);
  expect(ag.loadBalancers).toEqual(['two']);
  expect(await registered('one')).toEqual([]);
  const [fresh] = await conn.getAllGroups({ names: ['web'] });
  expect(fresh?.loadBalancers).toEqual(['two']);
  expect(await states()).toEqual(ids.map((id) => `${id}:InService`));
});

test('conn.getAllNotificationConfigurations lists one object per group, topic and event, narrowed by groupNames', async () => {
  const ag = await makeGroup(0);
  await conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'other', launchConfig: 'lc', availabilityZones: ['us-east-1a'], minSize: 0, maxSize: 1 }));
  const topic = 'arn:aws:sns:us-east-1:123456789012:ops';
  await ag.putNotificationConfiguration(topic, ['autoscaling:EC2_INSTANCE_LAUNCH', 'autoscaling:EC2_INSTANCE_TERMINATE']);
  await conn.putNotificationConfiguration('other', topic, ['autoscaling:EC2_INSTANCE_LAUNCH']);
  const mine = await conn.getAllNotificationConfigurations({ groupNames: ['web'] });
  expect((await conn.getAllNotificationConfigurations({ groupNames: 'web' as unknown as string[] })).map(String)).toEqual(mine.map(String)); // one name, as boto2 users write it
  expect(mine.map(String)).toEqual(['NotificationConfiguration:web:autoscaling:EC2_INSTANCE_LAUNCH', 'NotificationConfiguration:web:autoscaling:EC2_INSTANCE_TERMINATE']);
  expect(mine[0]).toMatchObject({ groupName: 'web', topicArn: topic, notificationType: 'autoscaling:EC2_INSTANCE_LAUNCH' });
  const all = [];
  for await (const n of conn.getAllNotificationConfigurations({ maxRecords: 1 })) all.push(n.groupName);
  expect(all).toEqual(['other', 'web', 'web']);
});

test('bad input is refused before anything is sent, naming the field', async () => {
  const ag = new AutoScalingGroup({ connection: conn, name: 'web' });
  const refused = async (p: Promise<unknown>): Promise<string> => {
    const e = await p.catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BotoClientError);
    return (e as Error).message;
  };
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'bad name', asGroup: 'web', transition: 'autoscaling:EC2_INSTANCE_LAUNCHING' })))).toContain('name');
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'h', asGroup: 'web', transition: 'autoscaling:EC2_INSTANCE_REBOOT' })))).toContain('transition');
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'h', asGroup: 'web', heartbeatTimeout: 10 })))).toContain('heartbeatTimeout');
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'h', asGroup: 'web', defaultResult: 'RETRY' })))).toContain('defaultResult');
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'h', asGroup: 'web', notificationMetadata: 'x'.repeat(4001) }))))
    .toBe('notificationMetadata must be 1 to 4000 characters long, got 4001');
  expect(await refused(conn.createLifecycleHook(new LifecycleHook({ name: 'h', asGroup: 'web', notificationMetadata: 'équipe' }))))
    .toBe('notificationMetadata must be printable ASCII (tabs and line breaks allowed), got "équipe"');
  expect(await refused(conn.completeLifecycleAction('web', 'h', 'MAYBE', { instanceId: 'i-1' }))).toContain('result');
  expect(await refused(conn.completeLifecycleAction('web', 'h', 'CONTINUE'))).toBe('instanceId or lifecycleActionToken is required: which instance the lifecycle action is for');
  expect(await refused(conn.recordLifecycleActionHeartbeat('web', 'h', { lifecycleActionToken: 'short' }))).toContain('lifecycleActionToken');
  expect(await refused(ag.enterStandby([]))).toContain('instanceIds');
  expect(await refused(ag.exitStandby(Array.from({ length: 21 }, (_, i) => `i-${i}`)))).toContain('instanceIds');
  expect(await refused(ag.attachLoadBalancers([]))).toContain('loadBalancerNames');
  expect(await refused(conn.detachLoadBalancers('web', Array.from({ length: 11 }, (_, i) => `lb${i}`)))).toContain('loadBalancerNames');
  expect(await refused(conn.getAllNotificationConfigurations({ maxRecords: 101 }))).toContain('maxRecords');
  expect(await refused((ag.enterStandby as unknown as (a: number) => Promise<unknown>)(5))).toBe('instanceIds must be a list, got 5');
  expect(await refused((conn.exitStandby as unknown as (...a: unknown[]) => Promise<unknown>)('web', ['i-1'], {}, 'extra'))).toContain('nothing may follow the options object');
});

test('a group created with lifecycleHooks has them from the start: its first instance waits in Pending:Wait (CreateAutoScalingGroup, LifecycleHookSpecificationList)', async () => {
  const warm = new LifecycleHook({ name: 'warm', transition: 'autoscaling:EC2_INSTANCE_LAUNCHING', heartbeatTimeout: 600, defaultResult: 'CONTINUE' });
  const drain = new LifecycleHook({ name: 'drain', transition: 'autoscaling:EC2_INSTANCE_TERMINATING', notificationMetadata: 'bye' });
  const ag = new AutoScalingGroup({ name: 'web', launchConfig: 'lc', availabilityZones: ['us-east-1a'], minSize: 1, maxSize: 2, lifecycleHooks: [warm, drain] });
  await conn.createAutoScalingGroup(ag);
  expect(warm).toMatchObject({ connection: conn, asGroup: 'web' });
  const hooks = await conn.getAllLifecycleHooks('web');
  expect(hooks.map((h) => [h.name, h.transition, h.heartbeatTimeout, h.defaultResult, h.notificationMetadata])).toEqual([
    ['drain', 'autoscaling:EC2_INSTANCE_TERMINATING', 3600, 'ABANDON', 'bye'],
    ['warm', 'autoscaling:EC2_INSTANCE_LAUNCHING', 600, 'CONTINUE', undefined],
  ]);
  local.clock.advance('30s');
  const [first] = await states();
  const id = (first as string).split(':')[0] as string;
  expect(first).toBe(`${id}:Pending:Wait`);
  await conn.completeLifecycleAction('web', 'warm', 'CONTINUE', { instanceId: id });
  local.clock.advance('10s');
  expect(await states()).toEqual([`${id}:InService`]);
  await warm.delete();
  expect((await conn.getAllLifecycleHooks('web')).map(String)).toEqual(['LifecycleHook:drain']);
});

test('a group\'s lifecycleHooks are checked before anything is sent, each named by its place', async () => {
  const refused = async (hooks: unknown[]): Promise<string> => {
    const ag = new AutoScalingGroup({ name: 'web', launchConfig: 'lc', availabilityZones: ['us-east-1a'], minSize: 0, maxSize: 1, lifecycleHooks: hooks as LifecycleHook[] });
    const e = await conn.createAutoScalingGroup(ag).catch((err: unknown) => err);
    expect(e).toBeInstanceOf(BotoClientError);
    return (e as Error).message;
  };
  const launching = 'autoscaling:EC2_INSTANCE_LAUNCHING';
  expect(await refused([new LifecycleHook({ name: 'h' })])).toBe('lifecycleHooks[0].transition is required');
  expect(await refused([new LifecycleHook({ name: 'a', transition: launching }), new LifecycleHook({ name: 'bad name', transition: launching })]))
    .toBe('lifecycleHooks[1].name must be letters, digits, -, _ and /, got "bad name"');
  expect(await refused([new LifecycleHook({ name: 'h', transition: 'autoscaling:EC2_INSTANCE_REBOOTING' })]))
    .toBe('lifecycleHooks[0].transition must be one of autoscaling:EC2_INSTANCE_LAUNCHING, autoscaling:EC2_INSTANCE_TERMINATING; got "autoscaling:EC2_INSTANCE_REBOOTING"');
  expect(await refused([new LifecycleHook({ name: 'h', transition: launching, heartbeatTimeout: 7201 })])).toBe('lifecycleHooks[0].heartbeatTimeout must be an integer from 30 to 7200, got 7201');
  expect(await refused([new LifecycleHook({ name: 'h', transition: launching, defaultResult: 'RETRY' })])).toBe('lifecycleHooks[0].defaultResult must be one of CONTINUE, ABANDON; got "RETRY"');
  expect(await refused([new LifecycleHook({ name: 'h', transition: launching, asGroup: 'other' })])).toBe('lifecycleHooks[0].asGroup must be the group\'s name ("web") or left out, got "other"');
  expect(await refused([new LifecycleHook({ name: 'h', transition: launching }), new LifecycleHook({ name: 'h', transition: launching })]))
    .toBe('lifecycleHooks[1].name "h" is given twice: a group\'s hooks have different names');
  expect(await refused([{ name: 'h', transition: launching }])).toBe('lifecycleHooks[0] must be a LifecycleHook, got object');
  expect(await refused(Array.from({ length: 51 }, (_, i) => new LifecycleHook({ name: `h${i}`, transition: launching })))).toBe('lifecycleHooks may list at most 50 items, got 51');
  expect(await conn.getAllGroups()).toHaveLength(0);
});
