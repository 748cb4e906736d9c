/**
 * The Auto Scaling state model: every group, launch configuration, policy, scheduled
 * action, notification configuration and activity of the simulated account, with the
 * bookkeeping the API and the control loop share (indexes, activities, capacity changes,
 * cooldowns, snapshots).
 *
 * @module
 */
import type { Cloud } from '../types';
import { uuid } from '../ids';
import { causeTime } from './format';
import type {
  ActivityRecord,
  AutoScalingSnapshot,
  GroupRecord,
  InstanceRecord,
  LaunchConfigRecord,
  LifecycleHookRecord,
  NotificationRecord,
  PolicyRecord,
  ScheduledActionRecord,
} from './model';
import { isPending, isTerminating } from './model';
import { groupNotFound } from './errors';
import { deletePolicyAlarms } from './targettracking';

/** Account limits of the simulated account. */
export interface AutoScalingLimits {
  /** Most groups the account may have (AWS default 200). */
  maxGroups: number;
  /** Most launch configurations the account may have (AWS default 200). */
  maxLaunchConfigurations: number;
}

/** AWS's default account limits. */
export const DEFAULT_LIMITS: AutoScalingLimits = { maxGroups: 200, maxLaunchConfigurations: 200 };

/**
 * How long an activity is kept: AWS's DescribeScalingActivities returns "all the
 * activities from the past six weeks"
 * (https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeScalingActivities.html).
 */
export const ACTIVITY_RETENTION_MS = 42 * 86_400_000;

/** Activities kept per group, and for deleted groups altogether (a memory bound of the simulation's, besides AWS's six weeks). */
const ACTIVITIES_PER_GROUP = 500;
const DELETED_ACTIVITIES = 1000;

/** Whether an activity is still running. */
export function activityRunning(a: ActivityRecord): boolean {
  return a.statusCode !== 'Successful' && a.statusCode !== 'Failed' && a.statusCode !== 'Cancelled';
}

function key(group: string, name: string): string {
  return `${group}\u0000${name}`;
}

/** The state of the simulated Auto Scaling service. */
export class AutoScalingState {
  /** The cloud the groups live in (EC2, ELB, CloudWatch, clock). */
  readonly cloud: Cloud;
  /** The account limits. */
  readonly limits: AutoScalingLimits;
  /** Groups by name. */
  readonly groups = new Map<string, GroupRecord>();
  /** Launch configurations by name. */
  readonly launchConfigs = new Map<string, LaunchConfigRecord>();
  /** Policies by group and name. */
  readonly policies = new Map<string, PolicyRecord>();
  /** Scheduled actions by group and name. */
  readonly scheduled = new Map<string, ScheduledActionRecord>();
  /** Notification configurations by group and topic. */
  readonly notifications = new Map<string, NotificationRecord>();
  /** Lifecycle hooks by group and name. */
  readonly lifecycleHooks = new Map<string, LifecycleHookRecord>();
  /** Activities of live groups, oldest first. */
  readonly activities = new Map<string, ActivityRecord[]>();
  /** Activities of deleted groups, oldest first. */
  deletedActivities: ActivityRecord[] = [];
  /** Last minute (ms) whose metrics were published. */
  lastMetricsMinute = -Infinity;
  /**
   * Whether the account may create launch configurations (false: a new account's
   * UnsupportedOperation). A server setting, not part of the snapshot.
   */
  launchConfigurationsAllowed = true;

  readonly #policyArns = new Map<string, string>();
  readonly #activityIds = new Map<string, ActivityRecord>();
  readonly #instanceGroups = new Map<string, string>();
  /** Per activity list, the length below which it is not scanned for one to drop. */
  readonly #trimFrom = new WeakMap<ActivityRecord[], number>();
  #sortedGroups: string[] | undefined;
  #sortedLaunchConfigs: string[] | undefined;

  /** An empty account in `cloud`. */
  constructor(cloud: Cloud, limits: AutoScalingLimits = DEFAULT_LIMITS) {
    this.cloud = cloud;
    this.limits = limits;
  }

  // ---- groups -------------------------------------------------------------------------

  /** The group, or a ValidationError in the wording most actions use. */
  requireGroup(name: string): GroupRecord {
    const g = this.groups.get(name);
    if (g === undefined) throw groupNotFound(name);
    return g;
  }

