/**
 * The Auto Scaling control loop: every clock step each group follows its instances'
 * EC2 and load balancer health, replaces unhealthy instances, converges to its desired
 * capacity across its zones, rebalances them, and starts cooldowns when its scaling
 * activities end.
 *
 * @module
 */
import { causeTime } from './format';
import { bringInService, launchInstance, scaleInCause, startTermination } from './lifecycle';
import { expireLifecycleActions, startLifecycleWait } from './hooks';
import { isPending, type GroupRecord, type InstanceRecord } from './model';
import type { AutoScalingState } from './state';
import { rebalanceCapacity } from './rebalance';
import { capacityUnits, launchMixed, mixedChoiceIn, mixedVictims } from './mixed-capacity';
import { activeInstances, selectForTermination } from './termination';
import { isImbalanced, zoneCounts, zoneForLaunch } from './zones';

function unhealthyCause(instance: InstanceRecord, now: number): string {
  const t = causeTime(now);
  switch (instance.unhealthyReason) {
    case 'ELB':
      return `At ${t} an instance was taken out of service in response to an ELB system health check failure.`;
    case 'user':
      return `At ${t} an instance was taken out of service in response to a user health-check.`;
    default:
      return `At ${t} an instance was taken out of service in response to an EC2 health check indicating it has been terminated or stopped.`;
  }
}

function markUnhealthy(instance: InstanceRecord, reason: 'EC2' | 'ELB'): void {
  instance.healthStatus = 'Unhealthy';
  instance.unhealthyReason = reason;
}

/**
 * Follows EC2 and ELB: Pending → InService (through Pending:Wait while launch lifecycle
 * hooks hold it), health checks, lifecycle hook timeouts, finished terminations.
 */
export function syncInstances(state: AutoScalingState, group: GroupRecord, now: number): void {
  const ec2 = state.cloud.ec2;
  for (const instance of [...group.instances]) {
    const view = ec2.getInstance(instance.instanceId);
    switch (instance.lifecycleState) {
      case 'Pending':
        if (view?.state === 'running') {
          if (!startLifecycleWait(state, group, instance, 'autoscaling:EC2_INSTANCE_LAUNCHING', now)) bringInService(state, group, instance, now);
        } else if (view === undefined || view.state !== 'pending') markUnhealthy(instance, 'EC2');
        break;
      case 'Pending:Wait':
      case 'Terminating:Wait':
        expireLifecycleActions(state, group, instance, now);
        break;
      case 'Pending:Proceed':
        if (view?.state === 'running') bringInService(state, group, instance, now);
        else markUnhealthy(instance, 'EC2');
        break;
      case 'InService': {
        if (state.suspended(group, 'HealthCheck') || instance.healthStatus === 'Unhealthy') break;
        if (view === undefined || view.state !== 'running') {
          markUnhealthy(instance, 'EC2');
          break;
        }
        const graceOver = now >= (instance.inServiceTime ?? instance.launchTime) + group.healthCheckGracePeriod * 1000;
        if (!graceOver) break;
        if (!view.healthy) {
          markUnhealthy(instance, 'EC2');
        } else if (group.healthCheckType === 'ELB') {
          for (const lb of group.loadBalancerNames) {
            if (state.cloud.elb.instanceHealth(lb, instance.instanceId)?.state === 'OutOfService') {
              markUnhealthy(instance, 'ELB');
              break;
            }
          }
        }
        break;
      }
      case 'Terminating':
      case 'Terminating:Proceed':
        if (view === undefined || view.state === 'terminated') {
          state.finishActivity(instance.activityId, now);
          state.removeInstance(group, instance);
        }
        break;
      default:
        break;
    }
  }
}

function replaceUnhealthy(state: AutoScalingState, group: GroupRecord, now: number): void {
  if (state.suspended(group, 'ReplaceUnhealthy') || state.suspended(group, 'Terminate')) return;
  for (const instance of group.instances) {
    if ((instance.lifecycleState === 'InService' || instance.lifecycleState === 'Pending' || instance.lifecycleState === 'Pending:Proceed') && instance.healthStatus === 'Unhealthy') {
      startTermination(state, group, instance, unhealthyCause(instance, now), now);
    }
  }
}

