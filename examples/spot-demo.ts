/**
 * Seed 002's wish, watched at work: "make sure your total capacity needs are always met
 * while trying to launch spot instances over on-demand instances when possible". A group
 * `spot_demo` of on-demand base 2 plus spot across three instance types, a
 * target-tracking policy at 50% CPU (AWS makes and tunes its alarms), demand rising and
 * falling, then the spot market taking an instance back. At each step it prints the
 * capacity, the on-demand/spot split, the alarms and the scaling activities.
 *
 * It needs botoscale local (in this process, or another one through its control API):
 * AWS cannot be told the demand or to interrupt a spot instance. docs/spot-and-target-tracking.md
 * walks through it. In your own code, import from `botoscale` where this file imports from `../src`.
 */
import { connectAutoscale, connectCloudwatch } from '../src';
import { AutoScalingGroup, LaunchTemplate, ScalingPolicy, type AutoScaleConnection } from '../src/autoscale';
import type { CloudWatchConnection } from '../src/cloudwatch';
import { EC2Connection } from '../src/ec2';
import { durationMs, formatDuration, heading, type MarketDriver, type TutorialEnv } from './env';

/** The names the demo creates, for the confirmation prompt and for clean-up (its alarms are the policy's, deleted with it). */
export const SPOT_DEMO_RESOURCES = {
  loadBalancers: [] as string[],
  launchConfigurations: [] as string[],
  launchTemplates: ['spot_demo'],
  groups: ['spot_demo'],
  alarms: [] as string[],
};

const GROUP = 'spot_demo';

/** The group as the demo last saw it. */
interface Size {
  desired: number;
  inService: number;
  onDemand: number;
  spot: number;
  /** Ids of the InService instances. */
  ids: string[];
}

/** What the demo printed last, so that it prints changes only. */
interface Seen {
  alarms: Map<string, string>;
  capacity: string;
  activities: Set<string>;
  /** The group's instances and states at the last look, to read EC2 and the activities only when they changed. */
  instances: string;
  size: Size;
}

class Watcher {
  readonly seen: Seen = { alarms: new Map(), capacity: '', activities: new Set(), instances: '', size: { desired: -1, inService: 0, onDemand: 0, spot: 0, ids: [] } };

  constructor(
    private readonly autoscale: AutoScaleConnection,
    private readonly cloudwatch: CloudWatchConnection,
    private readonly ec2: EC2Connection,
    private readonly stamp: () => string,
  ) {}

  /** The group's capacity and on-demand/spot split (from EC2's InstanceLifecycle), printed when it changed. */
  async capacity(): Promise<Size> {
    const [group] = await this.autoscale.getAllGroups({ names: [GROUP] });
    const instances = `${group?.desiredCapacity} ${(group?.instances ?? []).map((i) => `${i.instanceId}:${i.lifecycleState}`).join(',')}`;
    if (instances === this.seen.instances) return this.seen.size;
    this.seen.instances = instances;
    const live = (group?.instances ?? []).filter((i) => i.lifecycleState === 'InService');
    const ids = live.map((i) => i.instanceId as string);
    const ec2 = ids.length === 0 ? [] : await this.ec2.getOnlyInstances(ids);
    const spotIds = new Set(ec2.filter((i) => i.instanceLifecycle === 'spot').map((i) => i.id));
    const kinds = (spot: boolean): string => live.filter((i) => spotIds.has(i.instanceId) === spot).map((i) => i.instanceType).sort().join(' ');
    const size = { desired: group?.desiredCapacity ?? -1, inService: live.length, onDemand: live.length - spotIds.size, spot: spotIds.size, ids };
    const text = `desired ${size.desired}, ${size.inService} InService: on-demand ${size.onDemand} [${kinds(false)}], spot ${size.spot} [${kinds(true)}]`;
    if (text !== this.seen.capacity) {
      console.log(`[${this.stamp()}] ${GROUP}: ${text}`);
      this.seen.capacity = text;
    }
    this.seen.size = size;
    await this.activities();
    return size;
  }

  /** Alarm state changes of the policy's alarms. */
  async alarms(): Promise<void> {
    for (const alarm of await this.cloudwatch.describeAlarms({ alarmNamePrefix: `TargetTracking-${GROUP}-` })) {
      const name = (alarm.name as string).replace(/-[0-9a-f-]{36}$/, '-<uuid>');
      if (this.seen.alarms.get(name) !== alarm.stateValue) {
        console.log(`[${this.stamp()}] ${name}: ${this.seen.alarms.get(name) ?? '(new)'} → ${alarm.stateValue}`);
        this.seen.alarms.set(name, alarm.stateValue as string);
      }
    }
  }

  /** New scaling activities, oldest first. */
  async activities(): Promise<void> {
    const fresh = (await this.autoscale.getAllActivities(GROUP, { maxRecords: 20 })).filter((a) => !this.seen.activities.has(a.activityId as string));
    for (const a of fresh.reverse()) {
      this.seen.activities.add(a.activityId as string);
      console.log(`[${this.stamp()}]   activity: ${a.description} (${a.statusCode})\n                cause: ${a.cause}`);
    }
  }

  async look(): Promise<Size> {
    await this.alarms();
    return this.capacity();
  }
}

