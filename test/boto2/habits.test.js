/**
 * boto2 habits, typed as a boto2 user types them into a REPL or a plain .js script: this
 * file is JavaScript on purpose, so no TypeScript check stands between the habit and
 * botoscale. Each habit runs against botoscale local and either does what the boto2 user
 * meant (what boto2 does with the same call) or throws a BotoClientError that names the
 * call in botoscale's form, before anything is sent.
 */
'use strict';

const util = require('node:util');
const { AutoScaleConnection, AutoScalingGroup, LaunchConfiguration, ScalingPolicy } = require('../../src/autoscale');
const { CloudWatchConnection, MetricAlarm } = require('../../src/cloudwatch');
const { ELBConnection, HealthCheck } = require('../../src/elb');
const { EC2Connection } = require('../../src/ec2');
const { BotoClientError, BotoServerError } = require('../../src/core');
const { startLocal } = require('../../src/local');

const T0 = Date.UTC(2026, 0, 1);
const SECRET = 'habits-test-secret-key';
const ZONES = ['us-east-1a', 'us-east-1b'];
let local;
let conn;
let cw;
let elb;
let ec2;

/** The BotoClientError `fn` throws or rejects with; fails if it throws anything else, or nothing. */
async function clientError(fn) {
  let err;
  try {
    await fn();
  } catch (e) {
    err = e;
  }
  expect(err).toBeInstanceOf(BotoClientError);
  return err.message;
}

beforeAll(async () => {
  local = await startLocal({ port: 0, realTime: false, clock: { start: T0 }, onError: (err) => { throw err; } });
  const options = { endpoint: local.endpoint, region: 'us-east-1', maxAttempts: 1, env: {} };
  conn = new AutoScaleConnection('AKIDHABITS', SECRET, options);
  cw = new CloudWatchConnection('AKIDHABITS', SECRET, options);
  elb = new ELBConnection('AKIDHABITS', SECRET, options);
  ec2 = new EC2Connection('AKIDHABITS', SECRET, options);

  await conn.createLaunchConfiguration(new LaunchConfiguration({ name: 'lc', imageId: 'ami-12345678', instanceType: 't3.micro' }));
  for (const name of ['g1', 'g2', 'g3']) {
    await conn.createAutoScalingGroup(new AutoScalingGroup({ name, launchConfig: 'lc', minSize: 0, maxSize: 4, availabilityZones: ZONES }));
  }
  await conn.createScalingPolicy(new ScalingPolicy({ name: 'scale_up', asName: 'g1', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1 }));
  await conn.createScalingPolicy(new ScalingPolicy({ name: 'scale_up', asName: 'g2', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 2 }));
  for (const name of ['a1', 'a2', 'a3']) {
    await cw.putMetricAlarm(new MetricAlarm({
      name, namespace: 'AWS/EC2', metric: 'CPUUtilization', statistic: 'Average', comparison: '>', threshold: 70, period: 60,
      evaluationPeriods: 2, dimensions: { AutoScalingGroupName: 'g1' }, alarmActions: ['arn:aws:sns:us-east-1:123456789012:ops'],
    }));
  }
  await cw.setAlarmState('a2', 'testing the history', 'ALARM');
});

afterAll(async () => {
  for (const c of [conn, cw, elb, ec2]) c.close();
  await local.close();
});

