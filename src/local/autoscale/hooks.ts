/**
 * Lifecycle hooks (PutLifecycleHook, DescribeLifecycleHooks, DeleteLifecycleHook,
 * CompleteLifecycleAction, RecordLifecycleActionHeartbeat) and the waits they put
 * instances in: a launching instance waits in `Pending:Wait`, a terminating one in
 * `Terminating:Wait`, until every hook's action is completed or times out and its
 * default result applies (Auto Scaling User Guide, "Amazon EC2 Auto Scaling lifecycle
 * hooks"; API Reference, PutLifecycleHook and CompleteLifecycleAction).
 *
 * @module
 */
import { DEFAULT_LIFECYCLE_RESULT, HEARTBEAT_TIMEOUT, LIFECYCLE_ACTION_RESULTS, lifecycleGlobalTimeout, MAX_LIFECYCLE_HOOKS } from '../../core/rules/aws-rules';
import { uuid } from '../ids';
import type { LifecycleHook } from '@aws-sdk/client-auto-scaling';
import { limitExceeded, validation } from './errors';
import { LIFECYCLE_TRANSITIONS, type GroupRecord, type InstanceRecord, type LifecycleActionRecord, type LifecycleHookRecord } from './model';
import type { In } from './sdk';
import type { AutoScalingState } from './state';


const LAUNCHING = 'autoscaling:EC2_INSTANCE_LAUNCHING';
type Result = (typeof LIFECYCLE_ACTION_RESULTS)[number];

function isResult(value: string): value is Result {
  return (LIFECYCLE_ACTION_RESULTS as readonly string[]).includes(value);
}

function readResult(value: string, member: string): Result {
  if (!isResult(value)) {
    throw validation(`Value ${value} for parameter ${member} is invalid. Valid values are ${LIFECYCLE_ACTION_RESULTS.join(' and ')}.`);
  }
  return value;
}

/** A hook's members as PutLifecycleHook gives them, without the group. */
type HookSettings = Omit<In<'PutLifecycleHook'>, 'AutoScalingGroupName'>;

/**
 * A hook's record from PutLifecycleHook's members (or one member of CreateAutoScalingGroup's
 * LifecycleHookSpecificationList), the members not given kept from `old`; AWS's rules checked.
 */
function hookRecord(groupName: string, p: HookSettings, old: LifecycleHookRecord | undefined): LifecycleHookRecord {
  const transition = p.LifecycleTransition ?? old?.transition;
  if (transition === undefined) throw validation('LifecycleTransition is required when creating a lifecycle hook.');
  if (!(LIFECYCLE_TRANSITIONS as readonly string[]).includes(transition)) {
    throw validation(`Invalid value for LifecycleTransition: ${transition}. Valid values are ${LIFECYCLE_TRANSITIONS.join(' and ')}.`);
  }
  const heartbeat = p.HeartbeatTimeout ?? old?.heartbeatTimeout ?? HEARTBEAT_TIMEOUT.default;
  if (heartbeat < HEARTBEAT_TIMEOUT.min || heartbeat > HEARTBEAT_TIMEOUT.max) {
    throw validation(`Value ${heartbeat} for parameter HeartbeatTimeout is invalid. It must be between ${HEARTBEAT_TIMEOUT.min} and ${HEARTBEAT_TIMEOUT.max} seconds.`);
  }
  const defaultResult = p.DefaultResult === undefined ? (old?.defaultResult ?? DEFAULT_LIFECYCLE_RESULT) : readResult(p.DefaultResult, 'DefaultResult');
  const hook: LifecycleHookRecord = { name: p.LifecycleHookName, groupName, transition, heartbeatTimeout: heartbeat, defaultResult };
  const roleARN = p.RoleARN ?? old?.roleARN;
  const target = p.NotificationTargetARN ?? old?.notificationTargetARN;
  const metadata = p.NotificationMetadata ?? old?.notificationMetadata;
  if (roleARN !== undefined) hook.roleARN = roleARN;
  if (target !== undefined && target !== '') hook.notificationTargetARN = target;
  if (metadata !== undefined) hook.notificationMetadata = metadata;
  return hook;
}

function tooManyHooks(groupName: string): Error {
  return limitExceeded(`You have reached the limit of ${MAX_LIFECYCLE_HOOKS} lifecycle hooks for AutoScalingGroup ${groupName}.`);
}

/** PutLifecycleHook: creates a hook, or changes the members given of an existing one. */
export function putLifecycleHook(state: AutoScalingState, p: In<'PutLifecycleHook'>): LifecycleHookRecord {
  const group = state.requireGroup(p.AutoScalingGroupName);
  const old = state.getLifecycleHook(group.name, p.LifecycleHookName);
  const hook = hookRecord(group.name, p, old);
  if (old === undefined && state.lifecycleHooksOf(group.name).length >= MAX_LIFECYCLE_HOOKS) throw tooManyHooks(group.name);
  state.putLifecycleHook(hook);
  return hook;
}

