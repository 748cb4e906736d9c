/**
 * Auto Scaling groups: creation, update and deletion with AWS's rules, desired capacity,
 * suspended processes, metrics collection and load balancer attachments.
 *
 * @module
 */
import type { Filter } from '@aws-sdk/client-auto-scaling';
import { hasNetwork, type SubnetRef } from '../ec2';
import type { Checked } from '../typed';
import { uuid } from '../ids';
import { reconcileGroup } from './control';
import {
  activityInProgress,
  alreadyExists,
  groupNotFoundOnDelete,
  groupNotFoundOnUpdate,
  launchConfigNotFound,
  launchConfigurationsUnavailable,
  limitExceeded,
  resourceInUse,
  validation,
} from './errors';
import { causeTime, groupArn, launchConfigArn } from './format';
import { checkLaunchSources, groupTemplate } from './launchtemplates';
import { creationHooks, dropLifecycleHooksForDelete } from './hooks';
import { startTermination } from './lifecycle';
import { readMixedPolicy } from './mixed';
import { DEFAULT_COOLDOWN, GROUP_METRICS, PROCESS_NAMES, TERMINATION_POLICIES, isPending, isTerminating, type GroupRecord, type TagRecord } from './model';
import type { AutoScalingState } from './state';
import { checkTags, type TagInput } from './tags';
import type { In } from './sdk';
import { capacityBreach } from '../../core/rules/aws-rules';

function checkSizes(min: number, max: number, desired: number): void {
  if (min < 0) throw validation(`Min bound, ${min}, must be greater than or equal to 0`);
  const breach = capacityBreach(min, max, desired);
  if (breach === 'min-above-max') throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  if (breach !== undefined) {
    throw validation(`Desired capacity:${desired} must be between the specified min size:${min} and max size:${max}`);
  }
}

function checkHealthCheckType(type: string | undefined): void {
  if (type !== undefined && type !== 'EC2' && type !== 'ELB') {
    throw validation(`Invalid health check type: ${type}. Valid values are EC2 and ELB.`);
  }
}

function checkTerminationPolicies(policies: string[] | undefined): void {
  for (const p of policies ?? []) {
    if (!(TERMINATION_POLICIES as readonly string[]).includes(p)) {
      throw validation(`Termination policy ${p} is not valid. Valid termination policies are: ${TERMINATION_POLICIES.join(', ')}`);
    }
  }
}

function checkLoadBalancers(state: AutoScalingState, names: readonly string[]): void {
  if (names.some((n) => !state.cloud.elb.exists(n))) {
    throw validation('Provided Load Balancers may not be valid. Please ensure they exist and try again.');
  }
}

/** Resolves AvailabilityZones / VPCZoneIdentifier into zones and subnets. */
function placement(
  state: AutoScalingState,
  zones: string[] | undefined,
  vpcZoneIdentifier: string | undefined,
): { zones: string[]; subnets: GroupRecord['subnets'] } {
  const known = state.cloud.ec2.zones();
  const subnetIds = (vpcZoneIdentifier ?? '').split(',').map((s) => s.trim()).filter((s) => s !== '');
  const uniqueZones = [...new Set(zones ?? [])];
  for (const z of uniqueZones) {
    if (!known.includes(z)) throw validation(`Invalid Availability Zone: ${z}`);
  }
  if (subnetIds.length === 0) {
    if (uniqueZones.length === 0) throw validation('At least one Availability Zone or VPC Subnet is required.');
    return { zones: uniqueZones, subnets: [] };
  }
  if (hasNetwork(state.cloud.ec2)) return subnetPlacement(state.cloud.ec2.network().subnets, [...new Set(subnetIds)], uniqueZones);
  // An EC2 that does not say which zone a subnet is in: the subnets are spread over
  // the given zones (or the region's) in order.
  const pool = uniqueZones.length > 0 ? uniqueZones : known;
  const subnets = [...new Set(subnetIds)].map((subnetId, i) => ({ subnetId, zone: pool[i % pool.length] as string }));
  return { zones: [...new Set(subnets.map((s) => s.zone))], subnets };
}

/**
 * Subnets placed in their own zones (CreateAutoScalingGroup, VPCZoneIdentifier): each must
 * exist and all must share a VPC; zones given as well must be the subnets' zones.
 */
