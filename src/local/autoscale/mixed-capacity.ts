/**
 * How a group with a mixed instances policy reaches its desired capacity, counted in
 * capacity units: launches chosen by {@link chooseLaunch} until the units meet the
 * desired capacity (overshooting by less than the largest weight, as AWS does), and
 * scale-in as the User Guide's default termination policy for mixed instances groups
 * describes it: zones with the most instances first, then whichever of on-demand and spot
 * is above its share, so that the split stays as the policy says, then the group's
 * termination policies.
 *
 * @module
 */
import { causeTime } from './format';
import { launchInstance } from './lifecycle';
import { chooseLaunch, onDemandTarget, unitsOf, type MixedLaunch } from './mixed';
import type { GroupRecord, InstanceRecord } from './model';
import type { AutoScalingState } from './state';
import { pickByPolicies, zoneCandidates } from './termination';
import { zoneCounts } from './zones';

/** The capacity units of instances (their count when the group has no weights). */
export function capacityUnits(instances: readonly InstanceRecord[]): number {
  return instances.reduce((n, i) => n + unitsOf(i), 0);
}

function zonesByCount(group: GroupRecord, running: readonly InstanceRecord[]): string[] {
  const counts = zoneCounts(group, [...running]);
  return [...counts.entries()].sort((a, b) => a[1] - b[1]).map(([z]) => z);
}

function templateType(state: AutoScalingState, group: GroupRecord): string {
  const t = group.mixedInstancesPolicy?.launchTemplate;
  if (t === undefined) return 'm1.small';
  try {
    return state.cloud.ec2.resolveLaunchTemplate({ id: t.id, version: t.version }).instanceType ?? 'm1.small';
  } catch {
    return 'm1.small';
  }
}

/** The launch a mixed group makes in one zone (a zone rebalance). */
export function mixedChoiceIn(state: AutoScalingState, group: GroupRecord, active: InstanceRecord[], zone: string): MixedLaunch | undefined {
  const policy = group.mixedInstancesPolicy;
  if (policy === undefined) return undefined;
  const market = { spotCapacity: (z: string, type: string) => state.cloud.ec2.spotCapacity(z, type), templateType: templateType(state, group) };
  return chooseLaunch(policy, group.desiredCapacity, active, [zone], market);
}

/** Launches until the group's units meet its desired capacity (or a launch fails). */
export function launchMixed(state: AutoScalingState, group: GroupRecord, active: InstanceRecord[], now: number, prefix: string): void {
  const policy = group.mixedInstancesPolicy;
  if (policy === undefined) return;
  const running = [...active];
  const from = capacityUnits(running);
  const cause = `${prefix}At ${causeTime(now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${group.desiredCapacity}.`;
  const market = { spotCapacity: (zone: string, type: string) => state.cloud.ec2.spotCapacity(zone, type), templateType: templateType(state, group) };
  while (capacityUnits(running) < group.desiredCapacity) {
    const choice = chooseLaunch(policy, group.desiredCapacity, running, zonesByCount(group, running), market);
    if (choice === undefined) return;
    const launched = launchInstance(state, group, choice.zone, cause, now, choice);
    if (launched === undefined) return;
    running.push(launched);
  }
}

/**
 * The instances a mixed group terminates to come down to its desired capacity: one at a
 * time while the rest still meets it, each from the purchase option above its share.
 */
export function mixedVictims(group: GroupRecord, active: InstanceRecord[], now: number): InstanceRecord[] {
  const policy = group.mixedInstancesPolicy;
  const chosen: InstanceRecord[] = [];
  if (policy === undefined) return chosen;
  let left = [...active];
  const onDemandGoal = onDemandTarget(policy, group.desiredCapacity);
  for (;;) {
    const units = capacityUnits(left);
    const onDemand = capacityUnits(left.filter((i) => i.lifecycle !== 'Spot'));
    const excessSpot = units - onDemand > group.desiredCapacity - onDemandGoal;
    const inZones = zoneCandidates(group, left).filter((i) => units - unitsOf(i) >= group.desiredCapacity);
    const preferred = inZones.filter((i) => (i.lifecycle === 'Spot') === excessSpot);
    const pick = pickByPolicies(group, preferred.length > 0 ? preferred : inZones, now);
    if (pick === undefined) return chosen;
    chosen.push(pick);
    left = left.filter((i) => i !== pick);
  }
}