/** One member of CreateAutoScalingGroup's LifecycleHookSpecificationList. */
export type HookSpecification = NonNullable<In<'CreateAutoScalingGroup'>['LifecycleHookSpecificationList']>[number];

/**
 * The hooks CreateAutoScalingGroup's LifecycleHookSpecificationList gives a new group,
 * checked as PutLifecycleHook checks them, before the group exists; the group's creation
 * stores them before it launches anything, so that launch hooks hold its first instances
 * (API Reference, CreateAutoScalingGroup, LifecycleHookSpecificationList: "One or more
 * lifecycle hooks to add to the Auto Scaling group before instances are launched.").
 */
export function creationHooks(groupName: string, specs: readonly HookSpecification[]): LifecycleHookRecord[] {
  const byName = new Map<string, LifecycleHookRecord>();
  for (const spec of specs) byName.set(spec.LifecycleHookName, hookRecord(groupName, spec, undefined));
  if (byName.size > MAX_LIFECYCLE_HOOKS) throw tooManyHooks(groupName);
  return [...byName.values()];
}

/** A LifecycleHook structure. */
export function lifecycleHookShape(h: LifecycleHookRecord): LifecycleHook {
  return {
    LifecycleHookName: h.name,
    AutoScalingGroupName: h.groupName,
    LifecycleTransition: h.transition,
    NotificationTargetARN: h.notificationTargetARN,
    RoleARN: h.roleARN,
    NotificationMetadata: h.notificationMetadata,
    HeartbeatTimeout: h.heartbeatTimeout,
    GlobalTimeout: lifecycleGlobalTimeout(h.heartbeatTimeout),
    DefaultResult: h.defaultResult,
  };
}

/** DescribeLifecycleHooks: a group's hooks, all or those named. */
export function describeLifecycleHooks(state: AutoScalingState, groupName: string, names: readonly string[]): LifecycleHookRecord[] {
  const group = state.requireGroup(groupName);
  return state.lifecycleHooksOf(group.name).filter((h) => names.length === 0 || names.includes(h.name));
}

/**
 * Notes the launch hooks an instance beginning its launch (or leaving Standby) is subject
 * to: those the group has now. A hook put later applies to the instances launched after
 * it, not to one already on its way (API Reference, CreateAutoScalingGroup,
 * LifecycleHookSpecificationList: "One or more lifecycle hooks to add to the Auto Scaling
 * group before instances are launched", the way to have the group's first instances held).
 */
export function noteLaunchHooks(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord): void {
  instance.launchHooks = state.lifecycleHooksOf(group.name, LAUNCHING).map((h) => h.name);
}

/** The hooks for `transition` that apply to an instance: for a launch, only those it began launching under. */
function applicableHooks(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, transition: string): LifecycleHookRecord[] {
  const hooks = state.lifecycleHooksOf(group.name, transition);
  const noted = instance.launchHooks;
  if (transition !== LAUNCHING || noted === undefined) return hooks;
  return hooks.filter((h) => noted.includes(h.name));
}

/**
 * Puts an instance in its wait state when hooks for `transition` apply to it: one action
 * per hook. False (nothing done) when there is none.
 */
export function startLifecycleWait(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, transition: string, now: number): boolean {
  const hooks = applicableHooks(state, group, instance, transition);
  if (transition === LAUNCHING) delete instance.launchHooks;
  if (hooks.length === 0) return false;
  instance.lifecycleActions = hooks.map((h) => ({
    hookName: h.name,
    token: uuid(),
    heartbeatTimeout: h.heartbeatTimeout,
    defaultResult: h.defaultResult,
    deadline: now + h.heartbeatTimeout * 1000,
    globalDeadline: now + lifecycleGlobalTimeout(h.heartbeatTimeout) * 1000,
  }));
  instance.lifecycleState = transition === LAUNCHING ? 'Pending:Wait' : 'Terminating:Wait';
  const activity = instance.activityId === undefined ? undefined : state.activity(instance.activityId);
  if (activity !== undefined) activity.statusCode = 'MidLifecycleAction';
  return true;
}

/** The reason a launch's activity gives when a hook abandoned it. */
function abandonReason(action: LifecycleActionRecord, timedOut: boolean): string {
  const why = timedOut ? 'Heartbeat Timeout' : 'Lifecycle Action Completed with ABANDON Result';
  return `Instance failed to complete user's Lifecycle Action: Lifecycle Action with token ${action.token} was abandoned: ${why}`;
}

/**
 * Ends one action of a waiting instance with `result`. A launch goes on (Pending:Proceed)
 * once every hook continued, and is abandoned (the instance terminated, to be replaced)
 * as soon as one abandons; a termination goes on (Terminating:Proceed) either way, once
 * every hook is done or one abandons.
 */
