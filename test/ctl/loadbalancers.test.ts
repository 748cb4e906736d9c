import { Harness, tally } from './harness';

const LB = `region: us-west-1
load_balancers:
  web-lb:
    zones: [us-west-1a, us-west-1b]
    listeners:
      - [80, 8080, http]
    health_check: {target: 'HTTP:8080/health', interval: 30, timeout: 5, healthy_threshold: 3, unhealthy_threshold: 5}
    cookie_stickiness: {type: lb, expiration: 600}
    cross_zone: true
    connection_draining: 300
groups:
  web:
    min_size: 1
    max_size: 4
    capacity: 2
    ami: ami-0a1b2c3d
    zones: [us-west-1a, us-west-1b]
    load_balancers: [web-lb]
    health_check_type: ELB
    health_check_period: 5m
    scheduled_actions:
      nightly: {recurrence: '0 2 * * *', capacity: 1}
    policies:
      scale_up: {type: ChangeInCapacity, adjustment: 1, cooldown: 300}
    alarms:
      - metric: Latency
        namespace: AWS/ELB
        statistic: Average
        unit: Seconds
        dimensions: {LoadBalancerName: web-lb}
        period: 60
        evaluation_periods: 3
        threshold: 0.5
        comparison: '>'
        policy: scale_up
`;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.close();
});

test('a load balancer with health check, stickiness, cross-zone and draining, a group behind it scaling on its latency, a scheduled action', async () => {
  const file = h.file('lb.yaml', LB);
  const r = await h.run(['apply', file]);
  expect(r.stderr).not.toContain('FAILED');
  expect(r.code).toBe(0);
  expect(tally(h.counter.mutating)).toEqual({
    CreateLoadBalancer: 1,
    CreateLBCookieStickinessPolicy: 2, // the autoscalectl-managed mark and the stickiness
    ConfigureHealthCheck: 1,
    SetLoadBalancerPoliciesOfListener: 1,
    ModifyLoadBalancerAttributes: 2,
    CreateLaunchTemplate: 1,
    CreateAutoScalingGroup: 1,
    PutScheduledUpdateGroupAction: 1,
    PutScalingPolicy: 1,
    PutMetricAlarm: 1,
  });

  const [lb] = await h.elb().getAllLoadBalancers({ loadBalancerNames: ['web-lb'] });
  expect(lb?.listeners.map((l) => [l.loadBalancerPort, l.instancePort, l.protocol, l.policyNames])).toEqual([[80, 8080, 'HTTP', ['autoscalectl-stickiness']]]);
  expect(lb?.healthCheck).toMatchObject({ target: 'HTTP:8080/health', interval: 30, timeout: 5, healthyThreshold: 3, unhealthyThreshold: 5 });
  expect(lb?.policies?.lbCookieStickinessPolicies?.map((p) => [p.policyName, p.cookieExpirationPeriod]).sort()).toEqual([['autoscalectl-managed', undefined], ['autoscalectl-stickiness', 600]]);
  const attrs = await h.elb().getAllLbAttributes('web-lb');
  expect(attrs.crossZoneLoadBalancing.enabled).toBe(true);
  expect([attrs.connectionDraining.enabled, attrs.connectionDraining.timeout]).toEqual([true, 300]);

  const [group] = await h.autoscale().getAllGroups({ names: ['web'] });
  expect(group).toMatchObject({ loadBalancers: ['web-lb'], healthCheckType: 'ELB', healthCheckPeriod: 300 });
  const [action] = await h.autoscale().getAllScheduledActions({ asGroup: 'web' });
  expect(action).toMatchObject({ name: 'nightly', recurrence: '0 2 * * *', desiredCapacity: 1 });
  const [alarm] = await h.cloudwatch().describeAlarms({ alarmNames: ['web|scale_up|Latency'] });
  expect(alarm).toMatchObject({ metric: 'Latency', namespace: 'AWS/ELB', unit: 'Seconds', threshold: 0.5, dimensions: { LoadBalancerName: ['web-lb'] } });

  const again = await h.run(['apply', file]);
  expect(again.stdout).toBe(`No changes: AWS matches ${file}.\n`);
  expect(tally(h.counter.actions)).toEqual({
    DescribeAutoScalingGroups: 1,
    DescribeAlarms: 1,
    DescribeLoadBalancers: 1,
    DescribeLaunchTemplates: 1,
    DescribeLaunchTemplateVersions: 1,
    DescribePolicies: 1,
    DescribeScheduledActions: 1,
    DescribeLoadBalancerAttributes: 1,
    DescribeNotificationConfigurations: 1,
  });
});

