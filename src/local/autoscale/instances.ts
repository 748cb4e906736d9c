/**
 * Instance actions: AttachInstances, DetachInstances, TerminateInstanceInAutoScalingGroup
 * and SetInstanceHealth.
 *
 * @module
 */
import { AUTOSCALING_CALL_LIMITS } from '../../core/rules/aws-rules';
import { reconcileGroup } from './control';
import { activityInProgress, instanceNotFound, limitExceeded, validation } from './errors';
import type { ServiceError } from '../errors';
import { activityDetails, causeTime } from './format';
import { deregister, register, startTermination } from './lifecycle';
import { isTerminating, type ActivityRecord, type GroupRecord, type InstanceRecord, type LifecycleState } from './model';
import type { AutoScalingState } from './state';
import { activeInstances } from './termination';

/**
 * Records the activity of a user request that took effect at once (AttachInstances,
 * DetachInstances, EnterStandby): Successful, with the instance's subnet and zone.
 */
export function addUserActivity(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, description: string, cause: string, now: number): ActivityRecord {
  return state.addActivity(group, {
    description,
    cause,
    startTime: now,
    endTime: now,
    statusCode: 'Successful',
    progress: 100,
    details: activityDetails(instance.availabilityZone, instance.subnetId),
  });
}

/** A request that would take the desired capacity below the min size without a replacement. */
export function minViolation(group: GroupRecord, verb: 'Terminating instance' | 'Detaching instance' | 'Entering standby'): ServiceError {
  return validation(
    `Currently, desiredSize equals minSize (${group.minSize}). ${verb} without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`,
  );
}

/**
 * The lifecycle states DetachInstances accepts (Auto Scaling User Guide, "Detach or attach
 * instances": "You can detach an instance only when it's either in an InService or
 * StandBy state").
 */
const DETACHABLE: ReadonlySet<LifecycleState> = new Set(['InService', 'Standby']);

/** AttachInstances: running instances join the group InService, raising its desired capacity. */
export function attachInstances(state: AutoScalingState, name: string, ids: readonly string[], now: number): void {
  const group = state.requireGroup(name);
  const unique = [...new Set(ids)];
  const views = unique.map((id) => {
    const view = state.cloud.ec2.getInstance(id);
    if (view === undefined || view.state === 'terminated') throw validation(`Instance ${id} is not valid: it does not exist.`);
    if (view.state !== 'running') throw validation(`Instance ${id} is not in correct state: it must be running, not ${view.state}.`);
    const other = state.groupOfInstance(id);
    if (other !== undefined) throw validation(`The instance ${id} is already part of AutoScalingGroup: ${other.name}`);
    if (!group.availabilityZones.includes(view.availabilityZone)) {
      throw validation(`Instance ${id} is in Availability Zone ${view.availabilityZone}, which is not one of the group's zones.`);
    }
    return view;
  });
  const from = group.desiredCapacity;
  const to = from + views.length;
  if (to > group.maxSize) {
    throw validation(`AutoScalingGroup ${name} cannot grow to ${to} instances: its max size is ${group.maxSize}.`);
  }
  group.desiredCapacity = to;
  for (const view of views) {
    const instance: InstanceRecord = {
      instanceId: view.id,
      availabilityZone: view.availabilityZone,
      instanceType: view.instanceType,
      lifecycleState: 'InService',
      healthStatus: 'Healthy',
      protectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
      launchTime: view.launchTime,
      inServiceTime: now,
      registered: false,
    };
    state.addInstance(group, instance);
    if (!state.suspended(group, 'AddToLoadBalancer')) register(state, group, instance);
    addUserActivity(
      state,
      group,
      instance,
      `Attaching an existing EC2 instance: ${view.id}`,
      `At ${causeTime(now)} an instance was added in response to user request. Adjusting desired capacity from ${from} to ${to}.`,
      now,
    );
  }
}

function memberOf(group: GroupRecord, id: string): InstanceRecord {
  const instance = group.instances.find((i) => i.instanceId === id);
  if (instance === undefined) throw validation(`The instance ${id} is not part of Auto Scaling group ${group.name}.`);
  return instance;
}

/** DetachInstances: the instances leave the group (still running), optionally lowering its desired capacity. */
export function detachInstances(state: AutoScalingState, name: string, ids: readonly string[], decrement: boolean, now: number): ActivityRecord[] {
  const group = state.requireGroup(name);
  const instances = [...new Set(ids)].map((id) => memberOf(group, id));
  // AWS's answer, word for word, as its clients report it: "The instance i-… is not in InService or Standby."
  const stuck = instances.find((i) => !DETACHABLE.has(i.lifecycleState));
  if (stuck !== undefined) throw validation(`The instance ${stuck.instanceId} is not in InService or Standby.`);
  // A Standby instance is outside the desired capacity already: detaching it lowers nothing.
  const counted = instances.filter((i) => i.lifecycleState !== 'Standby').length;
  if (decrement && group.desiredCapacity - counted < group.minSize) throw minViolation(group, 'Detaching instance');
  const activities: ActivityRecord[] = [];
  for (const instance of instances) {
    const from = group.desiredCapacity;
    const lowers = decrement && instance.lifecycleState !== 'Standby';
    if (lowers) group.desiredCapacity -= 1;
    deregister(state, group, instance);
    state.removeInstance(group, instance);
    activities.push(
      addUserActivity(
        state,
        group,
        instance,
        `Detaching EC2 instance: ${instance.instanceId}`,
        lowers
          ? `At ${causeTime(now)} instance ${instance.instanceId} was detached in response to a user request, shrinking the capacity from ${from} to ${group.desiredCapacity}.`
          : `At ${causeTime(now)} instance ${instance.instanceId} was detached in response to a user request.`,
        now,
      ),
    );
  }
  reconcileGroup(state, group, now);
  return activities;
}