  /** Group names in AWS's order (sorted). */
  sortedGroupNames(): string[] {
    this.#sortedGroups ??= [...this.groups.keys()].sort();
    return this.#sortedGroups;
  }

  /** Adds a new group. */
  addGroup(group: GroupRecord): void {
    this.groups.set(group.name, group);
    this.activities.set(group.name, this.activities.get(group.name) ?? []);
    this.#sortedGroups = undefined;
  }

  /** Removes a group with its policies, scheduled actions and notifications; its activities stay as a deleted group's. */
  removeGroup(name: string): void {
    const group = this.groups.get(name);
    if (group === undefined) return;
    for (const i of group.instances) this.#instanceGroups.delete(i.instanceId);
    this.groups.delete(name);
    this.#sortedGroups = undefined;
    for (const [k, p] of this.policies) {
      if (p.groupName === name) {
        deletePolicyAlarms(this.cloud.cloudwatch, p);
        this.policies.delete(k);
        this.#policyArns.delete(p.arn);
      }
    }
    for (const [k, s] of this.scheduled) if (s.groupName === name) this.scheduled.delete(k);
    for (const [k, n] of this.notifications) if (n.groupName === name) this.notifications.delete(k);
    for (const [k, h] of this.lifecycleHooks) if (h.groupName === name) this.lifecycleHooks.delete(k);
    const acts = this.activities.get(name) ?? [];
    this.activities.delete(name);
    this.deletedActivities.push(...acts);
    const drop = this.deletedActivities.length - DELETED_ACTIVITIES;
    if (drop > 0) {
      for (const a of this.deletedActivities.slice(0, drop)) this.#activityIds.delete(a.activityId);
      this.deletedActivities = this.deletedActivities.slice(drop);
    }
  }

  // ---- launch configurations ------------------------------------------------------------

  /** Launch configuration names in AWS's order (sorted). */
  sortedLaunchConfigNames(): string[] {
    this.#sortedLaunchConfigs ??= [...this.launchConfigs.keys()].sort();
    return this.#sortedLaunchConfigs;
  }

  /** Adds a launch configuration. */
  addLaunchConfig(lc: LaunchConfigRecord): void {
    this.launchConfigs.set(lc.name, lc);
    this.#sortedLaunchConfigs = undefined;
  }

  /** Removes a launch configuration. */
  removeLaunchConfig(name: string): void {
    this.launchConfigs.delete(name);
    this.#sortedLaunchConfigs = undefined;
  }

  // ---- policies, scheduled actions, notifications -------------------------------------

  /** A group's policy by name. */
  getPolicy(group: string, name: string): PolicyRecord | undefined {
    return this.policies.get(key(group, name));
  }

  /** A policy by ARN. */
  policyByArn(arn: string): PolicyRecord | undefined {
    const k = this.#policyArns.get(arn);
    return k === undefined ? undefined : this.policies.get(k);
  }

  /** Adds or replaces a policy. */
  putPolicy(policy: PolicyRecord): void {
    this.policies.set(key(policy.groupName, policy.name), policy);
    this.#policyArns.set(policy.arn, key(policy.groupName, policy.name));
  }

  /** Removes a policy. */
  deletePolicy(policy: PolicyRecord): void {
    deletePolicyAlarms(this.cloud.cloudwatch, policy);
    this.policies.delete(key(policy.groupName, policy.name));
    this.#policyArns.delete(policy.arn);
  }

  /** A group's scheduled action by name. */
  getScheduled(group: string, name: string): ScheduledActionRecord | undefined {
    return this.scheduled.get(key(group, name));
  }

  /** Adds or replaces a scheduled action. */
  putScheduled(action: ScheduledActionRecord): void {
    this.scheduled.set(key(action.groupName, action.name), action);
  }

  /** Removes a scheduled action; false when there was none. */
  deleteScheduled(group: string, name: string): boolean {
    return this.scheduled.delete(key(group, name));
  }

  /** A group's notification configuration for a topic. */
  getNotification(group: string, topic: string): NotificationRecord | undefined {
    return this.notifications.get(key(group, topic));
  }