function launchMissing(state: AutoScalingState, group: GroupRecord, active: InstanceRecord[], now: number): void {
  const from = active.length;
  const prefix = group.pendingCause === undefined ? '' : `${group.pendingCause.text}  `;
  if (group.mixedInstancesPolicy !== undefined) {
    launchMixed(state, group, active, now, prefix);
    if (capacityUnits(activeInstances(group)) >= group.desiredCapacity) delete group.pendingCause;
    return;
  }
  const cause = `${prefix}At ${causeTime(now)} an instance was started in response to a difference between desired and actual capacity, increasing the capacity from ${from} to ${group.desiredCapacity}.`;
  const counts = zoneCounts(group, active);
  for (let n = from; n < group.desiredCapacity; n++) {
    const zone = zoneForLaunch(counts);
    if (zone === undefined) return;
    const launched = launchInstance(state, group, zone, cause, now);
    if (launched === undefined) return;
    counts.set(zone, (counts.get(zone) ?? 0) + 1);
  }
  delete group.pendingCause;
}

function terminateExtra(state: AutoScalingState, group: GroupRecord, active: InstanceRecord[], now: number): void {
  if (group.rebalancing && active.some((i) => isPending(i.lifecycleState))) return;
  const from = capacityUnits(active);
  const victims = group.mixedInstancesPolicy !== undefined ? mixedVictims(group, active, now) : selectForTermination(group, from - group.desiredCapacity, now);
  const t = causeTime(now);
  for (const victim of victims) {
    const cause = group.rebalancing
      ? `At ${t} instances were launched to balance instances in zones ${victim.availabilityZone} with other zones resulting in more than desired number of instances in the group.  At ${t} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${group.desiredCapacity}.  At ${t} instance ${victim.instanceId} was selected for termination.`
      : scaleInCause(group, victim, from, now);
    startTermination(state, group, victim, cause, now);
  }
  delete group.pendingCause;
  group.rebalancing = false;
}

function rebalance(state: AutoScalingState, group: GroupRecord, active: InstanceRecord[], now: number): void {
  if (['AZRebalance', 'Launch', 'Terminate'].some((p) => state.suspended(group, p))) return;
  if (state.hasActivityInProgress(group) || now < group.launchRetryAt || !isImbalanced(group, active)) return;
  const zone = zoneForLaunch(zoneCounts(group, active));
  if (zone === undefined) return;
  const cause = `At ${causeTime(now)} an instance was launched to aid in balancing the group's zones.`;
  if (launchInstance(state, group, zone, cause, now, mixedChoiceIn(state, group, active, zone)) !== undefined) group.rebalancing = true;
}

/**
 * Brings a group toward its desired state now: replaces unhealthy instances, launches or
 * terminates to match the desired capacity, rebalances zones, starts a pending cooldown.
 */
export function reconcileGroup(state: AutoScalingState, group: GroupRecord, now: number): void {
  if (group.deleting) return;
  replaceUnhealthy(state, group, now);
  rebalanceCapacity(state, group, now);
  const active = activeInstances(group);
  const units = capacityUnits(active);
  if (units < group.desiredCapacity) {
    if (!state.suspended(group, 'Launch') && now >= group.launchRetryAt) launchMissing(state, group, active, now);
  } else if (units > group.desiredCapacity && (group.mixedInstancesPolicy === undefined || mixedVictims(group, active, now).length > 0)) {
    if (!state.suspended(group, 'Terminate')) terminateExtra(state, group, active, now);
  } else {
    delete group.pendingCause;
    rebalance(state, group, active, now);
  }
  if (group.cooldownPending !== undefined && !state.hasActivityInProgress(group)) {
    group.cooldownUntil = now + group.cooldownPending * 1000;
    delete group.cooldownPending;
  }
}

/** One control-loop step for one group. */
export function stepGroup(state: AutoScalingState, group: GroupRecord, now: number): void {
  syncInstances(state, group, now);
  if (group.deleting) {
    if (group.instances.length === 0) state.removeGroup(group.name);
    return;
  }
  reconcileGroup(state, group, now);
}
