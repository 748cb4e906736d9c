/**
 * Instance actions: AttachInstances, DetachInstances, TerminateInstanceInAutoScalingGroup
 * and SetInstanceHealth.
 *
 * @module
 */
import { reconcileGroup } from './control';
import { activityInProgress, instanceNotFound, validation } from './errors';
import { causeTime } from './format';
import { deregister, register, startTermination } from './lifecycle';
import type { ActivityRecord, GroupRecord, InstanceRecord } from './model';
import type { AutoScalingState } from './state';
import { activeInstances } from './termination';

function details(instance: { availabilityZone: string; subnetId?: string }): string {
  return JSON.stringify(
    instance.subnetId === undefined
      ? { 'Availability Zone': instance.availabilityZone }
      : { 'Subnet ID': instance.subnetId, 'Availability Zone': instance.availabilityZone },
  );
}

function minViolation(group: GroupRecord, verb: 'Terminating' | 'Detaching'): Error {
  return validation(
    `Currently, desiredSize equals minSize (${group.minSize}). ${verb} instance without replacement will violate group's min size constraint. Either set shouldDecrementDesiredCapacity flag to false or lower group's min size.`,
  );
}

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
    state.addActivity(group, {
      description: `Attaching an existing EC2 instance: ${view.id}`,
      cause: `At ${causeTime(now)} an instance was added in response to user request. Adjusting desired capacity from ${from} to ${to}.`,
      startTime: now,
      endTime: now,
      statusCode: 'Successful',
      progress: 100,
      details: details(instance),
    });
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
  for (const i of instances) {
    if (i.lifecycleState !== 'InService' && i.lifecycleState !== 'Pending') {
      throw validation(`The instance ${i.instanceId} is not in InService or Pending state.`);
    }
  }
  if (decrement && group.desiredCapacity - instances.length < group.minSize) throw minViolation(group, 'Detaching');
  const activities: ActivityRecord[] = [];
  for (const instance of instances) {
    const from = group.desiredCapacity;
    if (decrement) group.desiredCapacity -= 1;
    deregister(state, group, instance);
    if (instance.activityId !== undefined) state.finishActivity(instance.activityId, now, 'Cancelled', 'The instance was detached before it came into service.');
    state.removeInstance(group, instance);
    activities.push(
      state.addActivity(group, {
        description: `Detaching EC2 instance: ${instance.instanceId}`,
        cause: decrement
          ? `At ${causeTime(now)} instance ${instance.instanceId} was detached in response to a user request, shrinking the capacity from ${from} to ${group.desiredCapacity}.`
          : `At ${causeTime(now)} instance ${instance.instanceId} was detached in response to a user request.`,
        startTime: now,
        endTime: now,
        statusCode: 'Successful',
        progress: 100,
        details: details(instance),
      }),
    );
  }
  reconcileGroup(state, group, now);
  return activities;
}

/** TerminateInstanceInAutoScalingGroup. */
export function terminateInstance(state: AutoScalingState, id: string, decrement: boolean, now: number): ActivityRecord {
  const group = state.groupOfInstance(id);
  if (group === undefined) throw instanceNotFound(id);
  const instance = memberOf(group, id);
  if (instance.lifecycleState === 'Terminating') {
    throw activityInProgress(`Instance ${id} is already being terminated.`);
  }
  const t = causeTime(now);
  let cause = `At ${t} instance ${id} was taken out of service in response to a user request.`;
  if (decrement) {
    if (group.desiredCapacity - 1 < group.minSize) throw minViolation(group, 'Terminating');
    const from = group.desiredCapacity;
    group.desiredCapacity -= 1;
    cause = `At ${t} instance ${id} was taken out of service in response to a user request, shrinking the capacity from ${from} to ${group.desiredCapacity}.`;
  }
  const activity = startTermination(state, group, instance, cause, now);
  reconcileGroup(state, group, now);
  return activity;
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
