/**
 * Input checks of the Auto Scaling calls and the values Auto Scaling accepts, built on the
 * shared helpers of `core/validate` (so that every message has the same wording) and the
 * constraints of `core/rules` (so that every AWS rule is written once). Scaling policies'
 * own checks are in `policy-checks.ts`, a mixed instances policy's in `mixed.ts`.
 *
 * @module
 */
import { BotoClientError } from '../core/errors';
import {
  AUTOSCALING_CALL_LIMITS, capacityBreach, HEALTH_CHECK_TYPES, HEALTH_STATUSES, HEARTBEAT_TIMEOUT, LIFECYCLE_ACTION_RESULTS, LIFECYCLE_TRANSITIONS,
  MAX_LIFECYCLE_HOOKS, TAG_FILTER_NAMES, TERMINATION_POLICIES,
} from '../core/rules/aws-rules';
import { AUTOSCALING } from '../core/rules/generated';
import { checkInt, checkLength, checkMaxItems, checkNonEmpty, checkOneOf, checkOrder, checkPattern, requireValue } from '../core/validate';
import { AutoScalingGroup } from './group';
import { LifecycleHook } from './lifecyclehook';
import type { Filter } from '@aws-sdk/client-auto-scaling';
import type { Tag } from './tag';

export { HEALTH_CHECK_TYPES, HEALTH_STATUSES, TAG_FILTER_NAMES };
/** The shared checks the calls use as they are. */
export { checkNonEmpty, requireValue };

/** The longest name of a group, launch configuration, scheduled action, topic... (the model's XmlStringMaxLen255). */
const NAME_MAX = AUTOSCALING.XmlStringMaxLen255.max;
/** The longest instance id (XmlStringMaxLen19). */
const INSTANCE_ID_MAX = AUTOSCALING.XmlStringMaxLen19.max;
/** The longest policy name or ARN (ResourceName). */
const POLICY_NAME_MAX = AUTOSCALING.ResourceName.max;
/** The longest `VPCZoneIdentifier` (XmlStringMaxLen5000). */
const VPC_ZONE_IDENTIFIER_MAX = AUTOSCALING.XmlStringMaxLen5000.max;
/** What a lifecycle hook's NotificationMetadata may hold (the model's AnyPrintableAsciiStringMaxLen4000, whole string). */
const NOTIFICATION_METADATA = new RegExp(`^(?:${AUTOSCALING.AnyPrintableAsciiStringMaxLen4000.pattern})$`);
/** How many items one call takes where the model states no limit (see `AUTOSCALING_CALL_LIMITS`). */
export const LIMITS = AUTOSCALING_CALL_LIMITS;

/** Lifecycle hook names (the model's AsciiStringMaxLen255 pattern, anchored). */
const HOOK_NAME = new RegExp(`^(?:${AUTOSCALING.AsciiStringMaxLen255.pattern})$`);

/** A group given by name or as an {@link AutoScalingGroup} (whose `name` is used). */
export type GroupRef = string | AutoScalingGroup;

function refName(ref: GroupRef | undefined): string | undefined {
  return ref instanceof AutoScalingGroup ? ref.name : ref;
}

/** The name of a required group argument, checked. */
export function groupNameOf(field: string, ref: GroupRef | undefined): string {
  return checkLength(field, requireValue(field, refName(ref)), NAME_MAX) as string;
}

/** The name of an optional group argument, checked. */
export function optionalGroupName(field: string, ref: GroupRef | undefined): string | undefined {
  return ref === undefined ? undefined : groupNameOf(field, ref);
}

/**
 * A policy is named by its ARN, or by its name within a group: AWS's PolicyName is "the
 * name or ARN of the policy" and names are unique only per group (API Reference,
 * ExecutePolicy and DeletePolicy), so a plain name without its group names no policy.
 */
