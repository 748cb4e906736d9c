import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatConfigError } from '../../src/ctl/config/errors';
import { durationSeconds, isValidPeriod } from '../../src/ctl/config/durations';
import { parseConfig, type LoadResult } from '../../src/ctl/config/load';
import type { DesiredState } from '../../src/ctl/model/types';

const FIXTURE = join(__dirname, 'fixtures', 'autoscale.yaml');

function errorsOf(text: string): string[] {
  const r = parseConfig(text, 'bad.yaml');
  if (r.ok) throw new Error('expected errors, the file was accepted');
  return r.errors.map(formatConfigError);
}

function desiredOf(text: string): DesiredState {
  const r: LoadResult = parseConfig(text, 'good.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
  return r.config.desired;
}

/** A valid group to build on. */
const GROUP = `    min_size: 1
    max_size: 4
    ami: ami-1
    zones: [us-east-1a]
`;

describe('the original sample format', () => {
  const desired = desiredOf(readFileSync(FIXTURE, 'utf8'));

  test('reads region, the three groups in file order, and the top-level defaults', () => {
    expect(desired.region).toBe('us-west-1');
    expect(desired.groups.map((g) => g.name)).toEqual(['backend', 'stage', 'frontend']);
    expect(desired.loadBalancers).toEqual([]);
  });

  test('a group: sizes, launch configuration, tags, notification topic from the top level', () => {
    const backend = desired.groups[0];
    expect(backend).toEqual({
      name: 'backend',
      minSize: 2,
      maxSize: 8,
      capacity: 2,
      launchConfig: {
        imageId: 'ami-0a1b2c3d',
        keyName: 'ops',
        securityGroups: ['backend'],
        instanceType: 'c1.medium',
        userData: '#!/bin/bash\nset -e\necho "role=$(curl -s http://169.254.169.254/latest/meta-data/ami-id)" >> /etc/instance-info\n/usr/local/bin/bootstrap --pull-latest',
        instanceMonitoring: false,
        blockDevices: [],
      },
      zones: ['us-west-1a', 'us-west-1b'],
      subnets: [],
      loadBalancers: [],
      tags: [{ key: 'role', value: 'backend', propagateAtLaunch: false }],
      notificationTopic: 'arn:aws:sns:us-west-1:123456789012:autoscale-events',
      policies: [
        { name: 'backend|scale_up', shortName: 'scale_up', group: 'backend', adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 50, cooldown: 300 },
        { name: 'backend|scale_down', shortName: 'scale_down', group: 'backend', adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: -25, cooldown: 600 },
      ],
      alarms: [
        {
          name: 'backend|scale_up|CPUUtilization', group: 'backend', policy: 'backend|scale_up', metric: 'CPUUtilization', namespace: 'AWS/EC2',
          statistic: 'Average', period: 60, evaluationPeriods: 2, threshold: 70, comparison: 'GreaterThanThreshold', dimensions: { AutoScalingGroupName: 'backend' },
        },
        {
          name: 'backend|scale_down|CPUUtilization', group: 'backend', policy: 'backend|scale_down', metric: 'CPUUtilization', namespace: 'AWS/EC2',
          statistic: 'Average', period: 300, evaluationPeriods: 2, threshold: 20, comparison: 'LessThanThreshold', dimensions: { AutoScalingGroupName: 'backend' },
        },
      ],
      scheduledActions: [],
      lifecycleHooks: [],
    });
  });

  test('comparisons >= and <= map to CloudWatch operator names', () => {
    expect(desired.groups[1]?.alarms.map((a) => a.comparison)).toEqual(['GreaterThanOrEqualToThreshold', 'LessThanOrEqualToThreshold']);
  });
});

describe('defaults and the extensions', () => {
  test('alarm defaults: AWS/EC2, Average, 300 s, one period, the AutoScalingGroupName dimension; instance type m1.small', () => {
    const d = desiredOf(`groups:\n  web:\n${GROUP}    alarms:\n      - {metric: CPUUtilization, policy: up, comparison: GreaterThanThreshold, threshold: '70.5'}\n    policies:\n      up: {type: ChangeInCapacity, adjustment: 1}\n`);
    const g = d.groups[0];
    expect(g?.launchConfig.instanceType).toBe('m1.small');
    expect(g?.alarms).toEqual([{
      name: 'web|up|CPUUtilization', group: 'web', policy: 'web|up', metric: 'CPUUtilization', namespace: 'AWS/EC2', statistic: 'Average',
      period: 300, evaluationPeriods: 1, threshold: 70.5, comparison: 'GreaterThanThreshold', dimensions: { AutoScalingGroupName: 'web' },
    }]);
    expect(g?.policies).toEqual([{ name: 'web|up', shortName: 'up', group: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: 1 }]);
    expect(g?.notificationTopic).toBeUndefined();
  });

  test('a group policy overrides the top-level one of the same name; the others still apply', () => {
    const d = desiredOf(`policies:\n  up: {type: ChangeInCapacity, adjustment: 1, cooldown: 5m}\n  down: {type: ChangeInCapacity, adjustment: -1}\ngroups:\n  web:\n${GROUP}    policies:\n      up: {type: PercentChangeInCapacity, adjustment: 20, min_adjustment_step: 2}\n`);
    expect(d.groups[0]?.policies).toEqual([
      { name: 'web|up', shortName: 'up', group: 'web', adjustmentType: 'PercentChangeInCapacity', scalingAdjustment: 20, minAdjustmentStep: 2 },
      { name: 'web|down', shortName: 'down', group: 'web', adjustmentType: 'ChangeInCapacity', scalingAdjustment: -1 },
    ]);
  });

  test('group user_data and notification_topic override the top level; notification_topic: null turns notifications off', () => {
    const d = desiredOf(`user_data: top\nnotification_topic: arn:aws:sns:us-east-1:1:t\ngroups:\n  a:\n${GROUP}    user_data: [one, two]\n  b:\n${GROUP}    notification_topic: null\n`);
    expect(d.groups.map((g) => [g.launchConfig.userData, g.notificationTopic])).toEqual([['one\ntwo', 'arn:aws:sns:us-east-1:1:t'], ['top', undefined]]);
  });

  test('every extension of a group', () => {
    const d = desiredOf(`groups:
  web:
    min_size: 0
    max_size: 10
    capacity: 0
    ami: ami-1
    vpc_zone_identifier: subnet-1, subnet-2
    security_groups: [sg-1, sg-2]
    load_balancers: [web-lb]
    health_check_type: ELB
    health_check_period: 2m
    default_cooldown: 90s
    termination_policies: [OldestInstance, Default]
    spot_price: '0.05'
    instance_monitoring: true
    iam_instance_profile: web-role
    block_devices:
      /dev/sdb: {virtual_name: ephemeral0}
      /dev/sda1: {volume_size: 30, volume_type: gp2, delete_on_termination: true}
    tags:
      team: {value: payments, propagate_at_launch: true}
      cost: 42
    scheduled_actions:
      nightly: {recurrence: '0 2 * * *', capacity: 1}
      launch-day: {start_time: '2030-05-01T08:00:00Z', min_size: 4, max_size: 10}
    alarms:
      - metric: ApproximateNumberOfMessagesVisible
        namespace: AWS/SQS
        statistic: Sum
        unit: Count
        dimensions: {QueueName: jobs}
        period: 1m
        evaluation_periods: 3
        threshold: 1000
        comparison: '>'
        policy: up
    policies:
      up: {type: ChangeInCapacity, adjustment: 2, cooldown: 1h}
`);
    const g = d.groups[0];
    expect(g).toMatchObject({
      minSize: 0, maxSize: 10, capacity: 0, zones: [], subnets: ['subnet-1', 'subnet-2'], loadBalancers: ['web-lb'], healthCheckType: 'ELB',
      healthCheckPeriod: 120, defaultCooldown: 90, terminationPolicies: ['OldestInstance', 'Default'],
      tags: [{ key: 'team', value: 'payments', propagateAtLaunch: true }, { key: 'cost', value: '42', propagateAtLaunch: false }],
    });
    expect(g?.launchConfig).toEqual({
      imageId: 'ami-1', securityGroups: ['sg-1', 'sg-2'], instanceType: 'm1.small', spotPrice: 0.05, instanceMonitoring: true, iamInstanceProfile: 'web-role',
      blockDevices: [
        { deviceName: '/dev/sdb', virtualName: 'ephemeral0' },
        { deviceName: '/dev/sda1', volumeSize: 30, volumeType: 'gp2', deleteOnTermination: true },
      ],
    });
    expect(g?.scheduledActions).toEqual([
      { name: 'nightly', group: 'web', recurrence: '0 2 * * *', desiredCapacity: 1 },
      { name: 'launch-day', group: 'web', startTime: '2030-05-01T08:00:00.000Z', minSize: 4, maxSize: 10 },
    ]);
    expect(g?.alarms[0]).toEqual({
      name: 'web|up|ApproximateNumberOfMessagesVisible', group: 'web', policy: 'web|up', metric: 'ApproximateNumberOfMessagesVisible', namespace: 'AWS/SQS',
      statistic: 'Sum', period: 60, evaluationPeriods: 3, threshold: 1000, comparison: 'GreaterThanThreshold', dimensions: { QueueName: 'jobs' }, unit: 'Count',
    });
    expect(g?.policies[0]?.cooldown).toBe(3600);
  });

  test('a load balancer section with every option', () => {
    const d = desiredOf(`groups: {}
load_balancers:
  web-lb:
    subnets: [subnet-1]
    security_groups: [sg-1]
    scheme: internal
    listeners:
      - [80, 8080, http]
      - {load_balancer_port: 443, instance_port: 8443, protocol: HTTPS, instance_protocol: http, ssl_certificate_id: 'arn:aws:iam::1:server-certificate/web'}
    health_check: {target: 'HTTP:8080/health', interval: 20s, timeout: 4, healthy_threshold: 3, unhealthy_threshold: 5}
    cookie_stickiness: {type: lb, expiration: 10m}
    cross_zone: true
    connection_draining: 5m
  tcp-lb:
    zones: us-east-1a
    listeners: [[22, 22, tcp]]
    connection_draining: false
`);
    expect(d.loadBalancers).toEqual([
      {
        name: 'web-lb', zones: [], subnets: ['subnet-1'], securityGroups: ['sg-1'], scheme: 'internal',
        listeners: [
          { loadBalancerPort: 80, instancePort: 8080, protocol: 'HTTP' },
          { loadBalancerPort: 443, instancePort: 8443, protocol: 'HTTPS', instanceProtocol: 'HTTP', sslCertificateId: 'arn:aws:iam::1:server-certificate/web' },
        ],
        healthCheck: { target: 'HTTP:8080/health', interval: 20, timeout: 4, healthyThreshold: 3, unhealthyThreshold: 5 },
        stickiness: { type: 'lb', expiration: 600 },
        crossZone: true,
        connectionDraining: { enabled: true, timeout: 300 },
      },
      {
        name: 'tcp-lb', zones: ['us-east-1a'], subnets: [], securityGroups: [], scheme: 'internet-facing',
        listeners: [{ loadBalancerPort: 22, instancePort: 22, protocol: 'TCP' }],
        connectionDraining: { enabled: false },
      },
    ]);
  });
});

describe('durations', () => {
  test.each([
    [300, 300], ['300', 300], ['90s', 90], ['5m', 300], ['1h', 3600], ['1h30m', 5400], ['1d', 86400],
  ])('%p is %p seconds', (input, seconds) => {
    expect(durationSeconds(input)).toBe(seconds);
  });

  test.each([[-1], [1.5], ['5 minutes'], ['m'], [''], [true]])('%p is not a duration', (input) => {
    expect(durationSeconds(input)).toBeUndefined();
  });

  test('alarm periods: 10, 20, 30 or multiples of 60 (PutMetricAlarm; the span is checked apart)', () => {
    expect([10, 20, 30, 60, 120, 300, 86400, 86460].every(isValidPeriod)).toBe(true);
    expect([0, 1, 15, 45, 90, -60].some(isValidPeriod)).toBe(false);
  });
});

describe('every error, with the file, line and column of the offending key', () => {
  test('unknown keys at every level, with a suggestion when one is close', () => {
    expect(errorsOf(`regoin: us-east-1
groups:
  web:
${GROUP}    min_sise: 2
    alarms:
      - {metric: CPU, policy: up, comparison: '>', threshold: 1, treshold: 2}
    policies:
      up: {type: ChangeInCapacity, adjustment: 1, cooldwn: 60}
    tags:
      a: {value: 1, propagate: true}
`)).toEqual([
      'bad.yaml:1:1: regoin: unknown key "regoin" (did you mean "region"?)',
      'bad.yaml:8:5: groups.web.min_sise: unknown key "min_sise" (did you mean "min_size"?)',
      'bad.yaml:10:66: groups.web.alarms[0].treshold: unknown key "treshold" (did you mean "threshold"?)',
      'bad.yaml:12:51: groups.web.policies.up.cooldwn: unknown key "cooldwn" (did you mean "cooldown"?)',
      'bad.yaml:14:21: groups.web.tags.a.propagate: unknown key "propagate" (did you mean "propagate_at_launch"?)',
    ]);
  });

  test('wrong types and missing required keys', () => {
    expect(errorsOf(`region: 1
groups:
  web:
    min_size: two
    max_size: 2.5
    ami: [x]
    zones: {a: 1}
    instance_monitoring: 'yes'
  api:
    max_size: 1
    zones: [a]
`)).toEqual([
      'bad.yaml:1:1: region: must be a string, got 1',
      'bad.yaml:4:5: groups.web.min_size: must be a number, got "two"',
      'bad.yaml:5:5: groups.web.max_size: must be an integer, got 2.5',
      'bad.yaml:6:5: groups.web.ami: must be a string, got a list',
      'bad.yaml:7:5: groups.web.zones: must be a string or a list of strings, got a map',
      'bad.yaml:8:5: groups.web.instance_monitoring: must be true or false, got "yes"',
      'bad.yaml:9:3: groups.api: missing required key "ami"',
      'bad.yaml:9:3: groups.api: missing required key "min_size"',
    ]);
  });

  test('min_size greater than max_size, and capacity outside [min_size, max_size]', () => {
    expect(errorsOf(`groups:
  a:
    min_size: 5
    max_size: 3
    ami: x
    zones: [z]
  b:
    min_size: 2
    max_size: 4
    capacity: 1
    ami: x
    zones: [z]
  c:
    min_size: 2
    max_size: 4
    capacity: 5
    ami: x
    zones: [z]
`)).toEqual([
      'bad.yaml:3:5: groups.a.min_size: min_size (5) is greater than max_size (3)',
      'bad.yaml:10:5: groups.b.capacity: capacity (1) is less than min_size (2)',
      'bad.yaml:16:5: groups.c.capacity: capacity (5) is greater than max_size (4)',
    ]);
  });

  test('an alarm naming a missing policy, a bad comparison, an unknown adjustment type', () => {
    expect(errorsOf(`policies:
  scale_up: {type: PercentChange, adjustment: 10}
groups:
  web:
${GROUP}    alarms:
      - metric: CPUUtilization
        policy: scale_upp
        comparison: '=>'
        threshold: 70
`)).toEqual([
      'bad.yaml:2:14: policies.scale_up.type: must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, Step, TargetTracking; got "PercentChange" (did you mean "PercentChangeInCapacity"?)',
      'bad.yaml:11:9: groups.web.alarms[0].policy: alarm names policy "scale_upp", which is not defined (defined: scale_up) (did you mean "scale_up"?)',
      'bad.yaml:12:9: groups.web.alarms[0].comparison: must be one of >, >=, <, <= or GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold, got "=>"',
    ]);
  });

  test('an alarm when no policies are defined at all', () => {
    expect(errorsOf(`groups:\n  web:\n${GROUP}    alarms: [{metric: CPU, policy: up, comparison: '<', threshold: 1}]\n`)).toEqual([
      'bad.yaml:7:28: groups.web.alarms[0].policy: alarm names policy "up", which is not defined (no policies are defined)',
    ]);
  });

  test('duplicate names: a group twice (both copies are checked), an alarm twice (same policy and metric), a listener port twice', () => {
    expect(errorsOf(`policies:
  up: {type: ChangeInCapacity, adjustment: 1}
groups:
  web:
${GROUP}    alarms:
      - {metric: CPU, policy: up, comparison: '>', threshold: 1}
      - {metric: CPU, policy: up, comparison: '>', threshold: 2}
  web:
    min_size: 3
    max_size: 1
    ami: x
    zones: [z]
load_balancers:
  lb:
    zones: [z]
    listeners: [[80, 80, http], [80, 81, http]]
`)).toEqual([
      'bad.yaml:11:9: groups.web.alarms[1]: duplicate alarm "web|up|CPU": alarms[0] has the same policy and metric (alarm names are <group>|<policy>|<metric>)',
      'bad.yaml:12:3: groups.web: duplicate key "web" (first at line 4)',
      'bad.yaml:13:5: groups.web.min_size: min_size (3) is greater than max_size (1)',
      'bad.yaml:20:33: load_balancers.lb.listeners[1]: duplicate listener on load balancer port 80 (listeners[0] uses it)',
    ]);
  });

  test('bad durations and periods', () => {
    expect(errorsOf(`policies:
  up: {type: ChangeInCapacity, adjustment: 1, cooldown: 5 minutes}
groups:
  web:
${GROUP}    default_cooldown: -5
    alarms:
      - {metric: CPU, policy: up, comparison: '>', threshold: 1, period: 45}
      - {metric: Mem, policy: up, comparison: '>', threshold: 1, period: 1h, evaluation_periods: 200}
`)).toEqual([
      'bad.yaml:2:47: policies.up.cooldown: must be a duration: seconds (300) or a string such as "90s", "5m", "1h"; got "5 minutes"',
      'bad.yaml:9:5: groups.web.default_cooldown: must be a duration: seconds (300) or a string such as "90s", "5m", "1h"; got -5',
      'bad.yaml:11:66: groups.web.alarms[0].period: must be 10, 20, 30 or a multiple of 60 seconds; got 45',
      'bad.yaml:12:78: groups.web.alarms[1].evaluation_periods: period × evaluation_periods is 720000 seconds; CloudWatch allows at most 604800',
    ]);
  });

  test('group-level rules: zones or subnets, one way to give security groups, reserved tags, names the naming rules cannot use', () => {
    expect(errorsOf(`groups:
  'a|b':
    min_size: 1
    max_size: 1
    ami: x
    security_group: web
    security_groups: [web]
    tags:
      'aws:team': x
      'autoscalectl:managed': 'false'
    policies:
      'up|down': {type: ExactCapacity, adjustment: 1, min_adjustment_step: 1}
`)).toEqual([
      'bad.yaml:2:3: groups.a|b: a group needs zones or vpc_zone_identifier',
      'bad.yaml:2:3: groups.a|b: group name "a|b" must be 1 to 240 characters without "|" (the naming rules use it)',
      'bad.yaml:7:5: groups.a|b.security_groups: give security_group or security_groups, not both',
      'bad.yaml:9:7: groups.a|b.tags.aws:team: tag keys starting with "aws:" are reserved',
      'bad.yaml:10:7: groups.a|b.tags.autoscalectl:managed: tag keys starting with "autoscalectl:" are reserved',
      'bad.yaml:12:7: groups.a|b.policies.up|down: policy name "up|down" must be 1 to 200 characters without "|" (the naming rule <group>|<policy> uses it)',
      'bad.yaml:12:55: groups.a|b.policies.up|down.min_adjustment_step: min_adjustment_step is allowed only with type PercentChangeInCapacity, not ExactCapacity',
    ]);
  });

  test('scheduled actions need a size and a time; end after start', () => {
    expect(errorsOf(`groups:
  web:
${GROUP}    scheduled_actions:
      empty: {recurrence: '0 1 * * *'}
      backwards: {start_time: '2030-01-02T00:00:00Z', end_time: '2030-01-01T00:00:00Z', capacity: 9, min_size: 1, max_size: 2}
      when: {start_time: 'tomorrow', min_size: 1}
`)).toEqual([
      'bad.yaml:8:7: groups.web.scheduled_actions.empty: a scheduled action needs at least one of min_size, max_size, capacity',
      'bad.yaml:9:55: groups.web.scheduled_actions.backwards.end_time: end_time must be after start_time',
      'bad.yaml:9:89: groups.web.scheduled_actions.backwards.capacity: capacity (9) is greater than max_size (2) in this scheduled action',
      'bad.yaml:10:14: groups.web.scheduled_actions.when.start_time: start_time must be a date and time such as 2024-05-01T08:00:00Z; got "tomorrow"',
    ]);
  });

  test('load balancer rules', () => {
    expect(errorsOf(`groups: {}
load_balancers:
  web_lb:
    zones: [a]
    subnets: [s]
    listeners:
      - [443, 8443, https]
      - {load_balancer_port: 80, instance_port: 8080, protocol: htp}
    cookie_stickiness: {type: app}
    health_check: {target: 'HTTP:80', interval: 5, timeout: 5}
  tcp:
    listeners: [[22, 22, tcp]]
    cookie_stickiness: {type: lb}
  none:
    zones: [a]
    listeners: []
`)).toEqual([
      'bad.yaml:3:3: load_balancers.web_lb: load balancer name "web_lb" must be 1 to 32 letters, digits and hyphens, not starting or ending with a hyphen',
      'bad.yaml:5:5: load_balancers.web_lb.subnets: give zones or subnets, not both',
      'bad.yaml:7:9: load_balancers.web_lb.listeners[0]: an HTTPS listener needs an ssl_certificate_id',
      'bad.yaml:8:55: load_balancers.web_lb.listeners[1].protocol: protocol must be one of HTTP, HTTPS, TCP, SSL (any case); got "htp"',
      'bad.yaml:9:5: load_balancers.web_lb.cookie_stickiness: missing required key "cookie_name"',
      'bad.yaml:10:20: load_balancers.web_lb.health_check.target: target must be HTTP:port/path, HTTPS:port/path, TCP:port or SSL:port; got "HTTP:80"',
      'bad.yaml:10:52: load_balancers.web_lb.health_check.timeout: timeout (5 s) must be less than interval (5 s)',
      'bad.yaml:11:3: load_balancers.tcp: a load balancer needs zones or subnets',
      'bad.yaml:13:5: load_balancers.tcp.cookie_stickiness: cookie stickiness needs an HTTP or HTTPS listener',
      'bad.yaml:16:5: load_balancers.none.listeners: needs at least 1 item',
    ]);
  });

  test('several errors in one file: all of them, in file order', () => {
    const errors = errorsOf(`region: us-west-1
groups:
  backend:
    min_size: 4
    max_size: 2
    ami: ami-1
    zones: [us-west-1a]
    colour: blue
    alarms:
      - {metric: CPUUtilization, policy: missing, comparison: '>', threshold: 1}
policies:
  up: {type: Whatever, adjustment: 1}
`);
    expect(errors).toEqual([
      'bad.yaml:4:5: groups.backend.min_size: min_size (4) is greater than max_size (2)',
      'bad.yaml:8:5: groups.backend.colour: unknown key "colour"',
      'bad.yaml:10:34: groups.backend.alarms[0].policy: alarm names policy "missing", which is not defined (defined: up)',
      'bad.yaml:12:8: policies.up.type: must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, Step, TargetTracking; got "Whatever"',
    ]);
  });

  test('YAML syntax errors, an empty file, a file that is not a map', () => {
    expect(errorsOf('groups:\n  web: [1, 2\n')).toEqual([
      'bad.yaml:3:1: YAML: Flow sequence in block collection must be sufficiently indented and end with a ]',
    ]);
    expect(errorsOf('')).toEqual(['bad.yaml:1:1: the file is empty: it needs at least "groups"']);
    expect(errorsOf('- a\n- b\n')).toEqual(['bad.yaml:1:1: the file must be a map of region, groups, policies, ...']);
    expect(errorsOf('region: x\n')).toEqual(['bad.yaml:1:1: missing required key "groups"']);
  });
});

describe('launch: template or configuration', () => {
  test('per group, or top-level for every group without its own', () => {
    const d = desiredOf(`launch: configuration\ngroups:\n  web:\n${GROUP}    launch: template\n  api:\n${GROUP}`);
    expect(d.groups.map((g) => [g.name, g.launch])).toEqual([['web', 'template'], ['api', 'configuration']]);
    expect(desiredOf(`groups:\n  web:\n${GROUP}`).groups[0]?.launch).toBeUndefined();
  });

  test('anything else is an error naming what is allowed', () => {
    expect(errorsOf(`groups:\n  web:\n${GROUP}    launch: templates\n`)).toEqual([
      'bad.yaml:7:5: groups.web.launch: must be one of template, configuration; got "templates" (did you mean "template"?)',
    ]);
  });

  test('a group whose name cannot name a launch template cannot ask for one', () => {
    expect(errorsOf(`launch: template\ngroups:\n  db:\n${GROUP}`)).toEqual([
      expect.stringContaining('group name "db" cannot name its launch template (3 to 128 of a-z A-Z 0-9 ( ) . - / _): rename the group, or say launch: configuration'),
    ]);
  });
});