  /** Adds or replaces a notification configuration. */
  putNotification(n: NotificationRecord): void {
    this.notifications.set(key(n.groupName, n.topicARN), n);
  }

  /** Removes a notification configuration; false when there was none. */
  deleteNotification(group: string, topic: string): boolean {
    return this.notifications.delete(key(group, topic));
  }

  /** A group's lifecycle hook by name. */
  getLifecycleHook(group: string, name: string): LifecycleHookRecord | undefined {
    return this.lifecycleHooks.get(key(group, name));
  }

  /** A group's lifecycle hooks, by name; only those of `transition` when given. */
  lifecycleHooksOf(group: string, transition?: string): LifecycleHookRecord[] {
    return [...this.lifecycleHooks.values()]
      .filter((h) => h.groupName === group && (transition === undefined || h.transition === transition))
      .sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  /** Adds or replaces a lifecycle hook. */
  putLifecycleHook(hook: LifecycleHookRecord): void {
    this.lifecycleHooks.set(key(hook.groupName, hook.name), hook);
  }

  /** Removes a lifecycle hook; false when there was none. */
  deleteLifecycleHook(group: string, name: string): boolean {
    return this.lifecycleHooks.delete(key(group, name));
  }

  // ---- instances ------------------------------------------------------------------------

  /** The group an instance belongs to. */
  groupOfInstance(instanceId: string): GroupRecord | undefined {
    const name = this.#instanceGroups.get(instanceId);
    return name === undefined ? undefined : this.groups.get(name);
  }

  /** Adds an instance to a group. */
  addInstance(group: GroupRecord, instance: InstanceRecord): void {
    group.instances.push(instance);
    this.#instanceGroups.set(instance.instanceId, group.name);
  }

  /** Takes an instance out of its group. */
  removeInstance(group: GroupRecord, instance: InstanceRecord): void {
    const i = group.instances.indexOf(instance);
    if (i >= 0) group.instances.splice(i, 1);
    this.#instanceGroups.delete(instance.instanceId);
  }

  // ---- activities -----------------------------------------------------------------------

  /** Records a new activity of a group. */
  addActivity(group: GroupRecord, fields: Omit<ActivityRecord, 'activityId' | 'groupName' | 'groupArn'>): ActivityRecord {
    const activity: ActivityRecord = { activityId: uuid(), groupName: group.name, groupArn: group.arn, ...fields };
    let list = this.activities.get(group.name);
    if (list === undefined) {
      list = [];
      this.activities.set(group.name, list);
    }
    list.push(activity);
    this.#activityIds.set(activity.activityId, activity);
    if (list.length > ACTIVITIES_PER_GROUP && list.length >= (this.#trimFrom.get(list) ?? 0)) {
      const i = list.findIndex((a) => !activityRunning(a));
      if (i >= 0) {
        this.#activityIds.delete((list[i] as ActivityRecord).activityId);
        list.splice(i, 1);
      } else {
        // Every kept activity still runs (a group launching thousands at once): scanning
        // them again for each new one made a big launch quadratic; look again once the
        // list has doubled.
        this.#trimFrom.set(list, list.length * 2);
      }
    }
    return activity;
  }

  /**
   * Forgets finished activities older than six weeks (by their end), oldest first: lists
   * are in start order, so the scan stops at the first one still kept.
   */
  expireActivities(now: number): void {
    const cutoff = now - ACTIVITY_RETENTION_MS;
    const expire = (list: ActivityRecord[]): number => {
      let drop = 0;
      for (const a of list) {
        if (activityRunning(a) || (a.endTime ?? a.startTime) >= cutoff) break;
        this.#activityIds.delete(a.activityId);
        drop++;
      }
      return drop;
    };
    for (const list of this.activities.values()) {
      const drop = expire(list);
      if (drop > 0) list.splice(0, drop);
    }
    const drop = expire(this.deletedActivities);
    if (drop > 0) this.deletedActivities = this.deletedActivities.slice(drop);
  }

  /** An activity (of a live or deleted group) by id. */
  activity(id: string): ActivityRecord | undefined {
    return this.#activityIds.get(id);
  }

  /** Marks an activity done. */
  finishActivity(id: string | undefined, now: number, statusCode: ActivityRecord['statusCode'] = 'Successful', statusMessage?: string): void {
    if (id === undefined) return;
    const a = this.#activityIds.get(id);
    if (a === undefined || !activityRunning(a)) return;
    a.statusCode = statusCode;
    a.progress = 100;
    a.endTime = now;
    if (statusMessage !== undefined) a.statusMessage = statusMessage;
  }

  /** Whether a group has a launch or termination still running. */
  hasActivityInProgress(group: GroupRecord): boolean {
    return group.instances.some((i) => isPending(i.lifecycleState) || isTerminating(i.lifecycleState));
  }

  // ---- capacity and cooldown ------------------------------------------------------------

  /**
   * Changes a group's desired capacity for a reason AWS words as `who` ("a user request
   * explicitly set group desired capacity"), recording the sentence the following
   * activities' causes start with. `cooldown` (seconds) starts once those activities end.
   */
  changeDesired(group: GroupRecord, desired: number, who: string, now: number, cooldown?: number): boolean {
    const old = group.desiredCapacity;
    if (desired === old) return false;
    group.desiredCapacity = desired;
    group.pendingCause = {
      text: `At ${causeTime(now)} ${who} changing the desired capacity from ${old} to ${desired}.`,
    };
    if (cooldown !== undefined) group.cooldownPending = cooldown;
    return true;
  }

  /** Whether simple scaling must wait: an activity runs, or a cooldown has not ended. */
  inCooldown(group: GroupRecord, now: number): boolean {
    return group.cooldownPending !== undefined || now < group.cooldownUntil || this.hasActivityInProgress(group);
  }

  /** Whether a process is suspended for the group. */
  suspended(group: GroupRecord, process: string): boolean {
    return group.suspendedProcesses.some((p) => p.processName === process);
  }

  // ---- persistence ----------------------------------------------------------------------

  /**
   * The whole state as JSON-safe data. It shares the live records (copying 10,000 groups
   * would double the cost of every `--state` write): serialise it before the next change.
   */
  snapshot(): AutoScalingSnapshot {
    const activities: ActivityRecord[] = [...this.deletedActivities];
    for (const list of this.activities.values()) activities.push(...list);
    return {
      version: 1,
      groups: [...this.groups.values()],
      launchConfigurations: [...this.launchConfigs.values()],
      policies: [...this.policies.values()],
      scheduledActions: [...this.scheduled.values()],
      notifications: [...this.notifications.values()],
      activities,
      lastMetricsMinute: Number.isFinite(this.lastMetricsMinute) ? this.lastMetricsMinute : 0,
      lifecycleHooks: [...this.lifecycleHooks.values()],
    };
  }

  /** Replaces the whole state with a snapshot's. */
  restore(snapshot: AutoScalingSnapshot): void {
    const s = structuredClone(snapshot);
    this.groups.clear();
    this.launchConfigs.clear();
    this.policies.clear();
    this.scheduled.clear();
    this.notifications.clear();
    this.lifecycleHooks.clear();
    this.activities.clear();
    this.deletedActivities = [];
    this.#policyArns.clear();
    this.#activityIds.clear();
    this.#instanceGroups.clear();
    this.#sortedGroups = undefined;
    this.#sortedLaunchConfigs = undefined;
    for (const g of s.groups) {
      this.groups.set(g.name, g);
      this.activities.set(g.name, []);
      for (const i of g.instances) this.#instanceGroups.set(i.instanceId, g.name);
    }
    for (const lc of s.launchConfigurations) this.launchConfigs.set(lc.name, lc);
    for (const p of s.policies) this.putPolicy(p);
    for (const a of s.scheduledActions) this.putScheduled(a);
    for (const n of s.notifications) this.putNotification(n);
    for (const h of s.lifecycleHooks ?? []) this.putLifecycleHook(h);
    for (const a of s.activities) {
      const list = this.activities.get(a.groupName);
      const group = this.groups.get(a.groupName);
      if (list !== undefined && group !== undefined && group.arn === a.groupArn) list.push(a);
      else this.deletedActivities.push(a);
      this.#activityIds.set(a.activityId, a);
    }
    this.lastMetricsMinute = s.lastMetricsMinute;
  }
}
