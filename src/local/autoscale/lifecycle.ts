/**
 * Launching and terminating a group's instances: the EC2 calls, the load balancer
 * registrations, the instance records and the activities AWS writes for them.
 *
 * @module
 */
import type { Ec2InstanceView, LaunchSpec, TemplatePlacement } from '../types';
import { activityDetails, causeTime } from './format';
import { noteLaunchHooks, startLifecycleWait } from './hooks';
import type { MixedLaunch } from './mixed';
import type { ActivityRecord, GroupRecord, InstanceRecord, TemplateRefRecord } from './model';
import type { AutoScalingState } from './state';
import { subnetFor } from './zones';

/** Launches backed off after a failure are retried no later than this (ms). */
const MAX_LAUNCH_BACKOFF = 300_000;
const FIRST_LAUNCH_BACKOFF = 10_000;

function failLaunch(state: AutoScalingState, group: GroupRecord, zone: string, cause: string, reason: string, now: number): void {
  // EC2's reasons mostly end in a full stop; the few that don't get one, as AWS's activities show.
  const message = `${/[.!?]$/.test(reason) ? reason : `${reason}.`} Launching EC2 instance failed.`;
  state.addActivity(group, {
    description: `Launching a new EC2 instance.  Status Reason: ${message}`,
    cause,
    startTime: now,
    endTime: now,
    statusCode: 'Failed',
    statusMessage: message,
    progress: 100,
    details: activityDetails(zone, subnetFor(group, zone)),
  });
  group.launchFailures += 1;
  group.launchRetryAt = now + Math.min(MAX_LAUNCH_BACKOFF, FIRST_LAUNCH_BACKOFF * 2 ** (group.launchFailures - 1));
}

/** What an instance records of where it was launched from. */
type LaunchSource = Pick<InstanceRecord, 'launchConfigurationName' | 'launchConfigurationCreated' | 'launchTemplate'>;

/** Why a launch could not start, in the words its failed activity gives. */
class LaunchFailure extends Error {}

function fromLaunchConfig(state: AutoScalingState, group: GroupRecord, zone: string, subnetId: string | undefined, tags: LaunchSpec['tags']): { view: Ec2InstanceView; source: LaunchSource } {
  const lc = group.launchConfigurationName === undefined ? undefined : state.launchConfigs.get(group.launchConfigurationName);
  if (lc === undefined) throw new LaunchFailure(`The launch configuration ${group.launchConfigurationName ?? ''} does not exist.`);
  if (!state.cloud.ec2.imageExists(lc.imageId)) throw new LaunchFailure(`The image id '[${lc.imageId}]' does not exist.`);
  const spec: LaunchSpec = {
    imageId: lc.imageId,
    instanceType: lc.instanceType,
    availabilityZone: zone,
    securityGroups: [...lc.securityGroups],
    monitoring: lc.instanceMonitoring,
  };
  if (tags !== undefined) spec.tags = tags;
  if (lc.keyName !== undefined) spec.keyName = lc.keyName;
  if (lc.userData !== undefined) spec.userData = lc.userData;
  if (subnetId !== undefined) spec.subnetId = subnetId;
  if (lc.spotPrice !== undefined) spec.spotPrice = lc.spotPrice;
  if (lc.iamInstanceProfile !== undefined) spec.iamInstanceProfile = lc.iamInstanceProfile;
  if (lc.associatePublicIpAddress !== undefined) spec.associatePublicIpAddress = lc.associatePublicIpAddress;
  return { view: state.cloud.ec2.runInstance(spec), source: { launchConfigurationName: lc.name, launchConfigurationCreated: lc.createdTime } };
}

/** A launch from the group's launch template: EC2 resolves `$Latest`/`$Default` now, as it does on AWS. */
function fromTemplate(state: AutoScalingState, template: TemplateRefRecord, zone: string, subnetId: string | undefined, tags: LaunchSpec['tags'], choice?: MixedLaunch): { view: Ec2InstanceView; source: LaunchSource } {
  const placement: TemplatePlacement = { availabilityZone: zone };
  if (choice?.override !== undefined) placement.instanceType = choice.override.instanceType;
  if (choice?.spot === true) placement.spot = true;
  if (subnetId !== undefined) placement.subnetId = subnetId;
  if (tags !== undefined) placement.tags = tags;
  const view = state.cloud.ec2.runInstanceFromTemplate({ id: template.id, version: template.version }, placement);
  const used = view.launchTemplate;
  return { view, source: { launchTemplate: { id: template.id, name: used?.name ?? template.name, version: used === undefined ? template.version : String(used.version) } } };
}

/** The template a launch uses: a mixed group's override's or policy's, else the group's. */
function templateFor(group: GroupRecord, choice: MixedLaunch | undefined): TemplateRefRecord | undefined {
  const mixed = group.mixedInstancesPolicy;
  if (mixed !== undefined) return choice?.override?.launchTemplate ?? mixed.launchTemplate;
  return group.launchTemplate;
}