export function checkPolicyRef(policyName: string, groupField: string, group: string | undefined): void {
  if (group === undefined && !policyName.startsWith('arn:')) {
    throw new BotoClientError(`policyName ${JSON.stringify(policyName)} is a name, not an ARN: give ${groupField} too (a policy's name is unique only within its group)`);
  }
}

/** A desired capacity within whichever of `[min, max]` is known. */
function checkDesired(field: string, value: number | undefined, min: number | undefined, max: number | undefined): void {
  checkInt(field, value, { min: Math.max(0, min ?? 0), ...(max === undefined ? {} : { max }) });
}

/** A group's or scheduled action's sizes, against each other. */
export function checkSizes(prefix: string, sizes: { minSize?: number; maxSize?: number; desiredCapacity?: number }): void {
  checkInt(`${prefix}minSize`, sizes.minSize, { min: 0 });
  checkInt(`${prefix}maxSize`, sizes.maxSize, { min: 0 });
  if (capacityBreach(sizes.minSize, sizes.maxSize, undefined) !== undefined) checkOrder(`${prefix}minSize`, sizes.minSize, `${prefix}maxSize`, sizes.maxSize);
  checkDesired(`${prefix}desiredCapacity`, sizes.desiredCapacity, sizes.minSize, sizes.maxSize);
}

/** Tags' keys and values (TagKey, TagValue). */
function checkTags(field: string, tags: readonly Tag[]): void {
  tags.forEach((t, i) => {
    checkLength(`${field}[${i}].key`, requireValue(`${field}[${i}].key`, t.key), AUTOSCALING.TagKey.max);
    checkLength(`${field}[${i}].value`, t.value, AUTOSCALING.TagValue.max, AUTOSCALING.TagValue.min);
  });
}

/** Tags sent to CreateOrUpdateTags or DeleteTags: at least one, each naming its group. */
export function checkTagsToSend(tags: readonly Tag[]): void {
  checkNonEmpty('tags', requireValue('tags', tags));
  checkTags('tags', tags);
  tags.forEach((t, i) => checkLength(`tags[${i}].resourceId`, requireValue(`tags[${i}].resourceId`, t.resourceId), NAME_MAX));
}

/** A lifecycle hook's name (AsciiStringMaxLen255). */
export function checkHookName(field: string, name: string | undefined): void {
  checkLength(field, requireValue(field, name), AUTOSCALING.AsciiStringMaxLen255.max);
  checkPattern(field, name, HOOK_NAME, 'letters, digits, -, _ and /');
}

/** A hook's settings, each under `prefix` (`''` for PutLifecycleHook, `lifecycleHooks[0].` in a group). */
function checkHookSettings(prefix: string, hook: LifecycleHook): void {
  checkHookName(`${prefix}name`, hook.name);
  checkOneOf(`${prefix}transition`, hook.transition, LIFECYCLE_TRANSITIONS);
  checkInt(`${prefix}heartbeatTimeout`, hook.heartbeatTimeout, { min: HEARTBEAT_TIMEOUT.min, max: HEARTBEAT_TIMEOUT.max });
  checkOneOf(`${prefix}defaultResult`, hook.defaultResult, LIFECYCLE_ACTION_RESULTS);
  const target = AUTOSCALING.NotificationTargetResourceName;
  checkLength(`${prefix}notificationTargetArn`, hook.notificationTargetArn, target.max, target.min);
  checkLength(`${prefix}roleArn`, hook.roleArn, AUTOSCALING.XmlStringMaxLen255.max);
  checkLength(`${prefix}notificationMetadata`, hook.notificationMetadata, AUTOSCALING.AnyPrintableAsciiStringMaxLen4000.max);
  checkPattern(`${prefix}notificationMetadata`, hook.notificationMetadata, NOTIFICATION_METADATA, 'printable ASCII (tabs and line breaks allowed)');
}

/** A hook before PutLifecycleHook. */
export function checkLifecycleHook(hook: LifecycleHook): void {
  checkLength('asGroup', requireValue('asGroup', hook.asGroup), NAME_MAX);
  checkHookSettings('', hook);
}