describe('a name or a list where botoscale takes the options object: boto2\'s positional form, as boto2 binds it', () => {
  test('conn.getAllGroups([\'g2\']) gives g2 only (boto2: names)', async () => {
    expect((await conn.getAllGroups(['g2'])).map((g) => g.name)).toEqual(['g2']);
    expect((await conn.getAllGroups('g2')).map((g) => g.name)).toEqual(['g2']);
  });

  test('conn.getAllPolicies(\'g2\') gives g2\'s policies only (boto2: as_group)', async () => {
    const policies = await conn.getAllPolicies('g2');
    expect(policies.map((p) => [p.asName, p.scalingAdjustment])).toEqual([['g2', 2]]);
  });

  test('conn.getAllActivities(\'g4\', [id]) gives that activity (boto2: activity_ids)', async () => {
    await conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'g4', launchConfig: 'lc', minSize: 2, maxSize: 2, availabilityZones: ZONES }));
    const all = await conn.getAllActivities('g4');
    expect(all).toHaveLength(2);
    const only = await conn.getAllActivities('g4', [all[1].activityId]);
    expect(only.map((a) => a.activityId)).toEqual([all[1].activityId]);
  });

  test('cw.describeAlarmHistory(\'a2\') gives a2\'s history only (boto2: alarm_name)', async () => {
    const items = await cw.describeAlarmHistory('a2');
    expect(items.length).toBeGreaterThan(0);
    expect(new Set(items.map((h) => h.name))).toEqual(new Set(['a2']));
  });

  test('cw.describeAlarms(\'a2\') is boto2\'s describe_alarms(action_prefix=\'a2\'): no alarm has such an action, so none, never some other alarm', async () => {
    expect(await cw.describeAlarms('a2')).toHaveLength(0);
    expect((await cw.describeAlarms('arn:aws:sns:')).map((a) => a.name)).toEqual(['a1', 'a2', 'a3']);
    expect((await cw.describeAlarms({ alarmNames: 'a2' })).map((a) => a.name)).toEqual(['a2']);
    expect((await cw.describeAlarms(undefined, 'a')).map((a) => a.name)).toEqual(['a1', 'a2', 'a3']);
  });

  test('elb.getAllLoadBalancers([\'lb1\']) gives lb1 only (boto2: load_balancer_names)', async () => {
    await elb.createLoadBalancer('lb1', ZONES, [[80, 8080, 'http']]);
    await elb.createLoadBalancer('lb2', ZONES, [[80, 8080, 'http']]);
    expect((await elb.getAllLoadBalancers(['lb1'])).map((lb) => lb.name)).toEqual(['lb1']);
  });

  test('conn.suspendProcesses(\'g2\', [\'Launch\']) suspends only Launch (boto2: scaling_processes)', async () => {
    await conn.suspendProcesses('g2', ['Launch']);
    expect((await conn.getAllGroups(['g2']))[0].suspendedProcesses.map((p) => p.processName)).toEqual(['Launch']);
    await conn.resumeProcesses('g2');
  });

  test('cw.describeAlarmsForMetric(metric, namespace, 60, \'Average\', dimensions) narrows as boto2 (period, statistic, dimensions)', async () => {
    const found = await cw.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', 60, 'Average', { AutoScalingGroupName: 'g1' });
    expect(found.map((a) => a.name)).toEqual(['a1', 'a2', 'a3']);
    expect(await cw.describeAlarmsForMetric('CPUUtilization', 'AWS/EC2', 300)).toHaveLength(0);
  });

  test('ec2.getAllZones([\'us-east-1a\']) gives that zone', async () => {
    expect((await ec2.getAllZones(['us-east-1a'])).map((z) => z.name)).toEqual(['us-east-1a']);
  });

  test('a call boto2 gives only keyword arguments refuses a positional one', async () => {
    expect(await clientError(() => conn.getAllLaunchConfigurations(['lc']))).toBe(
      'AutoScaleConnection.getAllLaunchConfigurations({ names, maxRecords, nextToken, signal, requestTimeout }): the first argument must be the options object, got a list',
    );
  });
});