/** Takes one instance of a group out of service at a user's request, lowering the desired capacity when asked. */
function terminateForUser(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, decrement: boolean, now: number): ActivityRecord {
  const id = instance.instanceId;
  const t = causeTime(now);
  let cause = `At ${t} instance ${id} was taken out of service in response to a user request.`;
  if (decrement) {
    const from = group.desiredCapacity;
    group.desiredCapacity -= 1;
    cause = `At ${t} instance ${id} was taken out of service in response to a user request, shrinking the capacity from ${from} to ${group.desiredCapacity}.`;
  }
  return startTermination(state, group, instance, cause, now);
}

function notTerminating(instance: InstanceRecord): void {
  if (isTerminating(instance.lifecycleState)) throw activityInProgress(`Instance ${instance.instanceId} is already being terminated.`);
}

/** TerminateInstanceInAutoScalingGroup with InstanceId (and, if given, the group it must belong to). */
export function terminateInstance(state: AutoScalingState, id: string, decrement: boolean, now: number, groupName?: string): ActivityRecord {
  const group = groupName === undefined ? state.groupOfInstance(id) : state.requireGroup(groupName);
  if (group === undefined) throw instanceNotFound(id);
  const instance = memberOf(group, id);
  notTerminating(instance);
  if (decrement && group.desiredCapacity - 1 < group.minSize) throw minViolation(group, 'Terminating instance');
  const activity = terminateForUser(state, group, instance, decrement, now);
  reconcileGroup(state, group, now);
  return activity;
}

/**
 * TerminateInstanceInAutoScalingGroup with InstanceIds (API Reference: "To terminate
 * multiple instances in a single call, use the InstanceIds and AutoScalingGroupName
 * parameters instead of InstanceId. When terminating multiple instances, the response
 * populates Activities instead of Activity"; InstanceIds "requires that you also specify
 * AutoScalingGroupName", up to 100 of them, which the model states). Every instance is
 * checked before any is terminated, so a refused call changes nothing.
 */
export function terminateInstances(state: AutoScalingState, groupName: string, ids: readonly string[], decrement: boolean, now: number): ActivityRecord[] {
  const group = state.requireGroup(groupName);
  const instances = [...new Set(ids)].map((id) => memberOf(group, id));
  instances.forEach(notTerminating);
  if (decrement && group.desiredCapacity - instances.length < group.minSize) throw minViolation(group, 'Terminating instance');
  const activities = instances.map((instance) => terminateForUser(state, group, instance, decrement, now));
  reconcileGroup(state, group, now);
  return activities;
}

/** Instances one SetInstanceProtection call may name (beyond: LimitExceeded, the error the action lists). */
const MAX_PROTECTION_IDS = AUTOSCALING_CALL_LIMITS.protectionInstancesPerCall;

/**
 * SetInstanceProtection. AWS states no lifecycle state an instance must be in, only that
 * the call "cannot be called on instances in a warm pool" (API Reference,
 * SetInstanceProtection), and botoscale local has no warm pools: every instance of the
 * group, whatever its state, takes the setting.
 */
export function setInstanceProtection(state: AutoScalingState, name: string, ids: readonly string[], protect: boolean): void {
  const group = state.requireGroup(name);
  if (ids.length > MAX_PROTECTION_IDS) {
    throw limitExceeded(`You can specify up to ${MAX_PROTECTION_IDS} instances in one SetInstanceProtection call, got ${ids.length}.`);
  }
  const instances = ids.map((id) => memberOf(group, id));
  for (const i of instances) i.protectedFromScaleIn = protect;
}

/** SetInstanceHealth. */
export function setInstanceHealth(state: AutoScalingState, id: string, status: string, respectGracePeriod: boolean, now: number): void {
  if (status !== 'Healthy' && status !== 'Unhealthy') {
    throw validation(`Valid instance health states are: [Healthy, Unhealthy]. ${status} is not one of them.`);
  }
  const group = state.groupOfInstance(id);
  if (group === undefined) throw instanceNotFound(id);
  const instance = memberOf(group, id);
  if (respectGracePeriod && status === 'Unhealthy') {
    const since = instance.inServiceTime ?? instance.launchTime;
    if (now < since + group.healthCheckGracePeriod * 1000) return;
  }
  instance.healthStatus = status;
  if (status === 'Unhealthy') instance.unhealthyReason = 'user';
  else delete instance.unhealthyReason;
  reconcileGroup(state, group, now);
}

/** Instances of a group that count toward its capacity (for `groupInstances`). */
export function inServiceIds(group: GroupRecord): string[] {
  return activeInstances(group)
    .filter((i) => i.lifecycleState === 'InService')
    .map((i) => i.instanceId);
}