/**
 * The hooks a group is created with (CreateAutoScalingGroup's LifecycleHookSpecificationList,
 * whose members need a name and a transition): each of the group, by name, once.
 */
function checkGroupHooks(group: string, hooks: readonly LifecycleHook[]): void {
  const seen = new Set<string>();
  hooks.forEach((hook, i) => {
    const prefix = `lifecycleHooks[${i}].`;
    if (!(hook instanceof LifecycleHook)) throw new BotoClientError(`lifecycleHooks[${i}] must be a LifecycleHook, got ${typeof hook}`);
    checkHookSettings(prefix, hook);
    requireValue(`${prefix}transition`, hook.transition);
    if (hook.asGroup !== undefined && hook.asGroup !== group) {
      throw new BotoClientError(`${prefix}asGroup must be the group's name (${JSON.stringify(group)}) or left out, got ${JSON.stringify(hook.asGroup)}`);
    }
    if (seen.has(hook.name as string)) throw new BotoClientError(`${prefix}name ${JSON.stringify(hook.name)} is given twice: a group's hooks have different names`);
    seen.add(hook.name as string);
  });
  checkMaxItems('lifecycleHooks', hooks, MAX_LIFECYCLE_HOOKS);
}

/** Checks a group before `CreateAutoScalingGroup` or `UpdateAutoScalingGroup`; answers its name. */
export function checkGroup(g: AutoScalingGroup, creating: boolean): string {
  const name = checkLength('name', requireValue('name', g.name), NAME_MAX) as string;
  if (creating) {
    if (!g.launchConfigName && !g.launchTemplate && !g.mixedInstancesPolicy && !g.instanceId) requireValue('launchConfig, launchTemplate, mixedInstancesPolicy or instanceId', undefined);
    requireValue('minSize', g.minSize);
    requireValue('maxSize', g.maxSize);
    if (g.availabilityZones.length === 0 && !g.vpcZoneIdentifier) requireValue('availabilityZones or vpcZoneIdentifier', undefined);
    checkTags('tags', g.tags ?? []);
    checkGroupHooks(name, g.lifecycleHooks ?? []);
  }
  checkLength('launchConfigName', g.launchConfigName, NAME_MAX);
  checkSizes('', g);
  checkInt('defaultCooldown', g.defaultCooldown, { min: 0 });
  checkInt('healthCheckPeriod', g.healthCheckPeriod, { min: 0 });
  checkOneOf('healthCheckType', g.healthCheckType, HEALTH_CHECK_TYPES);
  (g.terminationPolicies ?? []).forEach((p, i) => checkOneOf(`terminationPolicies[${i}]`, p, TERMINATION_POLICIES));
  checkLength('placementGroup', g.placementGroup, NAME_MAX);
  checkLength('vpcZoneIdentifier', g.vpcZoneIdentifier, VPC_ZONE_IDENTIFIER_MAX);
  return name;
}

/** Load balancer names for AttachLoadBalancers / DetachLoadBalancers: 1 to 10. */
export function checkLoadBalancerNames(names: readonly string[]): string[] {
  checkNonEmpty('loadBalancerNames', requireValue('loadBalancerNames', names));
  checkMaxItems('loadBalancerNames', names, LIMITS.loadBalancersPerCall);
  names.forEach((n, i) => checkLength(`loadBalancerNames[${i}]`, n, NAME_MAX));
  return [...names];
}

/** Instance ids for a call on several instances: 1 to 20 (EnterStandby, ExitStandby). */
export function checkInstanceIds(ids: readonly string[]): string[] {
  checkNonEmpty('instanceIds', requireValue('instanceIds', ids));
  checkMaxItems('instanceIds', ids, LIMITS.instancesPerCall);
  ids.forEach((id, i) => checkLength(`instanceIds[${i}]`, id, INSTANCE_ID_MAX));
  return [...ids];
}

