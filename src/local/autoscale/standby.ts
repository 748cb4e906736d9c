/**
 * EnterStandby and ExitStandby: an instance in Standby stays in the group and keeps
 * running, but leaves its load balancers, is not health-checked, does not count toward
 * the desired capacity and is not chosen by scale-in; leaving Standby it goes through
 * Pending (and any launch lifecycle hook) back to InService (Auto Scaling User Guide,
 * "Temporarily remove instances from your Auto Scaling group"; API Reference,
 * EnterStandby and ExitStandby, whose examples give the activities' wording).
 *
 * @module
 */
import { reconcileGroup } from './control';
import { validation } from './errors';
import { activityDetails, causeTime } from './format';
import { noteLaunchHooks } from './hooks';
import { addUserActivity, minViolation } from './instances';
import { deregister } from './lifecycle';
import type { ActivityRecord, GroupRecord, InstanceRecord } from './model';
import type { AutoScalingState } from './state';

/** Instances one EnterStandby or ExitStandby call may name (API Reference: "You can specify up to 20 instances"). */
const MAX_INSTANCES = 20;

function members(group: GroupRecord, ids: readonly string[], state: InstanceRecord['lifecycleState']): InstanceRecord[] {
  if (ids.length > MAX_INSTANCES) {
    throw validation(`1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to ${MAX_INSTANCES}`);
  }
  return [...new Set(ids)].map((id) => {
    const instance = group.instances.find((i) => i.instanceId === id);
    if (instance === undefined) throw validation(`The instance ${id} is not part of Auto Scaling group ${group.name}.`);
    if (instance.lifecycleState !== state) throw validation(`The instance ${id} is not in ${state}.`);
    return instance;
  });
}

/** EnterStandby: returns one activity per instance. */
export function enterStandby(state: AutoScalingState, name: string, ids: readonly string[], decrement: boolean, now: number): ActivityRecord[] {
  const group = state.requireGroup(name);
  const instances = members(group, ids, 'InService');
  if (decrement && group.desiredCapacity - instances.length < group.minSize) throw minViolation(group, 'Entering standby');
  const t = causeTime(now);
  const activities = instances.map((instance) => {
    const from = group.desiredCapacity;
    if (decrement) group.desiredCapacity -= 1;
    deregister(state, group, instance);
    instance.lifecycleState = 'Standby';
    return addUserActivity(
      state,
      group,
      instance,
      `Moving EC2 instance to Standby: ${instance.instanceId}`,
      decrement
        ? `At ${t} instance ${instance.instanceId} was moved to standby in response to a user request, shrinking the capacity from ${from} to ${group.desiredCapacity}.`
        : `At ${t} instance ${instance.instanceId} was moved to standby in response to a user request.`,
      now,
    );
  });
  reconcileGroup(state, group, now);
  return activities;
}

/** ExitStandby: the instances go back to Pending, raising the desired capacity; returns one activity per instance. */
export function exitStandby(state: AutoScalingState, name: string, ids: readonly string[], now: number): ActivityRecord[] {
  const group = state.requireGroup(name);
  const instances = members(group, ids, 'Standby');
  const to = group.desiredCapacity + instances.length;
  if (to > group.maxSize) {
    throw validation(`Exiting standby would increase the desired capacity of AutoScalingGroup ${group.name} to ${to}, above its max size of ${group.maxSize}.`);
  }
  const t = causeTime(now);
  const activities = instances.map((instance) => {
    const from = group.desiredCapacity;
    group.desiredCapacity += 1;
    instance.lifecycleState = 'Pending';
    noteLaunchHooks(state, group, instance);
    const activity = state.addActivity(group, {
      description: `Moving EC2 instance out of Standby: ${instance.instanceId}`,
      cause: `At ${t} instance ${instance.instanceId} was moved out of standby in response to a user request, increasing the capacity from ${from} to ${group.desiredCapacity}.`,
      startTime: now,
      statusCode: 'PreInService',
      progress: 30,
      details: activityDetails(instance.availabilityZone, instance.subnetId),
    });
    instance.activityId = activity.activityId;
    return activity;
  });
  reconcileGroup(state, group, now);
  return activities;
}