describe('boto2\'s optional positional arguments do what boto2 does with them', () => {
  test('lb.createListener(8080, 8080, \'http\') creates an HTTP listener', async () => {
    const [lb] = await elb.getAllLoadBalancers(['lb1']);
    expect(await lb.createListener(8080, 8080, 'http')).toBe(true);
    const [again] = await elb.getAllLoadBalancers(['lb1']);
    expect(again.listeners.map((l) => l.getTuple())).toEqual([[80, 8080, 'HTTP'], [8080, 8080, 'HTTP']]);
  });

  test('cw.putMetricData(\'C\', \'Lat\', 0.5, date, \'Seconds\') stores the unit and the timestamp', async () => {
    local.clock.advance('10m');
    const at = new Date(T0 + 5 * 60_000);
    expect(await cw.putMetricData('C', 'Lat', 0.5, at, 'Seconds')).toBe(true);
    const points = await cw.getMetricStatistics(60, new Date(T0), new Date(T0 + 10 * 60_000), 'Lat', 'C', 'Average', undefined, 'Seconds');
    expect(points.map((p) => [p.timestamp.toISOString(), p.average, p.unit])).toEqual([[at.toISOString(), 0.5, 'Seconds']]);
    // With dimensions after them, as boto2's put_metric_data(namespace, name, value, timestamp, unit, dimensions).
    await cw.putMetricData('C', 'Lat', 0.7, at, 'Seconds', { Host: 'a' });
    const byHost = await cw.getMetricStatistics(60, new Date(T0), new Date(T0 + 10 * 60_000), 'Lat', 'C', 'Maximum', { Host: 'a' }, 'Seconds');
    expect(byHost.map((p) => p.maximum)).toEqual([0.7]);
  });

  test('conn.setDesiredCapacity(\'g\', 2, true) honours the cooldown, and resolves true as boto2', async () => {
    expect(await conn.setDesiredCapacity('g3', 1)).toBe(true);
    let err;
    await conn.setDesiredCapacity('g3', 2, true).catch((e) => { err = e; });
    expect(err).toBeInstanceOf(BotoServerError);
    expect([err.errorCode, err.message]).toEqual(['ScalingActivityInProgress', 'Scaling activity is in progress or the cooldown period of AutoScalingGroup g3 has not ended.']);
    expect(err.requestId).toMatch(/\S/);
    local.clock.advance('6m');
    expect(await conn.setDesiredCapacity('g3', 2, true)).toBe(true);
    expect((await conn.getAllGroups(['g3']))[0].desiredCapacity).toBe(2);
  });

  test('conn.executePolicy(\'scale_up\', \'g1\') runs g1\'s policy (boto2: as_group), and resolves true', async () => {
    expect(await conn.executePolicy('scale_up', 'g1')).toBe(true);
    expect((await conn.getAllGroups(['g1']))[0].desiredCapacity).toBe(1);
    expect((await conn.getAllGroups(['g2']))[0].desiredCapacity).toBe(0);
  });

  test('conn.deleteAutoScalingGroup(\'g\', true) force-deletes a group with instances', async () => {
    local.clock.advance('2m');
    let err;
    await conn.deleteAutoScalingGroup('g3').catch((e) => { err = e; });
    expect(err).toBeInstanceOf(BotoServerError);
    expect(err.errorCode).toBe('ResourceInUse');
    await conn.deleteAutoScalingGroup('g3', true);
    local.clock.advance('5m');
    expect(await conn.getAllGroups(['g3'])).toHaveLength(0);
  });
});