/** Which instance a lifecycle action is for: its instance id or its token (LifecycleActionToken, 36 characters). */
export function lifecycleActionTarget(options: { instanceId?: string; lifecycleActionToken?: string }): { InstanceId?: string; LifecycleActionToken?: string } {
  if (options.instanceId === undefined && options.lifecycleActionToken === undefined) {
    throw new BotoClientError('instanceId or lifecycleActionToken is required: which instance the lifecycle action is for');
  }
  checkLength('instanceId', options.instanceId, INSTANCE_ID_MAX);
  const token = AUTOSCALING.LifecycleActionToken;
  checkLength('lifecycleActionToken', options.lifecycleActionToken, token.max, token.min);
  return { InstanceId: options.instanceId, LifecycleActionToken: options.lifecycleActionToken };
}

/** `maxRecords` of a describe: 1 to `max` (100, or 50 for DescribeAutoScalingInstances). */
export function checkMaxRecords(value: number | undefined, max: number = LIMITS.maxRecords): void {
  checkInt('maxRecords', value, { min: 1, max });
}

/** A required name of 1 to 255 characters (a group's, launch configuration's, scheduled action's, topic's...). */
export function checkName(field: string, value: string | undefined): string {
  return checkLength(field, requireValue(field, value), NAME_MAX) as string;
}

/** An optional name of 1 to 255 characters. */
export function checkOptionalName(field: string, value: string | undefined): string | undefined {
  return checkLength(field, value, NAME_MAX);
}

/** A required instance id. */
export function checkInstanceId(field: string, value: string | undefined): string {
  return checkLength(field, requireValue(field, value), INSTANCE_ID_MAX) as string;
}

/** A required policy name or ARN. */
export function checkPolicyName(field: string, value: string | undefined): string {
  return checkLength(field, requireValue(field, value), POLICY_NAME_MAX) as string;
}

/** Instances for AttachInstances / DetachInstances: 1 to 20. */
export function checkInstanceCount(field: string, ids: readonly string[] | undefined): void {
  checkNonEmpty(field, requireValue(field, ids));
  checkMaxItems(field, ids, LIMITS.instancesPerCall);
}

/** The names (or ids) a describe is limited to: at most 50. */
export function checkDescribeNames(field: string, names: readonly string[] | undefined): void {
  checkMaxItems(field, names, LIMITS.namesPerDescribe);
}

/** The hooks DescribeLifecycleHooks is limited to (LifecycleHookNames). */
export function checkHookNames(names: readonly string[] | undefined): void {
  checkMaxItems('hookNames', names, AUTOSCALING.LifecycleHookNames.max);
  (names ?? []).forEach((n, i) => checkHookName(`hookNames[${i}]`, n));
}

/** A desired capacity set on its own (SetDesiredCapacity). */
export function checkDesiredCapacity(value: number | undefined): void {
  requireValue('desiredCapacity', value);
  checkInt('desiredCapacity', value, { min: 0 });
}

/** A health status for SetInstanceHealth. */
export function checkHealthStatus(value: string | undefined): void {
  checkOneOf('healthStatus', requireValue('healthStatus', value), HEALTH_STATUSES);
}

/** A lifecycle action's result for CompleteLifecycleAction. */
export function checkLifecycleResult(value: string | undefined): void {
  checkOneOf('result', requireValue('result', value), LIFECYCLE_ACTION_RESULTS);
}

/** DescribeTags' filters, from `{ name: value | values }`; undefined when there are none. */
export function tagFilters(filters: Record<string, string | string[]> | undefined): Filter[] | undefined {
  if (filters === undefined) return undefined;
  const out = Object.entries(filters).map(([name, values]) => {
    checkOneOf('filters key', name, TAG_FILTER_NAMES);
    const all = typeof values === 'string' ? [values] : values;
    checkNonEmpty(`filters[${JSON.stringify(name)}]`, all);
    return { Name: name, Values: [...all] };
  });
  return out.length === 0 ? undefined : out;
}
