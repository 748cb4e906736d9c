/**
 * Capacity Rebalancing (Amazon EC2 Auto Scaling User Guide, "Capacity Rebalancing in Auto
 * Scaling to replace at-risk Spot Instances"): when a group with CapacityRebalance on has a
 * spot instance that received an EC2 instance rebalance recommendation, Auto Scaling
 * launches a replacement, waits until it has passed its health checks (InService), and
 * only then terminates the at-risk instance. The at-risk instance no longer counts toward
 * the capacity while its replacement comes up, so the group does not scale in because of
 * the extra instance. Without Capacity Rebalancing nothing happens until EC2 interrupts
 * the instance and the EC2 health check replaces it.
 *
 * The activity causes follow AWS's pattern ("At <time> an instance was launched in
 * response to …"); their ending names the rebalance recommendation.
 *
 * @module
 */
import { causeTime } from './format';
import { launchInstance, startTermination } from './lifecycle';
import { mixedChoiceIn } from './mixed-capacity';
import type { GroupRecord, InstanceRecord } from './model';
import type { AutoScalingState } from './state';
import { activeInstances } from './termination';
import { zoneCounts, zoneForLaunch } from './zones';

/** The cause of a replacement launched for an at-risk spot instance. */
export function rebalanceLaunchCause(now: number): string {
  return `At ${causeTime(now)} an instance was launched in response to an EC2 instance rebalance recommendation.`;
}

/** The cause of the at-risk instance's termination once its replacement is in service. */
export function rebalanceTerminationCause(now: number, instanceId: string): string {
  return `At ${causeTime(now)} an instance was taken out of service in response to an EC2 instance rebalance recommendation.  At ${causeTime(now)} instance ${instanceId} was selected for termination.`;
}

function atRisk(state: AutoScalingState, i: InstanceRecord): boolean {
  if (i.lifecycle !== 'Spot' || i.lifecycleState !== 'InService' || i.healthStatus !== 'Healthy') return false;
  return state.cloud.ec2.getInstance(i.instanceId)?.rebalanceRecommendedAt !== undefined;
}

function replace(state: AutoScalingState, group: GroupRecord, old: InstanceRecord, now: number): void {
  const others = activeInstances(group).filter((i) => i !== old);
  const counts = zoneCounts(group, others);
  const zone = zoneForLaunch(counts) ?? old.availabilityZone;
  const replacement = launchInstance(state, group, zone, rebalanceLaunchCause(now), now, mixedChoiceIn(state, group, others, zone));
  if (replacement !== undefined) old.replacementId = replacement.instanceId;
}

/** One Capacity Rebalancing step of a group: replacements for at-risk spot instances, and their retirement. */
export function rebalanceCapacity(state: AutoScalingState, group: GroupRecord, now: number): void {
  if (!group.capacityRebalance || group.deleting) return;
  for (const old of [...group.instances]) {
    if (old.replacementId === undefined) {
      if (atRisk(state, old) && !state.suspended(group, 'Launch') && now >= group.launchRetryAt) replace(state, group, old, now);
      continue;
    }
    if (old.lifecycleState !== 'InService') continue;
    const replacement = group.instances.find((i) => i.instanceId === old.replacementId);
    if (replacement === undefined) {
      // The replacement is gone (it failed or was terminated): try again.
      delete old.replacementId;
    } else if (replacement.lifecycleState === 'InService' && !state.suspended(group, 'Terminate')) {
      startTermination(state, group, old, rebalanceTerminationCause(now, old.instanceId), now);
    }
  }
}