describe('misspelt, snake_case or unknown keys are refused with a did-you-mean, before anything is sent', () => {
  test.each([
    ['conn.getAllGroups({ name: [\'g2\'] })', () => conn.getAllGroups({ name: ['g2'] }),
      'AutoScaleConnection.getAllGroups({ names, maxRecords, nextToken, signal, requestTimeout }): unknown option `name`; did you mean `names`?'],
    ['conn.getAllGroups({ group_names: [\'g2\'] })', () => conn.getAllGroups({ group_names: ['g2'] }),
      'AutoScaleConnection.getAllGroups({ names, maxRecords, nextToken, signal, requestTimeout }): unknown option `group_names`; did you mean `names`?'],
    ['conn.getAllPolicies({ as_group: \'g2\' })', () => conn.getAllPolicies({ as_group: 'g2' }),
      'AutoScaleConnection.getAllPolicies({ asGroup, policyNames, maxRecords, nextToken, signal, requestTimeout }): unknown option `as_group`; did you mean `asGroup`?'],
    ['cw.describeAlarms({ alarm_names: [\'a2\'] })', () => cw.describeAlarms({ alarm_names: ['a2'] }),
      'CloudWatchConnection.describeAlarms({ actionPrefix, alarmNamePrefix, alarmNames, maxRecords, stateValue, nextToken, signal, requestTimeout }): unknown option `alarm_names`; did you mean `alarmNames`?'],
    ['elb.getAllLoadBalancers({ names: [\'lb1\'] })', () => elb.getAllLoadBalancers({ names: ['lb1'] }),
      'ELBConnection.getAllLoadBalancers({ loadBalancerNames, marker, nextToken, pageSize, signal, requestTimeout }): unknown option `names`; did you mean `loadBalancerNames`?'],
    ['conn.deleteAutoScalingGroup(\'g1\', { force: true })', () => conn.deleteAutoScalingGroup('g1', { force: true }),
      'AutoScaleConnection.deleteAutoScalingGroup(name, { forceDelete, signal, requestTimeout }): unknown option `force`; did you mean `forceDelete`?'],
    ['ec2.getAllInstances(null, { \'instance-state-name\': \'running\' })', () => ec2.getAllInstances(null, { 'instance-state-name': 'running' }),
      'EC2Connection.getAllInstances(instanceIds?, { filters, maxResults, nextToken, signal, requestTimeout }): unknown option `instance-state-name`'],
  ])('%s', async (_habit, call, message) => {
    expect(await clientError(call)).toBe(message);
  });

  test.each([
    ['new LaunchConfiguration({ name, imageId, key_name: \'ops\' })', () => new LaunchConfiguration({ name: 'lc2', imageId: 'ami-12345678', key_name: 'ops' }), 'key_name', 'keyName'],
    ['new MetricAlarm({ ..., alarm_actions: [arn] })', () => new MetricAlarm({ name: 'x', metric: 'CPUUtilization', alarm_actions: ['arn:aws:sns:us-east-1:123456789012:ops'] }), 'alarm_actions', 'alarmActions'],
    ['new HealthCheck({ healthy_threshold: 7 })', () => new HealthCheck({ healthy_threshold: 7 }), 'healthy_threshold', 'healthyThreshold'],
    ['new AutoScalingGroup({ launch_config: \'lc\' })', () => new AutoScalingGroup({ name: 'g', launch_config: 'lc' }), 'launch_config', 'launchConfig'],
    ['new ScalingPolicy({ as_name: \'g1\' })', () => new ScalingPolicy({ name: 'p', as_name: 'g1' }), 'as_name', 'asName'],
  ])('%s', async (_habit, construct, key, meant) => {
    const message = await clientError(construct);
    expect(message).toMatch(/^new \w+\(\{ connection, /);
    expect(message.endsWith(`: unknown option \`${key}\`; did you mean \`${meant}\`?`)).toBe(true);
  });

  test('the exact message of a constructor\'s unknown key', async () => {
    expect(await clientError(() => new HealthCheck({ healthy_threshold: 7 }))).toBe(
      'new HealthCheck({ connection, accessPoint, interval, target, healthyThreshold, timeout, unhealthyThreshold }): unknown option `healthy_threshold`; did you mean `healthyThreshold`?',
    );
  });
});

describe('missing, extra and wrong-kind arguments', () => {
  test.each([
    ['conn.createAutoScalingGroup()', () => conn.createAutoScalingGroup(),
      'AutoScaleConnection.createAutoScalingGroup(asGroup, { signal, requestTimeout }): `asGroup` is required'],
    ['conn.createAutoScalingGroup({ name: \'g\', ... }) (an object, not an AutoScalingGroup)', () => conn.createAutoScalingGroup({ name: 'g', launchConfig: 'lc', minSize: 0, maxSize: 1 }),
      'AutoScaleConnection.createAutoScalingGroup(asGroup, { signal, requestTimeout }): `asGroup` is required (the first argument is the options object)'],
    ['conn.createAutoScalingGroup(group, \'extra\')', () => conn.createAutoScalingGroup(new AutoScalingGroup({ name: 'g9' }), 'extra'),
      'AutoScaleConnection.createAutoScalingGroup(asGroup, { signal, requestTimeout }): the second argument must be the options object, got "extra"'],
    ['conn.setDesiredCapacity(\'g1\')', () => conn.setDesiredCapacity('g1'),
      'AutoScaleConnection.setDesiredCapacity(groupName, desiredCapacity, { honorCooldown, signal, requestTimeout }): `desiredCapacity` is required'],
    ['conn.setDesiredCapacity(\'g1\', 1, true, \'now\')', () => conn.setDesiredCapacity('g1', 1, true, 'now'),
      'AutoScaleConnection.setDesiredCapacity(groupName, desiredCapacity, { honorCooldown, signal, requestTimeout }): the fourth argument must be the options object, got "now"'],
    ['conn.executePolicy(\'scale_up\', \'g1\', true, { asGroup: \'g2\' })', () => conn.executePolicy('scale_up', 'g1', true, { asGroup: 'g2' }),
      'AutoScaleConnection.executePolicy(policyName, { asGroup, honorCooldown, signal, requestTimeout }): `asGroup` is given twice: as an argument and in the options object'],
    ['lb.createListener()', async () => (await elb.getAllLoadBalancers(['lb2']))[0].createListener(),
      'LoadBalancer.createListener(inPort, { outPort, proto, signal, requestTimeout }): `inPort` is required'],
    ['cw.putMetricAlarm()', () => cw.putMetricAlarm(),
      'CloudWatchConnection.putMetricAlarm(alarm, { signal, requestTimeout }): `alarm` is required'],
    ['cw.deleteAlarms(\'a1\', \'a2\')', () => cw.deleteAlarms('a1', 'a2'),
      'CloudWatchConnection.deleteAlarms(alarms, { signal, requestTimeout }): the second argument must be the options object, got "a2"'],
    ['elb.registerInstances(\'lb1\')', () => elb.registerInstances('lb1'),
      'ELBConnection.registerInstances(loadBalancerName, instances, { signal, requestTimeout }): `instances` is required'],
  ])('%s', async (_habit, call, message) => {
    expect(await clientError(call)).toBe(message);
  });

  test('list calls still answer with a PagedRequest, which rejects', async () => {
    const paged = conn.getAllGroups({ nmes: ['g1'] });
    expect(typeof paged.then).toBe('function');
    let err;
    await paged.then(undefined, (e) => { err = e; });
    expect(err).toBeInstanceOf(BotoClientError);
    expect(err.message).toBe('AutoScaleConnection.getAllGroups({ names, maxRecords, nextToken, signal, requestTimeout }): unknown option `nmes`; did you mean `names`?');
  });

  test('nothing is sent for a refused call', async () => {
    expect(await clientError(() => conn.setDesiredCapacity('g2', 3, { honor_cooldown: true }))).toBe(
      'AutoScaleConnection.setDesiredCapacity(groupName, desiredCapacity, { honorCooldown, signal, requestTimeout }): unknown option `honor_cooldown`; did you mean `honorCooldown`?',
    );
    expect((await conn.getAllGroups(['g2']))[0].desiredCapacity).toBe(0);
  });
});

describe('errors print compactly in the REPL', () => {
  test('util.inspect of a BotoServerError shows status, code, message and request id, the SDK cause only on request, never the secret', async () => {
    let err;
    await conn.executePolicy('no_such_policy', 'g1').catch((e) => { err = e; });
    expect(err).toBeInstanceOf(BotoServerError);
    const shown = util.inspect(err);
    const [first, second] = shown.split('\n');
    expect(first).toBe(`BotoServerError: 400 Bad Request ValidationError: ${err.message}`);
    expect(second).toBe(`  requestId: ${err.requestId}`);
    expect(err.requestId).toMatch(/\S/);
    expect(shown).not.toMatch(/cause|\$metadata|\$response/);
    expect(shown.split('\n').length).toBeLessThan(20);
    expect(err.cause).toBeDefined();
    const withCause = util.inspect(err, { showCause: true });
    expect(withCause).toMatch(/\[cause\]: /);
    for (const text of [shown, withCause, String(err), JSON.stringify(err)]) expect(text).not.toContain(SECRET);
  });
});
