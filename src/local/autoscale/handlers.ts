/**
 * The Auto Scaling wire handlers: one per action, taking the SDK's input as the protocol
 * layer has checked it against the model, calling the state model, and returning the
 * SDK's output structure, which the protocol layer serialises.
 *
 * @module
 */
import { AUTOSCALING_CALL_LIMITS } from '../../core/rules/aws-rules';
import type * as AS from '@aws-sdk/client-auto-scaling';
import { awsError } from '../errors';
import { paginate, type Page } from '../paging';
import { wireHandlers } from '../typed';
import type { ServiceHandlers } from '../types';
import { activityFilter } from './activity-filters';
import { launchConfigurationsUnavailable, policyGroupNotFound, validation } from './errors';
import {
  attachLoadBalancers,
  createGroup,
  deleteGroup,
  detachLoadBalancers,
  disableMetrics,
  enableMetrics,
  groupMatches,
  loadBalancerState,
  resumeProcesses,
  setDesiredCapacity,
  suspendProcesses,
  updateGroup,
} from './groups';
import { completeLifecycleAction, deleteLifecycleHook, describeLifecycleHooks, lifecycleHookShape, putLifecycleHook, recordLifecycleActionHeartbeat } from './hooks';
import { attachInstances, detachInstances, setInstanceHealth, setInstanceProtection, terminateInstance, terminateInstances } from './instances';
import { createLaunchConfig, deleteLaunchConfig } from './launchconfigs';
import { ADJUSTMENT_TYPES, GROUP_METRICS, LIFECYCLE_TRANSITIONS, NOTIFICATION_TYPES, PROCESS_NAMES, TERMINATION_POLICIES, type ActivityRecord } from './model';
import { deletePolicy, executePolicy, putScalingPolicy } from './policies';
import { batchDeleteScheduledActions, batchPutScheduledActions, putScheduledAction, scheduledNotFound } from './scheduled';
import type { Handlers, In, Out } from './sdk';
import { activityShape, autoScalingInstanceShape, groupShape, launchConfigShape, policyShape, scheduledShape, tagShape } from './shapes';
import { enterStandby, exitStandby } from './standby';
import type { AutoScalingState } from './state';
import { createOrUpdateTags, deleteTags, describeTags } from './tags';

function page<T>(input: { MaxRecords?: number; NextToken?: string }, items: readonly T[], key: (item: T) => string, defaultSize: number, maxSize: number): Page<T> {
  const max = input.MaxRecords;
  if (max !== undefined && (max < 1 || max > maxSize)) {
    throw validation(`1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${maxSize}`);
  }
  return paginate(items, key, max, input.NextToken, { defaultSize, maxSize, refuse: (m) => awsError('autoscaling', 'InvalidNextToken', m) });
}

/** An output with its page's NextToken, written only when there is a next page. */
function withToken<T extends object>(out: T, next: string | undefined): T & { NextToken?: string } {
  return next === undefined ? out : { ...out, NextToken: next };
}

function activityPage(state: AutoScalingState, input: In<'DescribeScalingActivities'>): Out<'DescribeScalingActivities'> {
  const groupName = input.AutoScalingGroupName;
  const ids = input.ActivityIds ?? [];
  const includeDeleted = input.IncludeDeletedGroups ?? false;
  const matches = activityFilter(input.Filters ?? [], groupName);
  let items: Array<{ a: ActivityRecord; deleted: boolean }> = [];
  if (ids.length > 0) {
    for (const id of ids) {
      const a = state.activity(id);
      if (a === undefined) continue;
      const live = state.groups.get(a.groupName)?.arn === a.groupArn;
      if (groupName !== undefined && a.groupName !== groupName) continue;
      if (!live && !includeDeleted) continue;
      items.push({ a, deleted: !live });
    }
  } else {
    const names = groupName !== undefined ? [groupName] : state.sortedGroupNames();
    for (const n of names) for (const a of state.activities.get(n) ?? []) items.push({ a, deleted: false });
    if (includeDeleted) {
      for (const a of state.deletedActivities) if (groupName === undefined || a.groupName === groupName) items.push({ a, deleted: true });
    }
  }
  items = items.filter((i) => matches(i.a));
  // Newest first; activities started at the same time, latest recorded first (a stable sort of the reversed log).
  items = items.reverse().sort((x, y) => y.a.startTime - x.a.startTime);
  const p = page(input, items, (i) => i.a.activityId, 100, 100);
  return withToken({ Activities: p.items.map((i) => activityShape(i.a, i.deleted)) }, p.nextToken);
}

