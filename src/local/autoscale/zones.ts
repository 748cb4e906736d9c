/**
 * Spreading a group's instances across its Availability Zones: launches go to the zone
 * with the fewest instances, and a group whose zones differ by more than one instance
 * (or that has instances outside its zones) needs rebalancing.
 *
 * @module
 */
import type { GroupRecord, InstanceRecord } from './model';

/** Instance count per zone of the group (zones of the group only, in the group's order). */
export function zoneCounts(group: GroupRecord, active: readonly InstanceRecord[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const zone of group.availabilityZones) counts.set(zone, 0);
  for (const i of active) {
    const n = counts.get(i.availabilityZone);
    if (n !== undefined) counts.set(i.availabilityZone, n + 1);
  }
  return counts;
}

/** The zone the next launch goes to: the one with the fewest instances, first listed on ties. */
export function zoneForLaunch(counts: Map<string, number>): string | undefined {
  let best: string | undefined;
  let bestCount = Infinity;
  for (const [zone, n] of counts) {
    if (n < bestCount) {
      best = zone;
      bestCount = n;
    }
  }
  return best;
}

/** Whether the group's instances are unevenly spread (or sit outside its zones). */
export function isImbalanced(group: GroupRecord, active: readonly InstanceRecord[]): boolean {
  if (active.some((i) => !group.availabilityZones.includes(i.availabilityZone))) return true;
  const counts = [...zoneCounts(group, active).values()];
  if (counts.length < 2) return false;
  return Math.max(...counts) - Math.min(...counts) > 1;
}

/** The subnet of a zone, for groups launched into a VPC. */
export function subnetFor(group: GroupRecord, zone: string): string | undefined {
  return group.subnets.find((s) => s.zone === zone)?.subnetId;
}
