/**
 * The original AutoScaleCTL's file structure, read unchanged: alarms as a map by key,
 * policies at the top level shared by every group, one notification topic, user data as
 * a list. It applies to botoscale local, plans clean again, and prunes.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseConfig } from '../../src/ctl/config/load';
import { Harness, tally } from './harness';

const FIXTURE = join(__dirname, 'fixtures', 'original.yaml');
const TEXT = readFileSync(FIXTURE, 'utf8');
const TOPIC = 'arn:aws:sns:us-west-1:123456789012:autoscale-events';
const BACKEND_ALARMS = ['backend|down_25_percent|CPUUtilization', 'backend|up_25_percent|CPUUtilization'];

let h: Harness;
beforeEach(async () => {
  h = await Harness.start();
});
afterEach(async () => {
  await h.close();
});

async function alarms(): Promise<Array<[string, string, number, string[]]>> {
  const all = await h.cloudwatch().describeAlarms().all();
  return all.map((a) => [a.name ?? '', a.comparison ?? '', a.threshold ?? Number.NaN, (a.alarmActions ?? []).map((arn) => arn.split(':policyName/')[1] ?? '')] as [string, string, number, string[]]).sort((x, y) => (x[0] < y[0] ? -1 : 1));
}

test('the file validates, its alarm maps read as alarms and its user data lines joined', () => {
  const r = parseConfig(TEXT, 'original.yaml');
  if (!r.ok) throw new Error(JSON.stringify(r.errors));
  const groups = new Map(r.config.desired.groups.map((g) => [g.name, g]));
  expect([...groups.keys()]).toEqual(['backend', 'stage', 'frontend']);
  expect(groups.get('backend')?.alarms.map((a) => a.name)).toEqual(['backend|up_25_percent|CPUUtilization', 'backend|down_25_percent|CPUUtilization']);
  expect(groups.get('stage')?.alarms).toEqual([]);
  // The top-level policies, which every group gets.
  for (const g of groups.values()) expect(g.policies.map((p) => [p.name, p.adjustmentType, p.scalingAdjustment])).toEqual([
    [`${g.name}|up_25_percent`, 'PercentChangeInCapacity', 25],
    [`${g.name}|down_25_percent`, 'PercentChangeInCapacity', -25],
  ]);
});

test('applies to botoscale local, plans clean again, and prunes a group gone from the file', async () => {
  const first = await h.run(['apply', FIXTURE]);
  expect(first.stderr).not.toContain('FAILED');
  expect(first.code).toBe(0);
  expect(first.stdout).toContain('Plan: 19 to create, 0 to update, 0 to replace, 0 to delete.');
  expect(tally(h.counter.mutating)).toEqual({
    CreateLaunchTemplate: 3,
    CreateAutoScalingGroup: 3,
    PutNotificationConfiguration: 3,
    PutScalingPolicy: 6,
    PutMetricAlarm: 4,
  });

  const groups = await h.autoscale().getAllGroups().all();
  expect(groups.map((g) => [g.name, g.launchTemplate?.name, g.minSize, g.maxSize, g.desiredCapacity]).sort()).toEqual([
    ['backend', 'backend', 2, 8, 2],
    ['frontend', 'frontend', 3, 12, 4],
    ['stage', 'stage', 1, 2, 1],
  ]);
  const [lc] = await h.ec2().getLaunchTemplateVersions('stage');
  expect(lc?.userData).toBe('#!/bin/bash\n/usr/local/bin/bootstrap --pull-latest');
  expect((await h.autoscale().getAllPolicies().all()).map((p) => `${p.name} ${p.adjustmentType} ${p.scalingAdjustment} ${p.cooldown}`).sort()).toEqual([
    'backend|down_25_percent PercentChangeInCapacity -25 300',
    'backend|up_25_percent PercentChangeInCapacity 25 300',
    'frontend|down_25_percent PercentChangeInCapacity -25 300',
    'frontend|up_25_percent PercentChangeInCapacity 25 300',
    'stage|down_25_percent PercentChangeInCapacity -25 300',
    'stage|up_25_percent PercentChangeInCapacity 25 300',
  ]);
  expect(await alarms()).toEqual([
    ['backend|down_25_percent|CPUUtilization', '<', 20, ['backend|down_25_percent']],
    ['backend|up_25_percent|CPUUtilization', '>', 70, ['backend|up_25_percent']],
    ['frontend|down_25_percent|CPUUtilization', '<', 25, ['frontend|down_25_percent']],
    ['frontend|up_25_percent|CPUUtilization', '>', 60, ['frontend|up_25_percent']],
  ]);
  expect(await h.notifications(['backend', 'stage', 'frontend'])).toHaveLength(12);
  expect((await h.notifications(['stage']))[0]).toBe(`stage ${TOPIC} autoscaling:EC2_INSTANCE_LAUNCH`);

  h.local.clock.advance('2m');
  const again = await h.run(['plan', FIXTURE]);
  expect([again.code, again.stdout]).toEqual([0, `No changes: AWS matches ${FIXTURE}.\n`]);
  expect(h.counter.mutating).toEqual([]);

  // frontend gone from the file: kept and said so, until --prune.
  const file = h.file('no-frontend.yaml', TEXT.replace(/\n {2}frontend:\n[\s\S]*?\n\nnotification_topic:/, '\n\nnotification_topic:'));
  const kept = await h.run(['plan', file]);
  expect([kept.code, kept.stdout]).toEqual([3, [
    `Kept, though gone from ${file} (apply --prune deletes them):`,
    '  group frontend',
    `No changes to apply; AWS still has 1 resource ${file} no longer has, kept above.`,
    '',
  ].join('\n')]);
  const keptJson = await h.run(['plan', file, '--json']);
  expect(keptJson.code).toBe(3);
  expect(JSON.parse(keptJson.stdout)).toMatchObject({ changes: false, actions: [], kept: [{ resource: 'group', name: 'frontend' }] });
  expect(h.counter.mutating).toEqual([]);
  const pruned = await h.run(['apply', file, '--prune', '--yes']);
  expect(pruned.code).toBe(0);
  expect(pruned.stdout).toContain('- delete group frontend\n');
  expect(h.counter.mutating).toEqual(['DeleteAlarms', 'UpdateAutoScalingGroup', 'DeleteAutoScalingGroup', 'DeleteLaunchTemplate']);
  expect((await h.autoscale().getAllGroups().all()).map((g) => g.name).sort()).toEqual(['backend', 'stage']);
  expect((await alarms()).map((a) => a[0])).toEqual(BACKEND_ALARMS);
  const clean = await h.run(['plan', file, '--prune']);
  expect([clean.code, clean.stdout]).toEqual([0, `No changes: AWS matches ${file}.\n`]);
});

test('errors in an alarm map are reported at their lines, by the alarm\'s key', () => {
  const bad = TEXT.replace("        policy: 'up_25_percent'\n      cpu_low:", "        policy: 'up_50_percent'\n      cpu_low:").replace("        comparison: '<'\n        threshold: 20", "        comparison: '=<'\n        threshold: 20");
  const r = parseConfig(bad, 'original.yaml');
  expect(r.ok).toBe(false);
  if (r.ok) return;
  const line = (text: string): number => bad.split('\n').findIndex((l) => l.includes(text)) + 1;
  expect(r.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`)).toEqual([
    `${line("policy: 'up_50_percent'")}:9 groups.backend.alarms.cpu_high.policy: alarm names policy "up_50_percent", which is not defined (defined: up_25_percent, down_25_percent) (did you mean "up_25_percent"?)`,
    `${line("comparison: '=<'")}:9 groups.backend.alarms.cpu_low.comparison: must be one of >, >=, <, <= or GreaterThanThreshold, GreaterThanOrEqualToThreshold, LessThanThreshold, LessThanOrEqualToThreshold, got "=<"`,
  ]);
});

test('two alarms of a map with the same policy and metric are one alarm name: the second is refused, naming the first by its key', () => {
  const bad = TEXT.replace("threshold: 20\n        period: 300\n        evaluation_periods: 2\n        policy: 'down_25_percent'", "threshold: 20\n        period: 300\n        evaluation_periods: 2\n        policy: 'up_25_percent'");
  const r = parseConfig(bad, 'original.yaml');
  const cpuLow = bad.split('\n').findIndex((l) => l === '      cpu_low:') + 1;
  expect(r.ok ? [] : r.errors.map((e) => `${e.line}:${e.col} ${e.path}: ${e.message}`)).toEqual([
    `${cpuLow}:7 groups.backend.alarms.cpu_low: duplicate alarm "backend|up_25_percent|CPUUtilization": alarms.cpu_high has the same policy and metric (alarm names are <group>|<policy>|<metric>)`,
  ]);
});

test('an alarm map and a list are the same alarms; anything else is refused at its line', () => {
  const asList = TEXT.replace(/\n {6}cpu_(?:high|low):\n {8}/g, '\n      - ');
  expect(asList).toContain("\n      - metric: 'CPUUtilization'\n        namespace: 'AWS/EC2'\n");
  const fromList = parseConfig(asList, 'list.yaml');
  const fromMap = parseConfig(TEXT, 'map.yaml');
  if (!fromList.ok || !fromMap.ok) throw new Error(asList);
  expect(fromList.config.desired).toEqual(fromMap.config.desired);
  const scalar = parseConfig(TEXT.replace("    instance_type: 'm1.small'\n", "    instance_type: 'm1.small'\n    alarms: 'cpu_high'\n"), 'scalar.yaml');
  expect(scalar.ok ? [] : scalar.errors.map((e) => `${e.line} ${e.path}: ${e.message}`)).toEqual([
    `${TEXT.split('\n').findIndex((l) => l.includes("instance_type: 'm1.small'")) + 2} groups.stage.alarms: must be a map of alarms by key (cpu_high: {...}) or a list of alarms, got "cpu_high"`,
  ]);
});
