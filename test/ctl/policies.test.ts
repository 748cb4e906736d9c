/**
 * autoscalectl's step and target-tracking policies and its alarm options, against
 * botoscale local: a file with both applies, a second plan has no changes, and the alarms
 * AWS creates for a target-tracking policy are never planned nor pruned; and every bad
 * input rejected with its line, before any call.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { formatConfigError } from '../../src/ctl/config/errors';
import { parseConfig } from '../../src/ctl/config/load';
import { Harness, tally } from './harness';

const FILE = `region: us-west-1
groups:
  web:
    min_size: 1
    max_size: 10
    capacity: 2
    ami: ami-12345678
    instance_type: m5.large
    zones: [us-west-1a, us-west-1b]
    policies:
      cpu50:
        type: TargetTracking
        metric: cpu
        target: 50
        warmup: 2m
      queue:
        type: TargetTracking
        metric: {name: Backlog, namespace: MyApp, statistic: Average, dimensions: {QueueName: jobs}}
        target: 10
        disable_scale_in: true
      steps:
        type: Step
        adjustment_type: ChangeInCapacity
        aggregation: Maximum
        steps:
          - {upper: 0, adjustment: -1}
          - {lower: 0, upper: 20, adjustment: 1}
          - {lower: 20, adjustment: 3}
    alarms:
      latency_high:
        metric: Latency
        namespace: MyApp
        policy: steps
        comparison: '>'
        threshold: 0.5
        period: 60
        evaluation_periods: 5
        datapoints_to_alarm: 3
        treat_missing_data: notBreaching
`;

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.close();
});

async function alarmNames(): Promise<string[]> {
  return (await h.cloudwatch().describeAlarms().all()).map((a) => a.name ?? '').sort();
}

test('a target-tracking and a step policy apply; a second plan has no changes; --prune never touches the target-tracking alarms', async () => {
  const file = h.file('policies.yaml', FILE);
  const r = await h.run(['apply', file]);
  expect(r.stderr).not.toContain('FAILED');
  expect(r.code).toBe(0);
  expect(r.stdout).toContain('Plan: 6 to create, 0 to update, 0 to replace, 0 to delete.');
  // Only the file's alarm is autoscalectl's: the target-tracking ones are AWS's, never planned.
  expect(tally(h.counter.actions)).toMatchObject({ PutScalingPolicy: 3, PutMetricAlarm: 1 });

  const policies = new Map((await h.autoscale().getAllPolicies({ asGroup: 'web' }).all()).map((p) => [p.name, p]));
  expect(policies.get('web|cpu50')).toMatchObject({
    policyType: 'TargetTrackingScaling', estimatedInstanceWarmup: 120,
    targetTrackingConfiguration: { predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50, disableScaleIn: false },
  });
  expect(policies.get('web|queue')?.targetTrackingConfiguration).toEqual({
    customizedMetric: { metricName: 'Backlog', namespace: 'MyApp', statistic: 'Average', dimensions: { QueueName: 'jobs' } }, targetValue: 10, disableScaleIn: true,
  });
  expect(policies.get('web|steps')).toMatchObject({
    policyType: 'StepScaling', adjustmentType: 'ChangeInCapacity', metricAggregationType: 'Maximum',
    stepAdjustments: [{ upperBound: 0, scalingAdjustment: -1 }, { lowerBound: 0, upperBound: 20, scalingAdjustment: 1 }, { lowerBound: 20, scalingAdjustment: 3 }],
  });
  const [latency] = await h.cloudwatch().describeAlarms({ alarmNames: ['web|steps|Latency'] });
  expect(latency).toMatchObject({ datapointsToAlarm: 3, treatMissingData: 'notBreaching', evaluationPeriods: 5, alarmActions: [policies.get('web|steps')?.policyArn] });
  const tracking = (await alarmNames()).filter((n) => n.startsWith('TargetTracking-'));
  // cpu50's AlarmHigh and AlarmLow; queue's AlarmHigh only (scale-in disabled).
  expect(tracking.map((n) => n.replace(/-[0-9a-f-]{36}$/, '')).sort()).toEqual(['TargetTracking-web-AlarmHigh', 'TargetTracking-web-AlarmHigh', 'TargetTracking-web-AlarmLow']);

  for (const args of [['plan', file], ['plan', file, '--prune']]) {
    const plan = await h.run(args);
    expect([plan.code, plan.stdout, plan.stderr]).toEqual([0, `No changes: AWS matches ${file}.\n`, '']);
  }
  const pruned = await h.run(['apply', file, '--prune']);
  expect([pruned.code, pruned.stdout]).toEqual([0, `No changes: AWS matches ${file}.\n`]);
  expect(h.counter.actions.filter((a) => a === 'DeleteAlarms')).toEqual([]);
  expect((await alarmNames()).filter((n) => n.startsWith('TargetTracking-'))).toEqual(tracking);
});

test('a changed target and steps are updates; dropping a target-tracking policy with --prune deletes the policy, and AWS its alarms', async () => {
  const file = h.file('policies.yaml', FILE);
  expect((await h.run(['apply', file])).code).toBe(0);
  const changedText = FILE.replace('target: 50', 'target: 60').replace('{lower: 20, adjustment: 3}', '{lower: 20, adjustment: 4}');
  const changed = h.file('changed.yaml', changedText);
  const plan = await h.run(['plan', changed]);
  expect(plan.stdout).toContain('Plan: 0 to create, 2 to update, 0 to replace, 0 to delete.');
  expect(plan.stdout).toMatch(/target: 50 → 60/);
  expect((await h.run(['apply', changed])).code).toBe(0);
  expect((await h.run(['plan', changed])).stdout).toBe(`No changes: AWS matches ${changed}.\n`);

  const without = h.file('without.yaml', changedText.replace(/ {6}cpu50:\n(?: {8}.*\n)+/, ''));
  const kept = await h.run(['plan', without]);
  expect(kept.stdout).toContain(`No changes`);
  const prune = await h.run(['apply', without, '--prune']);
  expect(prune.code).toBe(0);
  expect(prune.stdout).toContain('Plan: 0 to create, 0 to update, 0 to replace, 1 to delete.');
  expect(h.counter.actions).not.toContain('DeleteAlarms');
  const names = (await h.autoscale().getAllPolicies({ asGroup: 'web' }).all()).map((p) => p.name).sort();
  expect(names).toEqual(['web|queue', 'web|steps']);
  expect((await alarmNames()).filter((n) => n.startsWith('TargetTracking-')).map((n) => n.replace(/-[0-9a-f-]{36}$/, ''))).toEqual(['TargetTracking-web-AlarmHigh']);
});

describe('bad policies and alarm options: every error with its line, before any call', () => {
  const GROUP = `groups:
  web:
    min_size: 1
    max_size: 4
    ami: ami-1
    zones: [us-west-1a]
    policies:
`;
  function errorsOf(policies: string, alarms = ''): string[] {
    const r = parseConfig(`${GROUP}${policies}${alarms === '' ? '' : `    alarms:\n${alarms}`}`, 'bad.yaml');
    if (r.ok) throw new Error('expected errors, the file was accepted');
    return r.errors.map(formatConfigError);
  }
  const cases: [string, string, string, string[]][] = [
    ['unknown type', '      p: {type: Target, target: 50, metric: cpu}\n', '', [
      'bad.yaml:8:11: groups.web.policies.p.type: must be one of ChangeInCapacity, ExactCapacity, PercentChangeInCapacity, Step, TargetTracking; got "Target" (did you mean "TargetTracking"?)',
    ]],
    ['target tracking needs target and metric', '      p: {type: TargetTracking}\n', '', [
      'bad.yaml:8:7: groups.web.policies.p: a TargetTracking policy needs metric',
      'bad.yaml:8:7: groups.web.policies.p: a TargetTracking policy needs target',
    ]],
    ['keys of another type', '      p: {type: TargetTracking, target: 50, metric: cpu, cooldown: 60, steps: [{lower: 0, adjustment: 1}]}\n', '', [
      'bad.yaml:8:58: groups.web.policies.p.cooldown: cooldown is allowed only with type ChangeInCapacity, ExactCapacity or PercentChangeInCapacity, not TargetTracking',
      'bad.yaml:8:72: groups.web.policies.p.steps: steps is allowed only with type Step, not TargetTracking',
    ]],
    ['simple policy with target-tracking keys', '      p: {type: ChangeInCapacity, adjustment: 1, warmup: 60, target: 5}\n', '', [
      'bad.yaml:8:50: groups.web.policies.p.warmup: warmup is allowed only with type Step or TargetTracking, not ChangeInCapacity',
      'bad.yaml:8:62: groups.web.policies.p.target: target is allowed only with type TargetTracking, not ChangeInCapacity',
    ]],
    ['unknown metric', '      p: {type: TargetTracking, target: 50, metric: memory}\n', '', [
      'bad.yaml:8:45: groups.web.policies.p.metric: must be one of cpu, network_in, network_out, requests_per_target; got "memory"',
    ]],
    ['custom metric: statistic and unknown key', '      p: {type: TargetTracking, target: 5, metric: {name: m, namespace: n, statistic: p90, dimension: {a: b}}}\n', '', [
      'bad.yaml:8:76: groups.web.policies.p.metric.statistic: must be one of Average, Minimum, Maximum, SampleCount, Sum; got "p90"',
      'bad.yaml:8:92: groups.web.policies.p.metric.dimension: unknown key "dimension" (did you mean "dimensions"?)',
    ]],
    ['requests_per_target needs its resource label', '      p: {type: TargetTracking, target: 1000, metric: requests_per_target}\n', '', [
      'bad.yaml:8:7: groups.web.policies.p: metric requests_per_target needs resource_label (app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>)',
    ]],
    ['resource label form, and only with requests_per_target', '      p: {type: TargetTracking, target: 1000, metric: requests_per_target, resource_label: my-alb}\n      q: {type: TargetTracking, target: 50, metric: cpu, resource_label: app/a/1/targetgroup/t/2}\n', '', [
      'bad.yaml:8:76: groups.web.policies.p.resource_label: resource_label must be app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>, got "my-alb"',
      'bad.yaml:9:58: groups.web.policies.q.resource_label: resource_label is allowed only with metric requests_per_target',
    ]],
    ['step needs steps', '      p: {type: Step, adjustment_type: ChangeInCapacity}\n', '', [
      'bad.yaml:8:7: groups.web.policies.p: a Step policy needs steps',
    ]],
    ['steps: a gap, an unknown key, an aggregation', '      p:\n        type: Step\n        aggregation: Median\n        steps:\n          - {lower: 0, upper: 10, adjustment: 1}\n          - {lower: 20, adjustment: 2, cooldown: 5}\n', '', [
      'bad.yaml:10:9: groups.web.policies.p.aggregation: must be one of Minimum, Maximum, Average; got "Median"',
      'bad.yaml:11:9: groups.web.policies.p.steps: steps leave a gap between 10 and 20',
      'bad.yaml:13:40: groups.web.policies.p.steps[1].cooldown: unknown key "cooldown"',
    ]],
    ['steps: a gap', '      p:\n        type: Step\n        steps:\n          - {lower: 0, upper: 10, adjustment: 1}\n          - {lower: 20, adjustment: 2}\n', '', [
      'bad.yaml:10:9: groups.web.policies.p.steps: steps leave a gap between 10 and 20',
    ]],
    ['steps: an overlap', '      p:\n        type: Step\n        steps:\n          - {upper: 10, adjustment: 1}\n          - {lower: 5, adjustment: 2}\n', '', [
      'bad.yaml:10:9: groups.web.policies.p.steps: steps [null, 10] and [5, null] overlap',
    ]],
    ['steps: a positive upper bound needs an open step above', '      p:\n        type: Step\n        steps:\n          - {lower: 0, upper: 10, adjustment: 1}\n', '', [
      'bad.yaml:10:9: groups.web.policies.p.steps: steps has a positive upper (10), so one step must have a null upper',
    ]],
    ['steps: both bounds open; bounds the wrong way', '      p:\n        type: Step\n        steps:\n          - {adjustment: 1}\n      q:\n        type: Step\n        steps:\n          - {lower: 10, upper: 5, adjustment: 1}\n', '', [
      "bad.yaml:10:9: groups.web.policies.p.steps: steps[0] needs a lower or an upper (both can't be null)",
      'bad.yaml:14:9: groups.web.policies.q.steps: steps[0].upper (5) must be greater than its lower (10)',
    ]],
    ['exact capacity steps and min_adjustment_step', '      p:\n        type: Step\n        adjustment_type: ExactCapacity\n        min_adjustment_step: 2\n        steps:\n          - {lower: 0, adjustment: -1}\n', '', [
      'bad.yaml:11:9: groups.web.policies.p.min_adjustment_step: min_adjustment_step is allowed only with adjustment_type PercentChangeInCapacity, not ExactCapacity',
      'bad.yaml:13:24: groups.web.policies.p.steps[0].adjustment: adjustment must not be negative with adjustment_type ExactCapacity, got -1',
    ]],
    ['simple policy without adjustment', '      p: {type: ChangeInCapacity}\n', '', [
      'bad.yaml:8:7: groups.web.policies.p: a ChangeInCapacity policy needs adjustment',
    ]],
    ['an alarm may not run a target-tracking policy', '      cpu: {type: TargetTracking, target: 50, metric: cpu}\n', '      - {metric: CPUUtilization, policy: cpu, comparison: ">", threshold: 50}\n', [
      'bad.yaml:10:34: groups.web.alarms[0].policy: policy "cpu" is a TargetTracking policy: AWS creates and owns its alarms, so no alarm of the file may run it',
    ]],
    ['alarm options', '      up: {type: ChangeInCapacity, adjustment: 1}\n', '      - {metric: CPUUtilization, policy: up, comparison: ">", threshold: 50, evaluation_periods: 2, datapoints_to_alarm: 3, treat_missing_data: zero}\n', [
      'bad.yaml:10:101: groups.web.alarms[0].datapoints_to_alarm: datapoints_to_alarm (3) must not be greater than evaluation_periods (2)',
      'bad.yaml:10:125: groups.web.alarms[0].treat_missing_data: must be one of breaching, notBreaching, ignore, missing; got "zero"',
    ]],
  ];
  test.each(cases)('%s', (_label, policies, alarms, expected) => {
    expect(errorsOf(policies, alarms)).toEqual(expected);
  });

  test('a bad file makes no call', async () => {
    const file = h.file('bad.yaml', `${GROUP}      p: {type: TargetTracking, target: 50}\n`);
    const r = await h.run(['apply', file]);
    expect(r.code).not.toBe(0);
    expect(r.stderr).toContain('groups.web.policies.p: a TargetTracking policy needs metric');
    expect(h.counter.actions).toEqual([]);
  });
});

test("docs/autoscalectl.md's policy example is a valid group section", () => {
  const doc = readFileSync(join(__dirname, '..', '..', 'docs', 'autoscalectl.md'), 'utf8');
  const example = [...doc.matchAll(/```yaml\n([\s\S]*?)```/g)].map((m) => m[1] as string).find((b) => b.includes('type: TargetTracking'));
  expect(example).toBeDefined();
  const r = parseConfig(`groups:\n  web:\n    min_size: 1\n    max_size: 4\n    ami: ami-1\n    zones: [us-west-1a]\n${example as string}`, 'doc.yaml');
  if (!r.ok) throw new Error(r.errors.map(formatConfigError).join('\n'));
  expect(r.config.desired.groups[0]?.policies.map((p) => p.policyType)).toEqual(['TargetTrackingScaling', 'TargetTrackingScaling', 'StepScaling']);
  expect(r.config.desired.groups[0]?.alarms[0]).toMatchObject({ datapointsToAlarm: 3, treatMissingData: 'notBreaching' });
});