/** Runs the demo, then deletes what it created. */
export async function spotDemo(env: TutorialEnv, market: MarketDriver): Promise<void> {
  const { endpoint, zones, imageId, time } = env;
  const autoscale = connectAutoscale({ endpoint });
  const cloudwatch = connectCloudwatch({ endpoint });
  const ec2 = new EC2Connection({ endpoint });
  const t0 = time.now();
  const watch = new Watcher(autoscale, cloudwatch, ec2, () => `+${formatDuration(time.now() - t0)}`);
  // Alarms evaluate once a minute, so waiting on them looks once a minute; launches and
  // the interruption are followed every 10 s.
  const until = (what: string, done: (s: Size) => boolean, within: string, step?: string): Promise<void> =>
    time.until(what, async () => done(await watch.look()), within, step);
  /** Lets `span` pass, checking that the group keeps `size` instances InService (capacity kept). */
  const hold = (size: number, span: string): Promise<void> => {
    const end = time.now() + durationMs(span);
    return until(`${span} more at ${size} instances`, (s) => {
      if (s.desired !== size || s.inService !== size) throw new Error(`${GROUP} went to ${s.desired} instances (${s.inService} InService); it should have stayed at ${size}`);
      return time.now() >= end;
    }, span, '1m');
  };

  heading('A launch template, and a group on it: on-demand base 2, spot above it across three instance types');
  const template = await ec2.createLaunchTemplate(new LaunchTemplate({ name: 'spot_demo', imageId, instanceType: 'm5.large' }));
  const group = new AutoScalingGroup({
    name: GROUP, availabilityZones: zones, minSize: 2, maxSize: 10, desiredCapacity: 2, capacityRebalance: true,
    mixedInstancesPolicy: {
      launchTemplate: template,
      overrides: ['m5.large', 'c5.large', 'm4.large'],
      onDemandBaseCapacity: 2,
      onDemandPercentageAboveBaseCapacity: 0,
      spotAllocationStrategy: 'price-capacity-optimized',
    },
  });
  await autoscale.createAutoScalingGroup(group);
  console.log(String((await autoscale.getAllGroups({ names: [GROUP] }))[0]));
  await until('2 instances InService', (s) => s.inService === 2, '10m');

  heading('A target-tracking policy: keep average CPU at 50%; AWS creates its two alarms');
  const policy = new ScalingPolicy({
    name: 'cpu50', asName: GROUP, policyType: 'TargetTrackingScaling', estimatedInstanceWarmup: 60,
    targetTrackingConfiguration: { predefinedMetric: { type: 'ASGAverageCPUUtilization' }, targetValue: 50 },
  });
  await autoscale.createScalingPolicy(policy);
  console.log(String((await autoscale.getAllPolicies({ asGroup: GROUP, policyNames: ['cpu50'] }))[0]));
  for (const a of await cloudwatch.describeAlarms({ alarmNamePrefix: `TargetTracking-${GROUP}-` })) {
    console.log(`${a.name}: CPUUtilization ${a.comparisonOperator} ${a.threshold} for ${a.evaluationPeriods} of ${a.evaluationPeriods} minutes`);
  }
  await watch.look();

  heading(`Demand rises to 170 (CPU-percent units; ${market.description}): 2 instances at 85% → ceil(2 × 85 / 50) = 4`);
  await market.setDemand(GROUP, 170);
  await until('the group to settle at 4', (s) => s.desired === 4 && s.inService === 4, '15m', '30s');
  await hold(4, '5m');

  heading('Demand rises to 280: 4 instances at 70% → ceil(4 × 70 / 50) = 6; spot from the cheapest pool that has capacity');
  await market.setDemand(GROUP, 280);
  await until('the group to settle at 6', (s) => s.desired === 6 && s.inService === 6, '15m', '30s');
  await hold(6, '3m');

  heading('Demand falls to 150: after 15 minutes below 45% the low alarm scales in, to ceil(6 × 25 / 50) = 3, at 50% each');
  await market.setDemand(GROUP, 150);
  await until('the group to settle at 3', (s) => s.desired === 3 && s.inService === 3, '30m', '1m');
  await hold(3, '15m');

  heading('The spot market takes an instance back: a rebalance recommendation, a replacement, then the old one goes');
  const before = new Set((await watch.look()).ids);
  await market.interrupt(GROUP, 1);
  await until('the interrupted instance to be replaced, with 3 InService throughout', (s) => {
    if (s.inService < 3) throw new Error(`${GROUP} lost capacity: desired ${s.desired}, ${s.inService} InService`);
    return s.inService === 3 && s.ids.some((id) => !before.has(id));
  }, '10m');
  watch.seen.capacity = '';
  watch.seen.instances = '';
  await watch.capacity();
  await hold(3, '3m');

  heading('(clean-up) The policy (and with it its alarms), the group, the launch template');
  await autoscale.deletePolicy('cpu50', { autoscaleGroup: GROUP });
  console.log(`policy ${policy.policyArn?.split('/').pop()} deleted; alarms left: ${(await cloudwatch.describeAlarms({ alarmNamePrefix: `TargetTracking-${GROUP}-` })).length}`);
  await group.shutdownInstances();
  await time.until('the last instance to terminate', async () => {
    const [g] = await autoscale.getAllGroups({ names: [GROUP] });
    return (g?.instances ?? []).length === 0;
  }, '10m');
  await group.delete();
  await template.delete();
  for (const c of [autoscale, cloudwatch, ec2]) c.close();
}