test('changing a load balancer: listeners, zones, health check, stickiness, attributes, each one call', async () => {
  await h.run(['apply', h.file('lb.yaml', LB)]);
  const changed = h.file('lb2.yaml', LB
    .replace('[us-west-1a, us-west-1b]\n    listeners', '[us-west-1a, us-west-1c]\n    listeners')
    .replace('      - [80, 8080, http]', '      - [80, 9090, http]\n      - [22, 22, tcp]')
    .replace('interval: 30', 'interval: 20')
    .replace('{type: lb, expiration: 600}', '{type: app, cookie_name: SESSION}')
    .replace('cross_zone: true', 'cross_zone: false')
    .replace('connection_draining: 300', 'connection_draining: 60'));
  const p = await h.run(['plan', changed]);
  expect(p.code).toBe(2);
  expect(p.stdout).toBe([
    '~ update load_balancer web-lb',
    '      listeners: [80/HTTP → 8080/HTTP] → [80/HTTP → 9090, 22/TCP → 22]',
    '      zones: [us-west-1a, us-west-1b] → [us-west-1a, us-west-1c]',
    '      health_check: HTTP:8080/health every 30s, timeout 5s, healthy after 3, unhealthy after 5 → HTTP:8080/health every 20s, timeout 5s, healthy after 3, unhealthy after 5',
    '      cookie_stickiness: lb cookie, expires after 600s on ports 80 → app cookie SESSION on ports 80',
    '      cross_zone: true → false',
    '      connection_draining: {enabled: true, timeout: 300} → {enabled: true, timeout: 60}',
    '',
    'Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.',
    '',
  ].join('\n'));
  const r = await h.run(['apply', changed]);
  expect(r.code).toBe(0);
  expect((await h.run(['plan', changed])).code).toBe(0);
  const [lb] = await h.elb().getAllLoadBalancers({ loadBalancerNames: ['web-lb'] });
  expect(lb?.availabilityZones.sort()).toEqual(['us-west-1a', 'us-west-1c']);
  expect(lb?.listeners.map((l) => [l.loadBalancerPort, l.instancePort, l.policyNames]).sort()).toEqual([[22, 22, []], [80, 9090, ['autoscalectl-stickiness']]]);
  expect(lb?.policies?.appCookieStickinessPolicies?.map((x) => [x.policyName, x.cookieName])).toEqual([['autoscalectl-stickiness', 'SESSION']]);
});

test('a changed load balancer list is an in-place change (AttachLoadBalancers / DetachLoadBalancers) that keeps the instances; --prune deletes a load balancer autoscalectl made', async () => {
  const noLb = LB.replace('    load_balancers: [web-lb]\n', '').replace('    health_check_type: ELB\n', '');
  await h.run(['apply', h.file('nolb.yaml', noLb)]);
  h.local.clock.advance('2m');
  const instances = async (): Promise<string[]> => ((await h.autoscale().getAllGroups({ names: ['web'] }))[0]?.instances ?? []).map((i) => i.instanceId as string).sort();
  const before = await instances();
  expect(before).toHaveLength(2);
  const withLb = h.file('lb.yaml', LB);
  const p = await h.run(['plan', withLb]);
  expect(p.stdout).toContain('~ update group web\n');
  expect(p.stdout).toContain('      load_balancers: [] → [web-lb]\n');
  expect(p.stdout).toContain('Plan: 0 to create, 1 to update, 0 to replace, 0 to delete.');
  const r = await h.run(['apply', withLb]);
  expect(r.stderr).not.toContain('FAILED');
  expect(r.code).toBe(0);
  expect(h.counter.mutating).toEqual(['AttachLoadBalancers', 'UpdateAutoScalingGroup']);
  const [group] = await h.autoscale().getAllGroups({ names: ['web'] });
  expect(group?.loadBalancers).toEqual(['web-lb']);
  expect(await instances()).toEqual(before);
  expect((await h.elb().describeInstanceHealth('web-lb')).map((s) => s.instanceId).sort()).toEqual(before);
  expect((await h.run(['plan', withLb])).code).toBe(0);

  // And back: detached in place, the instances deregistered and kept.
  expect((await h.run(['apply', h.file('nolb.yaml', noLb)])).code).toBe(0);
  expect(h.counter.mutating).toEqual(['DetachLoadBalancers']); // health_check_type left out of the file: kept as it is
  expect(await instances()).toEqual(before);
  expect(await h.elb().describeInstanceHealth('web-lb')).toEqual([]);
  expect((await h.run(['plan', h.file('nolb.yaml', noLb)])).code).toBe(0);
  expect((await h.run(['apply', withLb])).code).toBe(0);

  const none = h.file('none.yaml', 'region: us-west-1\ngroups: {}\n');
  const pruned = await h.run(['apply', none, '--prune', '--yes']);
  expect(pruned.code).toBe(0);
  expect(await h.elb().getAllLoadBalancers().all()).toEqual([]);
  expect(await h.autoscale().getAllGroups().all()).toEqual([]);
  expect(await h.autoscale().getAllLaunchConfigurations().all()).toEqual([]);
  expect(await h.cloudwatch().describeAlarms().all()).toEqual([]);
});
