/**
 * Seed 001's recipe (scaling policies driven by CloudWatch alarms) watched at work: a
 * group `as_group_0` of 2 to 4 instances, CPU load driven above 70% until the
 * scale-up alarm adds instances, then below 40% until the scale-down alarm removes
 * them, never beyond the group's `minSize` and `maxSize`. It prints every alarm state
 * change, every capacity change, the scaling activities and the alarm history.
 *
 * The code between `// #region` and `// #endregion` is what docs/cloudwatch-alarms.md
 * shows. In your own code, import from `botoscale` where this file imports from `../src`.
 */
// #region imports
import { connectAutoscale, connectCloudwatch } from '../src';
import { AutoScalingGroup, LaunchConfiguration, ScalingPolicy } from '../src/autoscale';
import { MetricAlarm } from '../src/cloudwatch';
// #endregion
import type { AutoScaleConnection } from '../src/autoscale';
import type { CloudWatchConnection } from '../src/cloudwatch';
import { deleteSeedGroups, durationMs, formatDuration, heading, makeSeedGroups, type TutorialEnv } from './env';

/** The names the demo creates, for the confirmation prompt and for clean-up. */
export const SCALING_DEMO_RESOURCES = {
  loadBalancers: [] as string[],
  launchConfigurations: ['as_group_0_config'],
  groups: ['as_group_0'],
  alarms: ['scale_up_on_cpu', 'scale_down_on_cpu'],
};

/** What the watcher saw last: alarm states and the group's capacity. */
interface Seen {
  alarms: Map<string, string>;
  capacity: string;
}

/** The group's size as the watcher last saw it. */
interface Size {
  desired: number;
  inService: number;
}

/** Prints what changed since the last look: alarm states, and the group's capacity and instances. */
async function look(autoscale: AutoScaleConnection, cloudwatch: CloudWatchConnection, seen: Seen, stamp: string): Promise<Size> {
  for (const alarm of await cloudwatch.describeAlarms({ alarmNames: SCALING_DEMO_RESOURCES.alarms })) {
    const before = seen.alarms.get(alarm.name as string);
    if (before !== alarm.stateValue) {
      console.log(`[${stamp}] ${alarm.name}: ${before ?? '(new)'} → ${alarm.stateValue} (${alarm.stateReason})`);
      seen.alarms.set(alarm.name as string, alarm.stateValue as string);
    }
  }
  const [group] = await autoscale.getAllGroups({ names: ['as_group_0'] });
  const instances = group?.instances ?? [];
  const inService = instances.filter((i) => i.lifecycleState === 'InService').length;
  const capacity = `desired ${group?.desiredCapacity}, ${instances.length} instances (${inService} InService)`;
  if (capacity !== seen.capacity) {
    console.log(`[${stamp}] as_group_0: ${capacity}`);
    seen.capacity = capacity;
  }
  return { desired: group?.desiredCapacity ?? -1, inService };
}

