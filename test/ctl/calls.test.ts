import { Harness, tally } from './harness';

/** A file of `n` groups, each with two CPU alarms on the two top-level policies. */
function fleet(n: number, ami = 'ami-0a1b2c3d'): string {
  const lines = [
    'region: us-west-1',
    'policies:',
    '  scale_up: {type: PercentChangeInCapacity, adjustment: 50, cooldown: 300}',
    '  scale_down: {type: PercentChangeInCapacity, adjustment: -25, cooldown: 600}',
    'groups:',
  ];
  for (let i = 0; i < n; i++) {
    lines.push(
      `  svc${String(i).padStart(3, '0')}:`,
      '    min_size: 0',
      '    max_size: 4',
      '    capacity: 0',
      `    ami: ${i === 0 ? ami : 'ami-0a1b2c3d'}`,
      '    zones: [us-west-1a]',
      '    alarms:',
      "      - {metric: CPUUtilization, policy: scale_up, comparison: '>', threshold: 70, period: 60, evaluation_periods: 2}",
      "      - {metric: CPUUtilization, policy: scale_down, comparison: '<', threshold: 20, period: 300, evaluation_periods: 2}",
    );
  }
  return `${lines.join('\n')}\n`;
}

let h: Harness;
beforeAll(async () => {
  h = await Harness.start();
});
afterAll(async () => {
  await h.close();
});

describe('API calls for 100 groups with two alarms each, counted at the wire', () => {
  const file = (): string => h.file('fleet.yaml', fleet(100));

  test('first apply: four reads, then exactly one call per resource', async () => {
    const r = await h.run(['apply', file()]);
    expect(r.code).toBe(0);
    expect(tally(h.counter.actions)).toEqual({
      DescribeAutoScalingGroups: 1, // 100 names in one call
      DescribeAlarms: 2, // 200 names, 100 per call
      DescribeLaunchTemplates: 1, // the groups' 100 names in one filter
      CreateLaunchTemplate: 100,
      CreateAutoScalingGroup: 100, // tags and capacity included
      PutScalingPolicy: 200,
      PutMetricAlarm: 200,
    });
  }, 60_000);

  test('no-change apply: fewer than 15 calls, none of them mutating', async () => {
    const r = await h.run(['apply', file()]);
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe(`No changes: AWS matches ${file()}.\n`);
    expect(tally(h.counter.actions)).toEqual({
      DescribeAutoScalingGroups: 1,
      DescribeAlarms: 2,
      DescribeLaunchTemplates: 1, // the groups' 100 names in one filter
      DescribeLaunchTemplateVersions: 1, // every template's $Default version, in one page of 200
      DescribePolicies: 4, // 200 names, 50 per call
      DescribeNotificationConfigurations: 1, // the 100 groups' names in one call
    });
    expect(h.counter.calls.length).toBeLessThan(15);
  }, 60_000);

  test('one changed AMI: a new default version of one template, and no more reads', async () => {
    const r = await h.run(['apply', h.file('fleet2.yaml', fleet(100, 'ami-12345678'))]);
    expect(r.code).toBe(0);
    expect(h.counter.mutating).toEqual(['CreateLaunchTemplateVersion', 'ModifyLaunchTemplate']);
    expect(h.counter.calls.length - h.counter.mutating.length).toBe(10);
  }, 60_000);
});