/** The Auto Scaling handlers over a state model. */
export function autoScalingHandlers(state: AutoScalingState): ServiceHandlers {
  return wireHandlers<typeof AS>({
    ...launchConfigurationHandlers(state),
    ...groupHandlers(state),
    ...instanceHandlers(state),
    ...policyHandlers(state),
    ...scheduledActionHandlers(state),
    ...tagAndNotificationHandlers(state),
    ...processAndAccountHandlers(state),
    ...loadBalancerAndHookHandlers(state),
  });
}

/** Launch configurations: create, delete, describe (refused when the account no longer allows them). */
function launchConfigurationHandlers(state: AutoScalingState): Handlers {
  return {
    CreateLaunchConfiguration(input, ctx) {
      if (!state.launchConfigurationsAllowed) throw launchConfigurationsUnavailable();
      createLaunchConfig(state, input, ctx.now);
    },

    DeleteLaunchConfiguration(input) {
      deleteLaunchConfig(state, input.LaunchConfigurationName);
    },

    DescribeLaunchConfigurations(input): Out<'DescribeLaunchConfigurations'> {
      const names = input.LaunchConfigurationNames ?? [];
      const all = names.length > 0 ? [...new Set(names)].sort().filter((n) => state.launchConfigs.has(n)) : state.sortedLaunchConfigNames();
      const p = page(input, all, (n) => n, 50, 100);
      return withToken(
        { LaunchConfigurations: p.items.flatMap((n) => {
          const lc = state.launchConfigs.get(n);
          return lc === undefined ? [] : [launchConfigShape(lc)];
        }) },
        p.nextToken,
      );
    },
  };
}

/** Groups themselves: create, update, delete, describe, their desired capacity and their scaling activities. */
function groupHandlers(state: AutoScalingState): Handlers {
  return {
    CreateAutoScalingGroup(input, ctx) {
      createGroup(state, input, ctx.now);
    },

    UpdateAutoScalingGroup(input, ctx) {
      updateGroup(state, input, ctx.now);
    },

    DeleteAutoScalingGroup(input, ctx) {
      deleteGroup(state, input.AutoScalingGroupName, input.ForceDelete ?? false, ctx.now);
    },

    DescribeAutoScalingGroups(input, ctx): Out<'DescribeAutoScalingGroups'> {
      const names = input.AutoScalingGroupNames ?? [];
      const filters = input.Filters ?? [];
      let all = names.length > 0 ? [...new Set(names)].sort().filter((n) => state.groups.has(n)) : state.sortedGroupNames();
      if (filters.length > 0) {
        all = all.filter((n) => {
          const g = state.groups.get(n);
          return g !== undefined && groupMatches(g, filters);
        });
      }
      const p = page(input, all, (n) => n, 50, 100);
      return withToken(
        { AutoScalingGroups: p.items.flatMap((n) => {
          const g = state.groups.get(n);
          if (g === undefined) return [];
          const shape = groupShape(g, ctx.accountId);
          // API Reference, DescribeAutoScalingGroups, IncludeInstances: "When set to true (default),
          // the response includes instance details"; false leaves them out.
          if (input.IncludeInstances === false) delete shape.Instances;
          return [shape];
        }) },
        p.nextToken,
      );
    },

    DescribeScalingActivities(input) {
      return activityPage(state, input);
    },

    SetDesiredCapacity(input, ctx) {
      setDesiredCapacity(state, input.AutoScalingGroupName, input.DesiredCapacity, input.HonorCooldown ?? false, ctx.now);
    },
  };
}

/** DescribeAutoScalingInstances: the instances named, or every group's, by instance id or group then launch order. */
function describeAutoScalingInstances(state: AutoScalingState, input: In<'DescribeAutoScalingInstances'>): Out<'DescribeAutoScalingInstances'> {
  const ids = input.InstanceIds ?? [];
  const max = AUTOSCALING_CALL_LIMITS.namesPerDescribe;
  if (ids.length > max) {
    throw validation(`1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to ${max}`);
  }
  const items: AS.AutoScalingInstanceDetails[] = [];
  const keys: string[] = [];
  if (ids.length > 0) {
    for (const id of [...new Set(ids)].sort()) {
      const g = state.groupOfInstance(id);
      const i = g?.instances.find((x) => x.instanceId === id);
      if (g !== undefined && i !== undefined) {
        items.push(autoScalingInstanceShape(g.name, i));
        keys.push(id);
      }
    }
  } else {
    for (const n of state.sortedGroupNames()) {
      const g = state.groups.get(n);
      for (const i of g?.instances ?? []) {
        items.push(autoScalingInstanceShape(n, i));
        keys.push(i.instanceId);
      }
    }
  }
  const indexes = items.map((_, k) => k);
  const p = page(input, indexes, (k) => keys[k] ?? '', 50, 50);
  return withToken({ AutoScalingInstances: p.items.flatMap((k) => items[k] ?? []) }, p.nextToken);
}