function endAction(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, action: LifecycleActionRecord, result: Result, now: number, timedOut: boolean): void {
  const left = (instance.lifecycleActions ?? []).filter((a) => a !== action);
  instance.lifecycleActions = left;
  if (result === 'CONTINUE' && left.length > 0) return;
  delete instance.lifecycleActions;
  if (instance.lifecycleState === 'Pending:Wait') {
    if (result === 'CONTINUE') {
      instance.lifecycleState = 'Pending:Proceed';
      return;
    }
    const reason = abandonReason(action, timedOut);
    const activity = instance.activityId === undefined ? undefined : state.activity(instance.activityId);
    if (activity !== undefined) activity.description = `${activity.description}.  Status Reason: ${reason}`;
    state.finishActivity(instance.activityId, now, 'Cancelled', reason);
    state.cloud.ec2.terminateInstance(instance.instanceId);
    state.removeInstance(group, instance);
    return;
  }
  instance.lifecycleState = 'Terminating:Proceed';
  const activity = instance.activityId === undefined ? undefined : state.activity(instance.activityId);
  if (activity !== undefined) activity.statusCode = 'InProgress';
  state.cloud.ec2.terminateInstance(instance.instanceId);
}

/** Applies the default result of every action of a waiting instance whose timeout has passed. */
export function expireLifecycleActions(state: AutoScalingState, group: GroupRecord, instance: InstanceRecord, now: number): void {
  for (const action of [...(instance.lifecycleActions ?? [])]) {
    if (instance.lifecycleActions === undefined) return;
    if (now >= Math.min(action.deadline, action.globalDeadline)) endAction(state, group, instance, action, action.defaultResult, now, true);
  }
}

/** How CompleteLifecycleAction and RecordLifecycleActionHeartbeat name an action. */
type ActionRef = In<'RecordLifecycleActionHeartbeat'>;

function findAction(state: AutoScalingState, ref: ActionRef): { group: GroupRecord; instance: InstanceRecord; action: LifecycleActionRecord } {
  const group = state.requireGroup(ref.AutoScalingGroupName);
  const token = ref.LifecycleActionToken;
  const id = ref.InstanceId;
  if (token === undefined && id === undefined) throw validation('Either LifecycleActionToken or InstanceId must be specified.');
  for (const instance of group.instances) {
    if (token === undefined && instance.instanceId !== id) continue;
    const action = instance.lifecycleActions?.find((a) => a.hookName === ref.LifecycleHookName && (token === undefined || a.token === token));
    if (action !== undefined) return { group, instance, action };
  }
  throw validation(token !== undefined ? `No active Lifecycle Action found with token ${token}` : `No active Lifecycle Action found with instance ID ${id ?? ''}`);
}

/** CompleteLifecycleAction. */
export function completeLifecycleAction(state: AutoScalingState, ref: In<'CompleteLifecycleAction'>, now: number): void {
  const checked = readResult(ref.LifecycleActionResult, 'LifecycleActionResult');
  const { group, instance, action } = findAction(state, ref);
  endAction(state, group, instance, action, checked, now, false);
}

/** RecordLifecycleActionHeartbeat: the action's timeout starts again, within its global timeout. */
export function recordLifecycleActionHeartbeat(state: AutoScalingState, ref: ActionRef, now: number): void {
  const { action } = findAction(state, ref);
  action.deadline = now + action.heartbeatTimeout * 1000;
}

/**
 * DeleteLifecycleHook. Outstanding actions of the hook are completed first, ABANDON for
 * launching instances and CONTINUE for terminating ones (API Reference, DeleteLifecycleHook).
 */
export function deleteLifecycleHook(state: AutoScalingState, groupName: string, name: string, now: number): void {
  const group = state.requireGroup(groupName);
  if (state.getLifecycleHook(group.name, name) === undefined) {
    throw validation(`No Lifecycle Hook found with name ${name} for AutoScalingGroup ${group.name}.`);
  }
  for (const instance of [...group.instances]) {
    const action = instance.lifecycleActions?.find((a) => a.hookName === name);
    if (action !== undefined) endAction(state, group, instance, action, instance.lifecycleState === 'Pending:Wait' ? 'ABANDON' : 'CONTINUE', now, false);
  }
  state.deleteLifecycleHook(group.name, name);
}

/**
 * What DeleteAutoScalingGroup with ForceDelete does to lifecycle hooks: it "deletes any
 * outstanding lifecycle actions associated with the group" (API Reference,
 * DeleteAutoScalingGroup), so the group's hooks go, an instance held in Terminating:Wait
 * is terminated now, and one held in Pending:Wait is released for its termination.
 */
export function dropLifecycleHooksForDelete(state: AutoScalingState, group: GroupRecord): void {
  for (const h of state.lifecycleHooksOf(group.name)) state.deleteLifecycleHook(group.name, h.name);
  for (const instance of group.instances) {
    if (instance.lifecycleActions === undefined) continue;
    delete instance.lifecycleActions;
    if (instance.lifecycleState === 'Terminating:Wait') {
      instance.lifecycleState = 'Terminating:Proceed';
      const activity = instance.activityId === undefined ? undefined : state.activity(instance.activityId);
      if (activity !== undefined) activity.statusCode = 'InProgress';
      state.cloud.ec2.terminateInstance(instance.instanceId);
    }
  }
}
