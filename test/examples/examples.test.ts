/**
 * Each example runs against botoscale local, on its simulated clock, and prints what
 * the seeds' sessions show: the objects' reprs, the activities, the alarm state
 * changes and the instance health. The docs show these files, so they cannot rot.
 */
import { AutoScaleConnection } from '../../src/autoscale';
import { CloudWatchConnection } from '../../src/cloudwatch';
import { ELBConnection } from '../../src/elb';
import { autoscaleTutorial, otherWaysToConnect } from '../../examples/autoscale-tutorial';
import { elbTutorial, otherWaysToConnectElb } from '../../examples/elb-tutorial';
import { scalingDemo } from '../../examples/scaling-demo';
import { capture, localEnv, type LocalRun } from './harness';

const UUID = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';
const ID = 'i-[0-9a-f]{17}';

/** The lines after a `## heading` line, up to the next heading. */
function section(text: string, heading: string): string[] {
  const lines = text.split('\n');
  const at = lines.indexOf(`## ${heading}`);
  if (at < 0) throw new Error(`no section ${heading} in:\n${text}`);
  const end = lines.findIndex((l, i) => i > at && l.startsWith('## '));
  return lines.slice(at + 1, end < 0 ? undefined : end).filter((l) => l !== '');
}

/** Asserts that botoscale local holds nothing: no groups, configurations, alarms or load balancers. */
async function expectEmpty(run: LocalRun): Promise<void> {
  const as = new AutoScaleConnection({ endpoint: run.endpoint });
  const cw = new CloudWatchConnection({ endpoint: run.endpoint });
  const elb = new ELBConnection({ endpoint: run.endpoint });
  expect({
    groups: (await as.getAllGroups()).length,
    launchConfigurations: (await as.getAllLaunchConfigurations()).length,
    alarms: (await cw.describeAlarms()).length,
    loadBalancers: (await elb.getAllLoadBalancers()).length,
  }).toEqual({ groups: 0, launchConfigurations: 0, alarms: 0, loadBalancers: 0 });
  for (const c of [as, cw, elb]) c.close();
}

let run: LocalRun;
beforeEach(async () => {
  run = await localEnv();
});
afterEach(async () => {
  await run.close();
});

test('the other ways to connect print boto2\'s connection reprs and send nothing', async () => {
  const { transcript } = await capture(async () => {
    otherWaysToConnect();
    otherWaysToConnectElb();
  });
  const lines = transcript.text.split('\n');
  expect(lines[0]).toBe('AutoScaleConnection:autoscaling.eu-west-1.amazonaws.com');
  expect(lines[1]).toBe('ELBConnection:elasticloadbalancing.us-west-2.amazonaws.com');
  expect(lines[2]).toBe('[');
  expect(lines[3]).toBe('  RegionInfo:af-south-1,');
  expect(lines[lines.length - 1]).toBe('ELBConnection:elasticloadbalancing.us-gov-west-1.amazonaws.com');
});