/** Runs the demo, then deletes what it created. */
export async function scalingDemo(env: TutorialEnv): Promise<void> {
  const { endpoint, zones, imageId, keyName, securityGroups, instanceType, time, load } = env;

  heading('Connecting (seed 001: boto.connect_autoscale(), boto.connect_cloudwatch())');
  // #region connect
  const autoscale = connectAutoscale({ endpoint });
  const cloudwatch = connectCloudwatch({ endpoint });
  // #endregion

  heading('(set-up) "Let\'s assume you already have an Auto Scaling group": as_group_0, 2 to 4 instances');
  await makeSeedGroups(env);
  // #region create-group
  const lc = new LaunchConfiguration({ name: 'as_group_0_config', imageId,
    keyName, securityGroups, instanceType });
  await autoscale.createLaunchConfiguration(lc);
  const group = new AutoScalingGroup({ name: 'as_group_0', launchConfig: lc,
    availabilityZones: zones, minSize: 2, maxSize: 4 });
  await autoscale.createAutoScalingGroup(group);
  // #endregion
  const seen: Seen = { alarms: new Map(), capacity: '' };
  const t0 = time.now();
  const stamp = (): string => `+${formatDuration(time.now() - t0)}`;
  const until = (what: string, done: (s: Size) => boolean, within: string): Promise<void> =>
    time.until(what, async () => done(await look(autoscale, cloudwatch, seen, stamp())), within);
  /** Lets `span` pass, checking that the group's desired capacity stays `size`. */
  const hold = (size: number, span: string): Promise<void> => {
    const end = time.now() + durationMs(span);
    return until(`${span} more at ${size} instances`, (s) => {
      if (s.desired !== size) throw new Error(`as_group_0 went to ${s.desired} instances; its limit is ${size}`);
      return time.now() >= end;
    }, span);
  };
  await until('2 instances InService', (s) => s.inService === 2, '10m');

  heading('Seed 001\'s recipe: the policies say how to scale, the alarms say when');
  // #region recipe
  const autoscalingGroup = 'as_group_0';

  let scaleUpPolicy = new ScalingPolicy({
    name: 'scale_up', adjustmentType: 'ChangeInCapacity',
    asName: autoscalingGroup, scalingAdjustment: 1, cooldown: 180 });
  let scaleDownPolicy = new ScalingPolicy({
    name: 'scale_down', adjustmentType: 'ChangeInCapacity',
    asName: autoscalingGroup, scalingAdjustment: -1, cooldown: 180 });
  await autoscale.createScalingPolicy(scaleUpPolicy);
  await autoscale.createScalingPolicy(scaleDownPolicy);

  scaleUpPolicy = (await autoscale.getAllPolicies({
    asGroup: autoscalingGroup, policyNames: ['scale_up'] }))[0];
  scaleDownPolicy = (await autoscale.getAllPolicies({
    asGroup: autoscalingGroup, policyNames: ['scale_down'] }))[0];

  const alarmDimensions = { AutoScalingGroupName: autoscalingGroup };

  const scaleUpAlarm = new MetricAlarm({
    name: 'scale_up_on_cpu', namespace: 'AWS/EC2',
    metric: 'CPUUtilization', statistic: 'Average',
    comparison: '>', threshold: '70',
    period: '60', evaluationPeriods: 2,
    alarmActions: [scaleUpPolicy.policyArn],
    dimensions: alarmDimensions });
  await cloudwatch.createAlarm(scaleUpAlarm);

  const scaleDownAlarm = new MetricAlarm({
    name: 'scale_down_on_cpu', namespace: 'AWS/EC2',
    metric: 'CPUUtilization', statistic: 'Average',
    comparison: '<', threshold: '40',
    period: '60', evaluationPeriods: 2,
    alarmActions: [scaleDownPolicy.policyArn],
    dimensions: alarmDimensions });
  await cloudwatch.createAlarm(scaleDownAlarm);
  // #endregion
  console.log(scaleUpPolicy, scaleDownPolicy);
  console.log(await cloudwatch.describeAlarms({ alarmNames: SCALING_DEMO_RESOURCES.alarms }));

  heading(`CPU above 70%: the scale-up alarm adds instances, up to maxSize 4 (load: ${load.description})`);
  if (!(await load.set('as_group_0', 85))) {
    // #region set-alarm-state
    await cloudwatch.setAlarmState('scale_up_on_cpu', 'Threshold Crossed: the demo says CPU is above 70%', 'ALARM');
    // #endregion
  }
  await until('scale_up_on_cpu to grow the group to maxSize 4', (s) => s.desired === 4 && s.inService === 4, '20m');
  await hold(4, '5m');
  // #region up-activities
  console.log(await group.getActivities({ maxRecords: 2 }));
  // #endregion
  // #region up-history
  console.log(await scaleUpAlarm.describeHistory({ historyItemType: 'Action' }));
  // #endregion

  heading('CPU below 40%: the scale-down alarm removes instances, down to minSize 2');
  if (!(await load.set('as_group_0', 20))) {
    await cloudwatch.setAlarmState('scale_down_on_cpu', 'Threshold Crossed: the demo says CPU is below 40%', 'ALARM');
  }
  await until('scale_down_on_cpu to bring the group back to minSize 2', (s) => s.desired === 2 && s.inService === 2, '20m');
  await hold(2, '5m');
  console.log(await group.getActivities({ maxRecords: 2 }));
  console.log(await scaleDownAlarm.describeHistory({ historyItemType: 'Action' }));

  heading('(clean-up) The alarms, the group, its launch configuration');
  await cloudwatch.deleteAlarms(['scale_up_on_cpu', 'scale_down_on_cpu']);
  await group.shutdownInstances();
  await until('as_group_0 to have no instances in service', (s) => s.desired === 0 && s.inService === 0, '10m');
  await time.until('the last instance to terminate', async () => {
    const [g] = await autoscale.getAllGroups({ names: ['as_group_0'] });
    return (g?.instances ?? []).length === 0;
  }, '10m');
  await group.delete();
  await lc.delete();
  await deleteSeedGroups(env);
}
