/**
 * Which instance a shrinking group terminates. As on AWS, balance across Availability
 * Zones comes first (instances outside the group's zones, then the zone with the most
 * instances); the group's termination policies then choose within those, and `Default`
 * (oldest launch template or configuration, then closest to the next instance hour)
 * breaks ties (Auto Scaling User Guide, "Default termination policy").
 *
 * @module
 */
import { isPending, type GroupRecord, type InstanceRecord } from './model';

const HOUR = 3_600_000;

type Filter = (candidates: InstanceRecord[], now: number, group: GroupRecord) => InstanceRecord[];

function keepBy(candidates: InstanceRecord[], key: (i: InstanceRecord) => number): InstanceRecord[] {
  let best = Infinity;
  for (const i of candidates) best = Math.min(best, key(i));
  return candidates.filter((i) => key(i) === best);
}

const oldestLaunchConfiguration: Filter = (c) => keepBy(c, (i) => i.launchConfigurationCreated ?? -Infinity);
const closestToNextInstanceHour: Filter = (c, now) => keepBy(c, (i) => HOUR - ((now - i.launchTime) % HOUR));

/**
 * OldestLaunchTemplate: instances not on the group's current template first (a launch
 * configuration's or another template's), then those on its oldest version.
 */
const oldestLaunchTemplate: Filter = (c, _now, group) => {
  const current = group.launchTemplate?.id;
  const noncurrent = c.filter((i) => i.launchTemplate?.id !== current);
  if (noncurrent.length > 0) return noncurrent;
  return keepBy(c, (i) => Number(i.launchTemplate?.version ?? 0));
};

/**
 * The Default policy's second step: in a group on a launch template, instances from a
 * launch configuration go first, then the oldest template; in a group on a launch
 * configuration, the oldest launch configuration.
 */
const oldestLaunchSource: Filter = (c, now, group) => {
  if (group.launchTemplate === undefined) return oldestLaunchConfiguration(c, now, group);
  const fromConfigs = c.filter((i) => i.launchConfigurationName !== undefined);
  return fromConfigs.length > 0 ? oldestLaunchConfiguration(fromConfigs, now, group) : oldestLaunchTemplate(c, now, group);
};

const FILTERS: Record<string, Filter> = {
  OldestInstance: (c) => keepBy(c, (i) => i.launchTime),
  NewestInstance: (c) => keepBy(c, (i) => -i.launchTime),
  OldestLaunchConfiguration: oldestLaunchConfiguration,
  OldestLaunchTemplate: oldestLaunchTemplate,
  ClosestToNextInstanceHour: closestToNextInstanceHour,
  Default: (c, now, group) => closestToNextInstanceHour(oldestLaunchSource(c, now, group), now, group),
};

/**
 * Instances that count toward the group's capacity: Pending (waiting on a lifecycle hook
 * or not) and InService ones (not Standby ones), except a
 * spot instance whose Capacity Rebalancing replacement has been launched.
 */
export function activeInstances(group: GroupRecord): InstanceRecord[] {
  return group.instances.filter((i) => (isPending(i.lifecycleState) || i.lifecycleState === 'InService') && i.replacementId === undefined);
}

/** The instances a scale-in may take, narrowed to the zones that most need to lose one. */
export function zoneCandidates(group: GroupRecord, active: InstanceRecord[]): InstanceRecord[] {
  const unprotected = active.filter((i) => !i.protectedFromScaleIn);
  if (unprotected.length === 0) return [];
  const outside = unprotected.filter((i) => !group.availabilityZones.includes(i.availabilityZone));
  if (outside.length > 0) return outside;
  const counts = new Map<string, number>();
  for (const i of active) counts.set(i.availabilityZone, (counts.get(i.availabilityZone) ?? 0) + 1);
  let most = 0;
  for (const i of unprotected) most = Math.max(most, counts.get(i.availabilityZone) ?? 0);
  return unprotected.filter((i) => counts.get(i.availabilityZone) === most);
}

/** Applies the termination policies to candidates and returns the one to terminate. */
export function pickByPolicies(group: GroupRecord, candidates: InstanceRecord[], now: number): InstanceRecord | undefined {
  let left = candidates;
  for (const name of [...group.terminationPolicies, 'Default']) {
    if (left.length <= 1) break;
    const filter = FILTERS[name];
    if (filter !== undefined) left = filter(left, now, group);
  }
  // Still tied: AWS picks at random; the simulation takes the earliest launched, then the lowest id.
  return [...left].sort((a, b) => a.launchTime - b.launchTime || (a.instanceId < b.instanceId ? -1 : 1))[0];
}

/** Chooses `count` instances to terminate, one at a time, as AWS does. */
export function selectForTermination(group: GroupRecord, count: number, now: number): InstanceRecord[] {
  const chosen: InstanceRecord[] = [];
  let active = activeInstances(group);
  for (let n = 0; n < count; n++) {
    const pick = pickByPolicies(group, zoneCandidates(group, active), now);
    if (pick === undefined) break;
    chosen.push(pick);
    active = active.filter((i) => i !== pick);
  }
  return chosen;
}