test('seed 000 with seed 001\'s policies and alarms', async () => {
  const { transcript } = await capture(() => autoscaleTutorial(run.env));
  const out = transcript.text;

  expect(section(out, 'Creating a Connection')).toEqual([`AutoScaleConnection:${run.endpoint.replace('http://', '')}`]);
  expect(section(out, '(set-up) The load balancer the tutorial assumes exists: my-lb')).toEqual(['LoadBalancer:my-lb']);
  expect(section(out, 'Getting Existing AutoScale Groups')).toEqual(['[]']);

  const created = section(out, 'Creating Autoscaling Groups');
  expect(created[0]).toBe('AutoScaleGroup<my_group>');
  expect(created[1]).toBe('  (20s of simulated time later: 4 instances InService in my_group)');
  const activity = new RegExp(
    `^  Activity<${UUID}>: For group:my_group, progress:None, cause:At \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ a user request created an AutoScalingGroup changing the desired capacity from 0 to 4\\.  ` +
    `At \\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ an instance was started in response to a difference between desired and actual capacity, increasing the capacity from 0 to 4\\.,?$`,
  );
  // ag.getActivities() and conn.getAllActivities(ag): the same four launches.
  const activities = created.filter((l) => l.startsWith('  Activity<'));
  expect(activities).toHaveLength(8);
  for (const line of activities) expect(line).toMatch(activity);
  expect(activities.slice(0, 4)).toEqual(activities.slice(4));

  const health = section(out, 'Instance health, from the load balancer\'s health check').filter((l) => l.startsWith('  InstanceState'));
  expect(health).toHaveLength(4);
  for (const line of health) expect(line).toMatch(new RegExp(`^  InstanceState:\\(${ID},InService\\),?$`));

  expect(section(out, 'Scaling a Group Up or Down')).toEqual([
    'ScalingPolicy(scale_up group:my_group adjustment:ChangeInCapacity)',
    expect.stringMatching(new RegExp(`^arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:${UUID}:autoScalingGroupName/my_group:policyName/scale_up$`)),
    '[',
    '  MetricAlarm:scale_down_on_cpu[CPUUtilization(Average) < 40.0],',
    '  MetricAlarm:scale_up_on_cpu[CPUUtilization(Average) > 70.0]',
    ']',
  ]);

  const instances = section(out, 'To retrieve the instances in your autoscale group');
  expect(instances.filter((l) => new RegExp(`^  Instance:${ID},?$`).test(l))).toHaveLength(4);
  const states = instances.filter((l) => l.startsWith("  'i-"));
  expect(states).toHaveLength(4);
  expect(states.filter((l) => / running us-east-1a',?$/.test(l))).toHaveLength(2);
  expect(states.filter((l) => / running us-east-1b',?$/.test(l))).toHaveLength(2);

  expect(section(out, 'To delete your autoscale group, we first need to shutdown all the instances')).toEqual([
    expect.stringMatching(/^ {2}\(\d+s of simulated time later: my_group to have no instances\)$/),
  ]);
  expect(section(out, '(clean-up) What the tutorial leaves behind: the alarms and my-lb')).toEqual([
    'groups: [] launch configurations: [] alarms: [] load balancers: []',
  ]);
  await expectEmpty(run);
});

test('seed 003', async () => {
  const { transcript } = await capture(() => elbTutorial(run.env));
  const out = transcript.text;
  expect(section(out, 'Getting Existing Load Balancers')).toEqual([
    '[ LoadBalancer:load-balancer-prod, LoadBalancer:load-balancer-staging ]',
    '[ LoadBalancer:load-balancer-prod ]',
    'LoadBalancer:load-balancer-prod',
  ]);
  expect(section(out, 'Configuring a Health Check')).toEqual(['HealthCheck:HTTP:8080/health']);
  expect(section(out, 'Putting It All Together')).toEqual([
    expect.stringMatching(/^my-lb-\d+\.us-east-1\.elb\.amazonaws\.com$/),
    "LoadBalancer:my-lb [ (80, 8080, 'HTTP'), (443, 8443, 'TCP') ] HealthCheck:HTTP:8080/health",
  ]);
  const manual = section(out, 'Manually Adding and Removing Instances');
  expect(manual[0]).toMatch(new RegExp(`^\\[ InstanceInfo:${ID}, InstanceInfo:${ID} \\]$`));
  expect(manual[1]).toMatch(/^ {2}\(\d+m?\d*s? of simulated time later: both instances InService behind my-lb\)$/);
  expect(manual.slice(2)).toEqual([
    '[',
    expect.stringMatching(new RegExp(`^  InstanceState:\\(${ID},InService\\),$`)),
    expect.stringMatching(new RegExp(`^  InstanceState:\\(${ID},InService\\)$`)),
    ']',
    '[]',
  ]);
  expect(section(out, 'Modifying Availability Zones for a Load Balancer')).toEqual([
    "[ 'us-east-1b' ]",
    "[ 'us-east-1b', 'us-east-1c' ]",
  ]);
  expect(section(out, '(clean-up) The set-up\'s load balancers and instances').at(-1)).toBe('[]');
  await expectEmpty(run);
});

test('the scaling demo: above 70% the group grows to maxSize, below 40% it shrinks to minSize', async () => {
  const { transcript } = await capture(() => scalingDemo(run.env));
  const events = transcript.text.split('\n').filter((l) => /^\[\+/.test(l)).map((l) => l.replace(/^\[\+[\dms]+\] /, ''));
  const capacities = events.filter((e) => e.startsWith('as_group_0: desired')).map((e) => Number(/desired (\d+)/.exec(e)?.[1]));
  // Up by one per cooldown to 4, down by one to 2, then 0 for the clean-up; never past the limits.
  expect(capacities.filter((c, i) => i === 0 || c !== capacities[i - 1])).toEqual([2, 3, 4, 3, 2, 0]);
  const alarms = events.filter((e) => e.startsWith('scale_')).map((e) => e.replace(/ \((Unchecked|Threshold Crossed): .*$/, ''));
  expect(alarms).toEqual([
    'scale_down_on_cpu: (new) → INSUFFICIENT_DATA',
    'scale_up_on_cpu: (new) → INSUFFICIENT_DATA',
    'scale_down_on_cpu: INSUFFICIENT_DATA → OK',
    'scale_up_on_cpu: INSUFFICIENT_DATA → ALARM',
    'scale_up_on_cpu: ALARM → OK',
    'scale_down_on_cpu: OK → ALARM',
  ]);
  expect(events).toContainEqual(expect.stringMatching(/^scale_up_on_cpu: INSUFFICIENT_DATA → ALARM \(Threshold Crossed: 2 datapoints \[85\.0 .*\] were greater than the threshold \(70\.0\)\.\)$/));
  expect(events).toContainEqual(expect.stringMatching(/^scale_down_on_cpu: OK → ALARM \(Threshold Crossed: 2 datapoints \[20\.0 .*\] were less than the threshold \(40\.0\)\.\)$/));

  const up = section(transcript.text, 'CPU above 70%: the scale-up alarm adds instances, up to maxSize 4 (load: botoscale local\'s setLoad)');
  expect(up.filter((l) => l.startsWith('  Activity<')).map((l) => l.replace(/^.*triggered policy /, '').replace(/\..*$/, ''))).toEqual([
    'scale_up changing the desired capacity from 3 to 4',
    'scale_up changing the desired capacity from 2 to 3',
  ]);
  expect(up).toContainEqual(expect.stringMatching(/^ {2}AlarmHistory:scale_up_on_cpu\[Successfully executed action arn:aws:autoscaling:us-east-1:123456789012:scalingPolicy:.*:policyName\/scale_up at .*\]$/));
  const down = section(transcript.text, 'CPU below 40%: the scale-down alarm removes instances, down to minSize 2');
  expect(down.filter((l) => l.startsWith('  Activity<')).map((l) => l.replace(/^.*triggered policy /, '').replace(/\..*$/, ''))).toEqual([
    'scale_down changing the desired capacity from 3 to 2',
    'scale_down changing the desired capacity from 4 to 3',
  ]);
  await expectEmpty(run);
});