function subnetPlacement(known: readonly SubnetRef[], subnetIds: readonly string[], zones: readonly string[]): { zones: string[]; subnets: GroupRecord['subnets'] } {
  const found = subnetIds.map((id) => {
    const s = known.find((x) => x.id === id);
    if (s === undefined) throw validation(`The subnet ID '${id}' does not exist`);
    return s;
  });
  if (new Set(found.map((s) => s.vpcId)).size > 1) throw validation('The subnets of VPCZoneIdentifier must all be in the same VPC.');
  const subnetZones = [...new Set(found.map((s) => s.zone))];
  if (zones.length > 0 && (zones.length !== subnetZones.length || zones.some((z) => !subnetZones.includes(z)))) {
    throw validation('The availability zones of the specified subnets and the AutoScalingGroup do not match');
  }
  return { zones: subnetZones, subnets: found.map((s) => ({ subnetId: s.id, zone: s.zone })) };
}

function toTagRecords(group: string, tags: readonly TagInput[]): TagRecord[] {
  checkTags(group, tags);
  const byKey = new Map<string, TagRecord>();
  for (const t of tags) byKey.set(t.Key, { key: t.Key, value: t.Value ?? '', propagateAtLaunch: t.PropagateAtLaunch ?? false });
  return [...byKey.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
}

/** Creates a group and starts launching its instances. */
export function createGroup(state: AutoScalingState, p: In<'CreateAutoScalingGroup'>, now: number): GroupRecord {
  const name = p.AutoScalingGroupName;
  if (state.groups.has(name)) {
    throw alreadyExists(`AutoScalingGroup by this name already exists - A group with the name ${name} already exists`);
  }
  if (state.groups.size >= state.limits.maxGroups) {
    throw limitExceeded(`You have reached the limit of ${state.limits.maxGroups} Auto Scaling groups for this account.`);
  }
  checkLaunchSources(p, true);
  // A group made from an instance gets a launch configuration made for it, which such accounts can't make.
  if (p.InstanceId !== undefined && !state.launchConfigurationsAllowed) throw launchConfigurationsUnavailable();
  let lcName = p.LaunchConfigurationName;
  if (lcName !== undefined && !state.launchConfigs.has(lcName)) throw launchConfigNotFound(lcName);
  const template = p.LaunchTemplate === undefined ? undefined : groupTemplate(state, p.LaunchTemplate);
  const mixed = p.MixedInstancesPolicy === undefined ? undefined : readMixedPolicy(state, p.MixedInstancesPolicy);
  const desired = p.DesiredCapacity ?? p.MinSize;
  checkSizes(p.MinSize, p.MaxSize, desired);
  checkHealthCheckType(p.HealthCheckType);
  checkTerminationPolicies(p.TerminationPolicies);
  checkLoadBalancers(state, p.LoadBalancerNames ?? []);
  const where = placement(state, p.AvailabilityZones, p.VPCZoneIdentifier);
  const tags = toTagRecords(name, p.Tags ?? []);
  const hooks = creationHooks(name, p.LifecycleHookSpecificationList ?? []);
  if (lcName === undefined && p.InstanceId !== undefined) {
    const source = state.cloud.ec2.getInstance(p.InstanceId);
    if (source === undefined || source.state === 'terminated') throw validation(`Invalid instance ID: ${p.InstanceId}`);
    lcName = name;
    if (!state.launchConfigs.has(lcName)) {
      state.addLaunchConfig({
        name,
        arn: launchConfigArn(state.cloud.region, state.cloud.accountId, uuid(), name),
        createdTime: now,
        imageId: source.imageId,
        instanceType: source.instanceType,
        securityGroups: [],
        classicLinkVPCSecurityGroups: [],
        blockDeviceMappings: [],
        instanceMonitoring: true,
        ebsOptimized: false,
      });
    }
  }
  const group: GroupRecord = {
    name,
    arn: groupArn(state.cloud.region, state.cloud.accountId, uuid(), name),
    createdTime: now,
    minSize: p.MinSize,
    maxSize: p.MaxSize,
    desiredCapacity: 0,
    defaultCooldown: p.DefaultCooldown ?? DEFAULT_COOLDOWN,
    availabilityZones: where.zones,
    subnets: where.subnets,
    loadBalancerNames: [...new Set(p.LoadBalancerNames ?? [])],
    targetGroupARNs: [...(p.TargetGroupARNs ?? [])],
    healthCheckType: p.HealthCheckType ?? 'EC2',
    healthCheckGracePeriod: p.HealthCheckGracePeriod ?? 0,
    terminationPolicies: p.TerminationPolicies !== undefined && p.TerminationPolicies.length > 0 ? [...p.TerminationPolicies] : ['Default'],
    newInstancesProtectedFromScaleIn: p.NewInstancesProtectedFromScaleIn ?? false,
    capacityRebalance: p.CapacityRebalance ?? false,
    suspendedProcesses: [],
    enabledMetrics: [],
    tags,
    instances: [],
    deleting: false,
    cooldownUntil: 0,
    launchRetryAt: 0,
    launchFailures: 0,
    rebalancing: false,
    cpuTracked: false,
  };
  if (lcName !== undefined) group.launchConfigurationName = lcName;
  if (template !== undefined) group.launchTemplate = template;
  if (mixed !== undefined) group.mixedInstancesPolicy = mixed;
  if (p.VPCZoneIdentifier !== undefined) group.vpcZoneIdentifier = p.VPCZoneIdentifier;
  if (p.PlacementGroup !== undefined) group.placementGroup = p.PlacementGroup;
  if (p.MaxInstanceLifetime !== undefined) group.maxInstanceLifetime = p.MaxInstanceLifetime;
  if (p.DeletionProtection !== undefined) group.deletionProtection = p.DeletionProtection;
  state.addGroup(group);
  for (const hook of hooks) state.putLifecycleHook(hook);
  state.changeDesired(group, desired, 'a user request created an AutoScalingGroup', now);
  reconcileGroup(state, group, now);
  return group;
}

/** Updates a group's settings; a new size starts the launches or terminations it needs. */
export function updateGroup(state: AutoScalingState, p: In<'UpdateAutoScalingGroup'>, now: number): void {
  const group = state.groups.get(p.AutoScalingGroupName);
  if (group === undefined) throw groupNotFoundOnUpdate();
  checkLaunchSources(p, false);
  if (p.LaunchConfigurationName !== undefined && !state.launchConfigs.has(p.LaunchConfigurationName)) {
    throw launchConfigNotFound(p.LaunchConfigurationName);
  }
  const template = p.LaunchTemplate === undefined ? undefined : groupTemplate(state, p.LaunchTemplate);
  const mixed = p.MixedInstancesPolicy === undefined ? undefined : readMixedPolicy(state, p.MixedInstancesPolicy, group.mixedInstancesPolicy);
  const min = p.MinSize ?? group.minSize;
  const max = p.MaxSize ?? group.maxSize;
  if (max < min) throw validation(`Max bound, ${max}, must be greater than or equal to min bound, ${min}`);
  const desired = p.DesiredCapacity ?? Math.min(max, Math.max(min, group.desiredCapacity));
  checkSizes(min, max, desired);
  checkHealthCheckType(p.HealthCheckType);
  checkTerminationPolicies(p.TerminationPolicies);
  const where =
    p.AvailabilityZones !== undefined || p.VPCZoneIdentifier !== undefined
      ? placement(state, p.AvailabilityZones ?? (p.VPCZoneIdentifier !== undefined ? undefined : group.availabilityZones), p.VPCZoneIdentifier)
      : undefined;
  if (p.LaunchConfigurationName !== undefined) {
    group.launchConfigurationName = p.LaunchConfigurationName;
    delete group.launchTemplate;
    delete group.mixedInstancesPolicy;
  }
  if (template !== undefined) {
    group.launchTemplate = template;
    delete group.launchConfigurationName;
    delete group.mixedInstancesPolicy;
  }
  if (mixed !== undefined) {
    group.mixedInstancesPolicy = mixed;
    delete group.launchConfigurationName;
    delete group.launchTemplate;
  }
  if (where !== undefined) {
    group.availabilityZones = where.zones;
    group.subnets = where.subnets;
    if (p.VPCZoneIdentifier !== undefined) group.vpcZoneIdentifier = p.VPCZoneIdentifier;
  }
  if (p.DefaultCooldown !== undefined) group.defaultCooldown = p.DefaultCooldown;
  if (p.HealthCheckType !== undefined) group.healthCheckType = p.HealthCheckType;
  if (p.HealthCheckGracePeriod !== undefined) group.healthCheckGracePeriod = p.HealthCheckGracePeriod;
  if (p.PlacementGroup !== undefined) group.placementGroup = p.PlacementGroup;
  if (p.TerminationPolicies !== undefined && p.TerminationPolicies.length > 0) group.terminationPolicies = [...p.TerminationPolicies];
  if (p.NewInstancesProtectedFromScaleIn !== undefined) group.newInstancesProtectedFromScaleIn = p.NewInstancesProtectedFromScaleIn;
  if (p.CapacityRebalance !== undefined) group.capacityRebalance = p.CapacityRebalance;
  if (p.MaxInstanceLifetime !== undefined) group.maxInstanceLifetime = p.MaxInstanceLifetime;
  if (p.DeletionProtection !== undefined) group.deletionProtection = p.DeletionProtection;
  group.minSize = min;
  group.maxSize = max;
  state.changeDesired(group, desired, `a user request update of AutoScalingGroup constraints to min: ${min}, max: ${max}, desired: ${desired}`, now);
  reconcileGroup(state, group, now);
}

/**
 * A group's DeletionProtection refusing DeleteAutoScalingGroup. Auto Scaling User Guide,
 * "Configure deletion protection for your Amazon EC2 Auto Scaling resources": with
 * prevent-force-deletion the group "can't be deleted when using the ForceDelete option"
 * (an empty group can still be deleted without it); with prevent-all-deletion it can't be
 * deleted "regardless of whether you use the ForceDelete option"; either way "Amazon EC2
 * Auto Scaling returns a ValidationError" and the group and its instances stay as they
 * are. AWS's message text is not documented: the words below are botoscale local's.
 */
function checkDeletionProtection(group: GroupRecord, force: boolean): void {
  const level = group.deletionProtection ?? 'none';
  if (level === 'prevent-all-deletion') {
    throw validation(`AutoScalingGroup ${group.name} has DeletionProtection prevent-all-deletion and cannot be deleted, with or without ForceDelete. Set its DeletionProtection to a less restrictive level first.`);
  }
  if (level === 'prevent-force-deletion' && force) {
    throw validation(`AutoScalingGroup ${group.name} has DeletionProtection prevent-force-deletion and cannot be deleted with ForceDelete. Delete it without ForceDelete once it has no instances, or set its DeletionProtection to none first.`);
  }
}

/** Deletes a group: at once when it is empty, or (ForceDelete) after terminating its instances. */
export function deleteGroup(state: AutoScalingState, name: string, force: boolean, now: number): void {
  const group = state.groups.get(name);
  if (group === undefined) throw groupNotFoundOnDelete(name);
  checkDeletionProtection(group, force);
  if (!force) {
    if (state.hasActivityInProgress(group)) {
      throw activityInProgress('You cannot delete an AutoScalingGroup while there are scaling activities in progress for that group.');
    }
    if (group.instances.length > 0) {
      throw resourceInUse('You cannot delete an AutoScalingGroup while there are instances or pending Spot instance request(s) still in the group.');
    }
    state.removeGroup(name);
    return;
  }
  if (group.deleting) return;
  dropLifecycleHooksForDelete(state, group);
  const from = group.instances.filter((i) => isPending(i.lifecycleState) || i.lifecycleState === 'InService').length;
  state.changeDesired(group, 0, 'a user request deleted the AutoScalingGroup', now);
  group.minSize = 0;
  group.maxSize = 0;
  group.deleting = true;
  const t = causeTime(now);
  const prefix = group.pendingCause === undefined ? '' : `${group.pendingCause.text}  `;
  for (const instance of [...group.instances]) {
    if (isTerminating(instance.lifecycleState)) continue;
    if (instance.lifecycleState === 'Detaching') {
      state.removeInstance(group, instance);
      continue;
    }
    startTermination(
      state,
      group,
      instance,
      `${prefix}At ${t} an instance was taken out of service in response to a difference between desired and actual capacity, shrinking the capacity from ${from} to 0.  At ${t} instance ${instance.instanceId} was selected for termination.`,
      now,
    );
  }
  delete group.pendingCause;
  if (group.instances.length === 0) state.removeGroup(name);
}

/** SetDesiredCapacity. */
export function setDesiredCapacity(state: AutoScalingState, name: string, desired: number, honorCooldown: boolean, now: number): void {
  const group = state.requireGroup(name);
  if (honorCooldown && state.inCooldown(group, now)) {
    throw activityInProgress(`Scaling activity is in progress or the cooldown period of AutoScalingGroup ${name} has not ended.`);
  }
  if (desired > group.maxSize) {
    throw validation(`New SetDesiredCapacity value ${desired} is above max value ${group.maxSize} for the AutoScalingGroup.`);
  }
  if (desired < group.minSize) {
    throw validation(`New SetDesiredCapacity value ${desired} is below min value ${group.minSize} for the AutoScalingGroup.`);
  }
  state.changeDesired(group, desired, 'a user request explicitly set group desired capacity', now, group.defaultCooldown);
  reconcileGroup(state, group, now);
}

function processList(names: string[] | undefined): string[] {
  if (names === undefined || names.length === 0) return [...PROCESS_NAMES];
  for (const n of names) {
    if (!(PROCESS_NAMES as readonly string[]).includes(n)) throw validation(`Invalid scaling process name: ${n}`);
  }
  return [...new Set(names)];
}

/** SuspendProcesses. */
export function suspendProcesses(state: AutoScalingState, name: string, processes: string[] | undefined, now: number): void {
  const group = state.requireGroup(name);
  for (const p of processList(processes)) {
    if (!state.suspended(group, p)) group.suspendedProcesses.push({ processName: p, suspensionReason: `User suspended at ${causeTime(now)}` });
  }
  group.suspendedProcesses.sort((a, b) => (a.processName < b.processName ? -1 : 1));
}

/** ResumeProcesses. */
export function resumeProcesses(state: AutoScalingState, name: string, processes: string[] | undefined, now: number): void {
  const group = state.requireGroup(name);
  const resumed = processList(processes);
  group.suspendedProcesses = group.suspendedProcesses.filter((p) => !resumed.includes(p.processName));
  reconcileGroup(state, group, now);
}

/** EnableMetricsCollection. */
export function enableMetrics(state: AutoScalingState, name: string, metrics: string[] | undefined, granularity: string): void {
  const group = state.requireGroup(name);
  if (granularity !== '1Minute') throw validation(`Invalid granularity: ${granularity}. The only valid granularity is 1Minute.`);
  const list = metrics === undefined || metrics.length === 0 ? [...GROUP_METRICS] : metrics;
  for (const m of list) {
    if (!(GROUP_METRICS as readonly string[]).includes(m)) throw validation(`Invalid metric name: ${m}`);
  }
  const all = new Set([...group.enabledMetrics, ...list]);
  group.enabledMetrics = GROUP_METRICS.filter((m) => all.has(m));
}

/** DisableMetricsCollection. */
export function disableMetrics(state: AutoScalingState, name: string, metrics: string[] | undefined): void {
  const group = state.requireGroup(name);
  if (metrics === undefined || metrics.length === 0) {
    group.enabledMetrics = [];
    return;
  }
  for (const m of metrics) {
    if (!(GROUP_METRICS as readonly string[]).includes(m)) throw validation(`Invalid metric name: ${m}`);
  }
  group.enabledMetrics = group.enabledMetrics.filter((m) => !metrics.includes(m));
}

/** AttachLoadBalancers: registers the group's InService instances with them. */
export function attachLoadBalancers(state: AutoScalingState, name: string, lbs: string[]): void {
  const group = state.requireGroup(name);
  checkLoadBalancers(state, lbs);
  const added = lbs.filter((lb) => !group.loadBalancerNames.includes(lb));
  group.loadBalancerNames.push(...new Set(added));
  for (const instance of group.instances) {
    if (instance.lifecycleState !== 'InService') continue;
    for (const lb of new Set(added)) state.cloud.elb.registerInstances(lb, [instance.instanceId]);
    instance.registered = true;
  }
}

/** DetachLoadBalancers: deregisters the group's instances from them. */
export function detachLoadBalancers(state: AutoScalingState, name: string, lbs: string[]): void {
  const group = state.requireGroup(name);
  const removed = group.loadBalancerNames.filter((lb) => lbs.includes(lb));
  group.loadBalancerNames = group.loadBalancerNames.filter((lb) => !lbs.includes(lb));
  for (const instance of group.instances) {
    if (!instance.registered) continue;
    for (const lb of removed) if (state.cloud.elb.exists(lb)) state.cloud.elb.deregisterInstances(lb, [instance.instanceId]);
    if (group.loadBalancerNames.length === 0) instance.registered = false;
  }
}

/** The state DescribeLoadBalancers reports for one of the group's load balancers. */
export function loadBalancerState(state: AutoScalingState, group: GroupRecord, lb: string): string {
  const inService = group.instances.some((i) => i.registered && state.cloud.elb.instanceHealth(lb, i.instanceId)?.state === 'InService');
  return inService ? 'InService' : 'Added';
}

/** Whether a group matches DescribeAutoScalingGroups' filters. */
export function groupMatches(group: GroupRecord, filters: ReadonlyArray<Checked<Filter>>): boolean {
  return filters.every((f) => {
    const values = f.Values ?? [];
    const name = f.Name ?? '';
    if (name === 'tag-key') return group.tags.some((t) => values.includes(t.key));
    if (name === 'tag-value') return group.tags.some((t) => values.includes(t.value));
    if (name.startsWith('tag:')) {
      const k = name.slice(4);
      return group.tags.some((t) => t.key === k && values.includes(t.value));
    }
    throw validation(`Invalid filter name: ${name}. Valid filters are tag-key, tag-value and tag:<key>.`);
  });
}