/**
 * TerminateInstanceInAutoScalingGroup: one instance by InstanceId (answered with Activity), or
 * several of a named group by InstanceIds (answered with Activities). The 1.43 model makes
 * neither member required; a call naming neither, both, or InstanceIds without
 * AutoScalingGroupName is a ValidationError (the API Reference says InstanceIds is used
 * "instead of InstanceId" and requires AutoScalingGroupName; the messages are botoscale local's,
 * apart from the first, which is the one AWS gave when InstanceId was required).
 */
function terminateInAutoScalingGroup(state: AutoScalingState, input: In<'TerminateInstanceInAutoScalingGroup'>, now: number): Out<'TerminateInstanceInAutoScalingGroup'> {
  const ids = input.InstanceIds;
  if (ids === undefined) {
    if (input.InstanceId === undefined) throw validation("1 validation error detected: Value null at 'instanceId' failed to satisfy constraint: Member must not be null");
    return { Activity: activityShape(terminateInstance(state, input.InstanceId, input.ShouldDecrementDesiredCapacity, now, input.AutoScalingGroupName)) };
  }
  if (input.InstanceId !== undefined) throw validation('Specify either InstanceId or InstanceIds, not both.');
  if (input.AutoScalingGroupName === undefined) throw validation('AutoScalingGroupName is required when InstanceIds is specified.');
  return { Activities: terminateInstances(state, input.AutoScalingGroupName, ids, input.ShouldDecrementDesiredCapacity, now).map((a) => activityShape(a)) };
}