/**
 * Launches one instance of the group in `zone` (a mixed group's: as `choice` says);
 * returns it, or undefined when the launch failed.
 */
export function launchInstance(state: AutoScalingState, group: GroupRecord, zone: string, cause: string, now: number, choice?: MixedLaunch): InstanceRecord | undefined {
  const subnetId = subnetFor(group, zone);
  const tags = [
    ...group.tags.filter((t) => t.propagateAtLaunch).map((t) => ({ key: t.key, value: t.value })),
    { key: 'aws:autoscaling:groupName', value: group.name },
  ];
  let launched: { view: Ec2InstanceView; source: LaunchSource };
  try {
    const template = templateFor(group, choice);
    launched = template !== undefined ? fromTemplate(state, template, zone, subnetId, tags, choice) : fromLaunchConfig(state, group, zone, subnetId, tags);
  } catch (err) {
    failLaunch(state, group, zone, cause, err instanceof Error ? err.message : String(err), now);
    return undefined;
  }
  const { view, source } = launched;
  group.launchFailures = 0;
  const activity = state.addActivity(group, {
    description: `Launching a new EC2 instance: ${view.id}`,
    cause,
    startTime: now,
    statusCode: 'PreInService',
    progress: 30,
    details: activityDetails(view.availabilityZone, subnetId),
  });
  const instance: InstanceRecord = {
    instanceId: view.id,
    availabilityZone: view.availabilityZone,
    instanceType: view.instanceType,
    lifecycleState: 'Pending',
    healthStatus: 'Healthy',
    ...source,
    protectedFromScaleIn: group.newInstancesProtectedFromScaleIn,
    launchTime: view.launchTime,
    activityId: activity.activityId,
    registered: false,
  };
  if (subnetId !== undefined) instance.subnetId = subnetId;
  if (view.instanceLifecycle === 'spot') instance.lifecycle = 'Spot';
  if (choice?.override?.weightedCapacity !== undefined) instance.weightedCapacity = choice.override.weightedCapacity;
  noteLaunchHooks(state, group, instance);
  state.addInstance(group, instance);
  return instance;
}

/** Registers an InService instance with the group's load balancers (AddToLoadBalancer). */
export function register(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord): void {
  if (instance.registered || group.loadBalancerNames.length === 0) return;
  for (const lb of group.loadBalancerNames) {
    if (state.cloud.elb.exists(lb)) state.cloud.elb.registerInstances(lb, [instance.instanceId]);
  }
  instance.registered = true;
}

/** Deregisters an instance from the group's load balancers. */
export function deregister(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord): void {
  if (!instance.registered) return;
  for (const lb of group.loadBalancerNames) {
    if (state.cloud.elb.exists(lb)) state.cloud.elb.deregisterInstances(lb, [instance.instanceId]);
  }
  instance.registered = false;
}

/** Marks a pending instance InService once EC2 runs it. */
export function bringInService(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, now: number): void {
  instance.lifecycleState = 'InService';
  instance.inServiceTime = now;
  if (!state.suspended(group, 'AddToLoadBalancer')) register(state, group, instance);
  state.finishActivity(instance.activityId, now);
  delete instance.activityId;
}

/**
 * Starts terminating an instance: deregisters it, asks EC2 to terminate it, and records
 * the activity (finished once EC2 reports the instance terminated). With termination
 * lifecycle hooks the instance waits in Terminating:Wait first, and EC2 is asked once
 * they let it go.
 */
export function startTermination(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, cause: string, now: number): ActivityRecord {
  deregister(state, group, instance);
  if (instance.activityId !== undefined) {
    state.finishActivity(instance.activityId, now, 'Cancelled', 'The instance was terminated before it came into service.');
  }
  const activity = state.addActivity(group, {
    description: `Terminating EC2 instance: ${instance.instanceId}`,
    cause,
    startTime: now,
    statusCode: 'InProgress',
    progress: 50,
    details: activityDetails(instance.availabilityZone, instance.subnetId),
  });
  instance.lifecycleState = 'Terminating';
  instance.activityId = activity.activityId;
  delete instance.lifecycleActions;
  if (startLifecycleWait(state, group, instance, 'autoscaling:EC2_INSTANCE_TERMINATING', now)) return activity;
  state.cloud.ec2.terminateInstance(instance.instanceId);
  return activity;
}

/** The cause of a scale-in termination, after the capacity change that led to it. */
export function scaleInCause(group: GroupRecord, instance: InstanceRecord, from: number, now: number): string {
  const t = causeTime(now);
  const prefix = group.pendingCause === undefined ? '' : `${group.pendingCause.text}  `;
  return `${prefix}At ${t} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to ${group.desiredCapacity}.  At ${t} instance ${instance.instanceId} was selected for termination.`;
}