/** A group's instances: attach, detach, describe, health, scale-in protection, termination and standby. */
function instanceHandlers(state: AutoScalingState): Handlers {
  return {
    AttachInstances(input, ctx) {
      attachInstances(state, input.AutoScalingGroupName, input.InstanceIds ?? [], ctx.now);
    },

    DetachInstances(input, ctx): Out<'DetachInstances'> {
      const acts = detachInstances(state, input.AutoScalingGroupName, input.InstanceIds ?? [], input.ShouldDecrementDesiredCapacity, ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },

    DescribeAutoScalingInstances(input) {
      return describeAutoScalingInstances(state, input);
    },

    SetInstanceHealth(input, ctx) {
      setInstanceHealth(state, input.InstanceId, input.HealthStatus, input.ShouldRespectGracePeriod ?? true, ctx.now);
    },

    SetInstanceProtection(input): Out<'SetInstanceProtection'> {
      setInstanceProtection(state, input.AutoScalingGroupName, input.InstanceIds, input.ProtectedFromScaleIn);
      return {};
    },

    TerminateInstanceInAutoScalingGroup(input, ctx): Out<'TerminateInstanceInAutoScalingGroup'> {
      return terminateInAutoScalingGroup(state, input, ctx.now);
    },

    EnterStandby(input, ctx): Out<'EnterStandby'> {
      const acts = enterStandby(state, input.AutoScalingGroupName, input.InstanceIds ?? [], input.ShouldDecrementDesiredCapacity, ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },

    ExitStandby(input, ctx): Out<'ExitStandby'> {
      const acts = exitStandby(state, input.AutoScalingGroupName, input.InstanceIds ?? [], ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },
  };
}

/** Scaling policies: put, describe, delete, execute. */
function policyHandlers(state: AutoScalingState): Handlers {
  return {
    PutScalingPolicy(input): Out<'PutScalingPolicy'> {
      const { policy, alarms } = putScalingPolicy(state, input);
      return { PolicyARN: policy.arn, Alarms: alarms };
    },

    DescribePolicies(input): Out<'DescribePolicies'> {
      const groupName = input.AutoScalingGroupName;
      if (groupName !== undefined && !state.groups.has(groupName)) throw policyGroupNotFound(groupName);
      const names = input.PolicyNames ?? [];
      const types = input.PolicyTypes ?? [];
      const all = [...state.policies.values()]
        .filter((p) => groupName === undefined || p.groupName === groupName)
        .filter((p) => names.length === 0 || names.includes(p.name) || names.includes(p.arn))
        .filter((p) => types.length === 0 || types.includes(p.policyType))
        .sort((a, b) => (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const p = page(input, all, (x) => x.arn, 50, 100);
      return withToken({ ScalingPolicies: p.items.map((x) => policyShape(x, state.cloud.cloudwatch)) }, p.nextToken);
    },

    DeletePolicy(input) {
      deletePolicy(state, input.AutoScalingGroupName, input.PolicyName);
    },

    ExecutePolicy(input, ctx) {
      executePolicy(state, input, ctx.now);
    },
  };
}

/** Scheduled actions, one at a time and in batches. */
function scheduledActionHandlers(state: AutoScalingState): Handlers {
  return {
    PutScheduledUpdateGroupAction(input, ctx) {
      putScheduledAction(state, input, ctx.now);
    },

    DescribeScheduledActions(input): Out<'DescribeScheduledActions'> {
      const groupName = input.AutoScalingGroupName;
      if (groupName !== undefined) state.requireGroup(groupName);
      const names = input.ScheduledActionNames ?? [];
      const start = input.StartTime?.getTime();
      const end = input.EndTime?.getTime();
      const all = [...state.scheduled.values()]
        .filter((s) => groupName === undefined || s.groupName === groupName)
        .filter((s) => names.length === 0 || names.includes(s.name))
        .filter((s) => {
          const next = s.nextRun ?? s.startTime;
          if (start !== undefined && (next === undefined || next < start)) return false;
          if (end !== undefined && (next === undefined || next > end)) return false;
          return true;
        })
        .sort((a, b) => (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const p = page(input, all, (s) => s.arn, 50, 100);
      return withToken({ ScheduledUpdateGroupActions: p.items.map(scheduledShape) }, p.nextToken);
    },

    DeleteScheduledAction(input) {
      const group = state.requireGroup(input.AutoScalingGroupName);
      if (!state.deleteScheduled(group.name, input.ScheduledActionName)) throw scheduledNotFound(input.ScheduledActionName);
    },

    BatchPutScheduledUpdateGroupAction(input, ctx): Out<'BatchPutScheduledUpdateGroupAction'> {
      return { FailedScheduledUpdateGroupActions: batchPutScheduledActions(state, input.AutoScalingGroupName, input.ScheduledUpdateGroupActions, ctx.now) };
    },

    BatchDeleteScheduledAction(input): Out<'BatchDeleteScheduledAction'> {
      return { FailedScheduledActions: batchDeleteScheduledActions(state, input.AutoScalingGroupName, input.ScheduledActionNames) };
    },
  };
}

/** A group's tags and its notification configurations. */
function tagAndNotificationHandlers(state: AutoScalingState): Handlers {
  return {
    CreateOrUpdateTags(input) {
      createOrUpdateTags(state, input.Tags);
    },

    DeleteTags(input) {
      deleteTags(state, input.Tags);
    },

    DescribeTags(input): Out<'DescribeTags'> {
      const all = describeTags(state, input.Filters ?? []);
      const p = page(input, all, (t) => `${t.group}\u0000${t.tag.key}`, 50, 100);
      return withToken({ Tags: p.items.map((t) => tagShape(t.group, t.tag)) }, p.nextToken);
    },

    PutNotificationConfiguration(input) {
      const group = state.requireGroup(input.AutoScalingGroupName);
      const types = input.NotificationTypes;
      for (const t of types) {
        if (!(NOTIFICATION_TYPES as readonly string[]).includes(t)) throw validation(`Invalid notification type: ${t}`);
      }
      state.putNotification({ groupName: group.name, topicARN: input.TopicARN, notificationTypes: [...new Set(types)].sort() });
    },

    DeleteNotificationConfiguration(input) {
      const group = state.requireGroup(input.AutoScalingGroupName);
      const topic = input.TopicARN;
      if (!state.deleteNotification(group.name, topic)) {
        throw validation(`Notification configuration for topic ${topic} not found for AutoScalingGroup ${group.name}`);
      }
    },

    DescribeNotificationConfigurations(input): Out<'DescribeNotificationConfigurations'> {
      const names = input.AutoScalingGroupNames ?? [];
      const rows: Array<{ group: string; topic: string; type: string }> = [];
      const configs = [...state.notifications.values()]
        .filter((n) => names.length === 0 || names.includes(n.groupName))
        .sort((a, b) => (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : a.topicARN < b.topicARN ? -1 : 1));
      for (const n of configs) for (const t of n.notificationTypes) rows.push({ group: n.groupName, topic: n.topicARN, type: t });
      const p = page(input, rows, (r) => `${r.group}\u0000${r.topic}\u0000${r.type}`, 50, 100);
      return withToken(
        { NotificationConfigurations: p.items.map((r) => ({ AutoScalingGroupName: r.group, TopicARN: r.topic, NotificationType: r.type })) },
        p.nextToken,
      );
    },

    DescribeAutoScalingNotificationTypes(): Out<'DescribeAutoScalingNotificationTypes'> {
      return { AutoScalingNotificationTypes: [...NOTIFICATION_TYPES] };
    },
  };
}

/** Metrics collection, suspended processes, the service's fixed lists and the account limits. */
function processAndAccountHandlers(state: AutoScalingState): Handlers {
  return {
    EnableMetricsCollection(input) {
      enableMetrics(state, input.AutoScalingGroupName, input.Metrics, input.Granularity);
    },

    DisableMetricsCollection(input) {
      disableMetrics(state, input.AutoScalingGroupName, input.Metrics);
    },

    DescribeMetricCollectionTypes(): Out<'DescribeMetricCollectionTypes'> {
      return { Metrics: GROUP_METRICS.map((m) => ({ Metric: m })), Granularities: [{ Granularity: '1Minute' }] };
    },

    SuspendProcesses(input, ctx) {
      suspendProcesses(state, input.AutoScalingGroupName, input.ScalingProcesses, ctx.now);
    },

    ResumeProcesses(input, ctx) {
      resumeProcesses(state, input.AutoScalingGroupName, input.ScalingProcesses, ctx.now);
    },

    DescribeScalingProcessTypes(): Out<'DescribeScalingProcessTypes'> {
      return { Processes: [...PROCESS_NAMES].sort().map((p) => ({ ProcessName: p })) };
    },

    DescribeAdjustmentTypes(): Out<'DescribeAdjustmentTypes'> {
      return { AdjustmentTypes: ADJUSTMENT_TYPES.map((t) => ({ AdjustmentType: t })) };
    },

    DescribeTerminationPolicyTypes(): Out<'DescribeTerminationPolicyTypes'> {
      return { TerminationPolicyTypes: [...TERMINATION_POLICIES] };
    },

    DescribeAccountLimits(): Out<'DescribeAccountLimits'> {
      return {
        MaxNumberOfAutoScalingGroups: state.limits.maxGroups,
        MaxNumberOfLaunchConfigurations: state.limits.maxLaunchConfigurations,
        NumberOfAutoScalingGroups: state.groups.size,
        NumberOfLaunchConfigurations: state.launchConfigs.size,
      };
    },
  };
}

/** A group's classic load balancers and its lifecycle hooks and actions. */
function loadBalancerAndHookHandlers(state: AutoScalingState): Handlers {
  return {
    AttachLoadBalancers(input): Out<'AttachLoadBalancers'> {
      attachLoadBalancers(state, input.AutoScalingGroupName, input.LoadBalancerNames);
      return {};
    },

    DetachLoadBalancers(input): Out<'DetachLoadBalancers'> {
      detachLoadBalancers(state, input.AutoScalingGroupName, input.LoadBalancerNames);
      return {};
    },

    DescribeLoadBalancers(input): Out<'DescribeLoadBalancers'> {
      const group = state.requireGroup(input.AutoScalingGroupName);
      const p = page(input, group.loadBalancerNames, (n) => n, 100, 100);
      return withToken({ LoadBalancers: p.items.map((n) => ({ LoadBalancerName: n, State: loadBalancerState(state, group, n) })) }, p.nextToken);
    },

    PutLifecycleHook(input): Out<'PutLifecycleHook'> {
      putLifecycleHook(state, input);
      return {};
    },

    DescribeLifecycleHooks(input): Out<'DescribeLifecycleHooks'> {
      const hooks = describeLifecycleHooks(state, input.AutoScalingGroupName, input.LifecycleHookNames ?? []);
      return { LifecycleHooks: hooks.map(lifecycleHookShape) };
    },

    DeleteLifecycleHook(input, ctx): Out<'DeleteLifecycleHook'> {
      deleteLifecycleHook(state, input.AutoScalingGroupName, input.LifecycleHookName, ctx.now);
      return {};
    },

    DescribeLifecycleHookTypes(): Out<'DescribeLifecycleHookTypes'> {
      return { LifecycleHookTypes: [...LIFECYCLE_TRANSITIONS] };
    },

    CompleteLifecycleAction(input, ctx): Out<'CompleteLifecycleAction'> {
      completeLifecycleAction(state, input, ctx.now);
      return {};
    },

    RecordLifecycleActionHeartbeat(input, ctx): Out<'RecordLifecycleActionHeartbeat'> {
      recordLifecycleActionHeartbeat(state, input, ctx.now);
      return {};
    },
  };
}
