/**
 * The Auto Scaling wire handlers: one per action, reading the parsed request, calling
 * the state model, and returning the output structure the protocol layer serialises.
 *
 * @module
 */
import { paginate, type Page } from '../paging';
import type { RequestContext, ServiceHandlers, WireObject } from '../types';
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
import { optBool, optDate, optInt, optNumber, optObject, optObjects, optString, optStrings, reqInt, reqString } from './input';
import { attachInstances, detachInstances, setInstanceHealth, terminateInstance } from './instances';
import { createLaunchConfig, deleteLaunchConfig } from './launchconfigs';
import { ADJUSTMENT_TYPES, GROUP_METRICS, LIFECYCLE_TRANSITIONS, NOTIFICATION_TYPES, PROCESS_NAMES, TERMINATION_POLICIES, type BlockDeviceMappingRecord, type ActivityRecord } from './model';
import { deletePolicy, executePolicy, putScalingPolicy } from './policies';
import { batchDeleteScheduledActions, batchPutScheduledActions, putScheduledAction, scheduledNotFound } from './scheduled';
import { completeLifecycleAction, deleteLifecycleHook, describeLifecycleHooks, lifecycleHookShape, putLifecycleHook, recordLifecycleActionHeartbeat, type ActionRef } from './hooks';
import { enterStandby, exitStandby } from './standby';
import {
  activityShape,
  autoScalingInstanceShape,
  groupShape,
  launchConfigShape,
  policyShape,
  scheduledShape,
  tagShape,
} from './shapes';
import type { AutoScalingState } from './state';
import { createOrUpdateTags, deleteTags, describeTags, type TagInput } from './tags';
import { awsError } from '../errors';

function page<T>(input: WireObject, items: readonly T[], key: (item: T) => string, defaultSize: number, maxSize: number): Page<T> {
  const max = optInt(input, 'MaxRecords');
  if (max !== undefined && (max < 1 || max > maxSize)) {
    throw validation(`1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${maxSize}`);
  }
  return paginate(items, key, max, optString(input, 'NextToken'), { defaultSize, maxSize, refuse: (m) => awsError('autoscaling', 'InvalidNextToken', m) });
}

function withToken(out: WireObject, next: string | undefined): WireObject {
  if (next !== undefined) out.NextToken = next;
  return out;
}

function tagsOf(input: WireObject): TagInput[] {
  return (optObjects(input, 'Tags') ?? []).map((t) => {
    const tag: TagInput = { Key: reqString(t, 'Key') };
    const id = optString(t, 'ResourceId');
    const type = optString(t, 'ResourceType');
    const value = optString(t, 'Value');
    const propagate = optBool(t, 'PropagateAtLaunch');
    if (id !== undefined) tag.ResourceId = id;
    if (type !== undefined) tag.ResourceType = type;
    if (value !== undefined) tag.Value = value;
    if (propagate !== undefined) tag.PropagateAtLaunch = propagate;
    return tag;
  });
}

function blockDevices(input: WireObject): BlockDeviceMappingRecord[] {
  return (optObjects(input, 'BlockDeviceMappings') ?? []).map((b) => {
    const rec: BlockDeviceMappingRecord = { deviceName: reqString(b, 'DeviceName') };
    const virtualName = optString(b, 'VirtualName');
    const noDevice = optBool(b, 'NoDevice');
    const ebs = optObject(b, 'Ebs');
    if (virtualName !== undefined) rec.virtualName = virtualName;
    if (noDevice !== undefined) rec.noDevice = noDevice;
    if (ebs !== undefined) {
      rec.ebs = {};
      const snapshotId = optString(ebs, 'SnapshotId');
      const volumeSize = optInt(ebs, 'VolumeSize');
      const volumeType = optString(ebs, 'VolumeType');
      const deleteOnTermination = optBool(ebs, 'DeleteOnTermination');
      const iops = optInt(ebs, 'Iops');
      const encrypted = optBool(ebs, 'Encrypted');
      const throughput = optInt(ebs, 'Throughput');
      if (snapshotId !== undefined) rec.ebs.snapshotId = snapshotId;
      if (volumeSize !== undefined) rec.ebs.volumeSize = volumeSize;
      if (volumeType !== undefined) rec.ebs.volumeType = volumeType;
      if (deleteOnTermination !== undefined) rec.ebs.deleteOnTermination = deleteOnTermination;
      if (iops !== undefined) rec.ebs.iops = iops;
      if (encrypted !== undefined) rec.ebs.encrypted = encrypted;
      if (throughput !== undefined) rec.ebs.throughput = throughput;
    }
    return rec;
  });
}

type Reader = (input: WireObject, name: string) => unknown;

/** Reads the optional members named, each with its reader, keeping only those present. */
function pick<R extends Record<string, Reader>>(input: WireObject, readers: R): { [K in keyof R]?: Exclude<ReturnType<R[K]>, undefined> } {
  const out: Record<string, unknown> = {};
  for (const [name, read] of Object.entries(readers)) {
    const v = read(input, name);
    if (v !== undefined) out[name] = v;
  }
  return out as { [K in keyof R]?: Exclude<ReturnType<R[K]>, undefined> };
}

const GROUP_SETTINGS = {
  LaunchConfigurationName: optString,
  LaunchTemplate: optObject,
  MixedInstancesPolicy: optObject,
  DesiredCapacity: optInt,
  DefaultCooldown: optInt,
  AvailabilityZones: optStrings,
  HealthCheckType: optString,
  HealthCheckGracePeriod: optInt,
  PlacementGroup: optString,
  VPCZoneIdentifier: optString,
  TerminationPolicies: optStrings,
  NewInstancesProtectedFromScaleIn: optBool,
  CapacityRebalance: optBool,
  MaxInstanceLifetime: optInt,
};

function activityPage(state: AutoScalingState, input: WireObject): WireObject {
  const groupName = optString(input, 'AutoScalingGroupName');
  const ids = optStrings(input, 'ActivityIds') ?? [];
  const includeDeleted = optBool(input, 'IncludeDeletedGroups') ?? false;
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
  // Newest first; activities started at the same time, latest recorded first (a stable sort of the reversed log).
  items = items.reverse().sort((x, y) => y.a.startTime - x.a.startTime);
  const p = page(input, items, (i) => i.a.activityId, 100, 100);
  return withToken({ Activities: p.items.map((i) => activityShape(i.a, i.deleted)) }, p.nextToken);
}

function actionRef(input: WireObject): ActionRef {
  return {
    AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
    LifecycleHookName: reqString(input, 'LifecycleHookName'),
    ...pick(input, { LifecycleActionToken: optString, InstanceId: optString }),
  };
}

/** The Auto Scaling handlers over a state model. */
export function autoScalingHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    ...launchConfigurationHandlers(state),
    ...groupHandlers(state),
    ...instanceHandlers(state),
    ...policyHandlers(state),
    ...scheduledActionHandlers(state),
    ...tagAndNotificationHandlers(state),
    ...processAndAccountHandlers(state),
    ...loadBalancerAndHookHandlers(state),
  };
}

/** Launch configurations: create, delete, describe (refused when the account no longer allows them). */
function launchConfigurationHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    CreateLaunchConfiguration(input, ctx) {
      if (!state.launchConfigurationsAllowed) throw launchConfigurationsUnavailable();
      const monitoring = optObject(input, 'InstanceMonitoring');
      const metadata = optObject(input, 'MetadataOptions');
      const params = {
        LaunchConfigurationName: reqString(input, 'LaunchConfigurationName'),
        ...pick(input, {
          ImageId: optString,
          InstanceType: optString,
          InstanceId: optString,
          KeyName: optString,
          SecurityGroups: optStrings,
          ClassicLinkVPCId: optString,
          ClassicLinkVPCSecurityGroups: optStrings,
          UserData: optString,
          KernelId: optString,
          RamdiskId: optString,
          SpotPrice: optString,
          IamInstanceProfile: optString,
          EbsOptimized: optBool,
          AssociatePublicIpAddress: optBool,
          PlacementTenancy: optString,
        }),
        BlockDeviceMappings: blockDevices(input),
      };
      const enabled = monitoring === undefined ? undefined : optBool(monitoring, 'Enabled');
      const lcParams: Parameters<typeof createLaunchConfig>[1] = { ...params };
      if (enabled !== undefined) lcParams.InstanceMonitoring = enabled;
      if (metadata !== undefined) {
        const m: NonNullable<typeof lcParams.MetadataOptions> = {};
        const tokens = optString(metadata, 'HttpTokens');
        const hops = optInt(metadata, 'HttpPutResponseHopLimit');
        const endpoint = optString(metadata, 'HttpEndpoint');
        if (tokens !== undefined) m.httpTokens = tokens;
        if (hops !== undefined) m.httpPutResponseHopLimit = hops;
        if (endpoint !== undefined) m.httpEndpoint = endpoint;
        lcParams.MetadataOptions = m;
      }
      createLaunchConfig(state, lcParams, ctx.now);
    },

    DeleteLaunchConfiguration(input) {
      deleteLaunchConfig(state, reqString(input, 'LaunchConfigurationName'));
    },

    DescribeLaunchConfigurations(input) {
      const names = optStrings(input, 'LaunchConfigurationNames') ?? [];
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
function groupHandlers(state: AutoScalingState): ServiceHandlers {
  const account = (ctx: RequestContext): string => ctx.accountId;
  return {
    CreateAutoScalingGroup(input, ctx) {
      createGroup(
        state,
        {
          AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
          MinSize: reqInt(input, 'MinSize'),
          MaxSize: reqInt(input, 'MaxSize'),
          ...pick(input, { ...GROUP_SETTINGS, InstanceId: optString, LoadBalancerNames: optStrings, TargetGroupARNs: optStrings }),
          Tags: tagsOf(input),
        },
        ctx.now,
      );
    },

    UpdateAutoScalingGroup(input, ctx) {
      updateGroup(
        state,
        {
          AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
          ...pick(input, { ...GROUP_SETTINGS, MinSize: optInt, MaxSize: optInt }),
        },
        ctx.now,
      );
    },

    DeleteAutoScalingGroup(input, ctx) {
      deleteGroup(state, reqString(input, 'AutoScalingGroupName'), optBool(input, 'ForceDelete') ?? false, ctx.now);
    },

    DescribeAutoScalingGroups(input, ctx) {
      const names = optStrings(input, 'AutoScalingGroupNames') ?? [];
      const filters = (optObjects(input, 'Filters') ?? []).map((f) => {
        const filter: { Name?: string; Values?: string[] } = {};
        const name = optString(f, 'Name');
        const values = optStrings(f, 'Values');
        if (name !== undefined) filter.Name = name;
        if (values !== undefined) filter.Values = values;
        return filter;
      });
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
          return g === undefined ? [] : [groupShape(g, account(ctx))];
        }) },
        p.nextToken,
      );
    },

    DescribeScalingActivities(input) {
      return activityPage(state, input);
    },

    SetDesiredCapacity(input, ctx) {
      setDesiredCapacity(state, reqString(input, 'AutoScalingGroupName'), reqInt(input, 'DesiredCapacity'), optBool(input, 'HonorCooldown') ?? false, ctx.now);
    },
  };
}

/** A group's instances: attach, detach, describe, health, scale-in protection, termination and standby. */
function instanceHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    AttachInstances(input, ctx) {
      attachInstances(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'InstanceIds') ?? [], ctx.now);
    },

    DetachInstances(input, ctx) {
      const decrement = optBool(input, 'ShouldDecrementDesiredCapacity');
      if (decrement === undefined) throw validation('ShouldDecrementDesiredCapacity is required');
      const acts = detachInstances(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'InstanceIds') ?? [], decrement, ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },

    DescribeAutoScalingInstances(input) {
      const ids = optStrings(input, 'InstanceIds') ?? [];
      // API Reference, DescribeAutoScalingInstances: "Array Members: Maximum number of 50 items."
      if (ids.length > 50) {
        throw validation("1 validation error detected: Value at 'instanceIds' failed to satisfy constraint: Member must have length less than or equal to 50");
      }
      const items: WireObject[] = [];
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
      return withToken({ AutoScalingInstances: p.items.map((k) => items[k] as WireObject) }, p.nextToken);
    },

    SetInstanceHealth(input, ctx) {
      setInstanceHealth(state, reqString(input, 'InstanceId'), reqString(input, 'HealthStatus'), optBool(input, 'ShouldRespectGracePeriod') ?? true, ctx.now);
    },

    SetInstanceProtection(input) {
      const group = state.requireGroup(reqString(input, 'AutoScalingGroupName'));
      const protect = optBool(input, 'ProtectedFromScaleIn');
      if (protect === undefined) throw validation('ProtectedFromScaleIn is required');
      const ids = optStrings(input, 'InstanceIds') ?? [];
      const instances = ids.map((id) => {
        const i = group.instances.find((x) => x.instanceId === id);
        if (i === undefined) throw validation(`The instance ${id} is not part of Auto Scaling group ${group.name}.`);
        return i;
      });
      for (const i of instances) i.protectedFromScaleIn = protect;
      return {};
    },

    TerminateInstanceInAutoScalingGroup(input, ctx) {
      const decrement = optBool(input, 'ShouldDecrementDesiredCapacity');
      if (decrement === undefined) throw validation('ShouldDecrementDesiredCapacity is required');
      return { Activity: activityShape(terminateInstance(state, reqString(input, 'InstanceId'), decrement, ctx.now)) };
    },

    EnterStandby(input, ctx) {
      const decrement = optBool(input, 'ShouldDecrementDesiredCapacity');
      if (decrement === undefined) throw validation('ShouldDecrementDesiredCapacity is required');
      const acts = enterStandby(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'InstanceIds') ?? [], decrement, ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },

    ExitStandby(input, ctx) {
      const acts = exitStandby(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'InstanceIds') ?? [], ctx.now);
      return { Activities: acts.map((a) => activityShape(a)) };
    },
  };
}

/** Scaling policies: put, describe, delete, execute. */
function policyHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    PutScalingPolicy(input) {
      const steps = (optObjects(input, 'StepAdjustments') ?? []).map((s) => {
        const step: { lower?: number; upper?: number; scalingAdjustment: number } = { scalingAdjustment: reqInt(s, 'ScalingAdjustment') };
        const lower = optNumber(s, 'MetricIntervalLowerBound');
        const upper = optNumber(s, 'MetricIntervalUpperBound');
        if (lower !== undefined) step.lower = lower;
        if (upper !== undefined) step.upper = upper;
        return step;
      });
      const params = {
        AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
        PolicyName: reqString(input, 'PolicyName'),
        ...pick(input, {
          PolicyType: optString,
          AdjustmentType: optString,
          MinAdjustmentStep: optInt,
          MinAdjustmentMagnitude: optInt,
          ScalingAdjustment: optInt,
          Cooldown: optInt,
          MetricAggregationType: optString,
          EstimatedInstanceWarmup: optInt,
          Enabled: optBool,
          TargetTrackingConfiguration: optObject,
        }),
      };
      const { policy, alarms } = putScalingPolicy(state, input.StepAdjustments === undefined ? params : { ...params, StepAdjustments: steps });
      return { PolicyARN: policy.arn, Alarms: alarms };
    },

    DescribePolicies(input) {
      const groupName = optString(input, 'AutoScalingGroupName');
      if (groupName !== undefined && !state.groups.has(groupName)) throw policyGroupNotFound(groupName);
      const names = optStrings(input, 'PolicyNames') ?? [];
      const types = optStrings(input, 'PolicyTypes') ?? [];
      const all = [...state.policies.values()]
        .filter((p) => groupName === undefined || p.groupName === groupName)
        .filter((p) => names.length === 0 || names.includes(p.name) || names.includes(p.arn))
        .filter((p) => types.length === 0 || types.includes(p.policyType))
        .sort((a, b) => (a.groupName < b.groupName ? -1 : a.groupName > b.groupName ? 1 : a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
      const p = page(input, all, (x) => x.arn, 50, 100);
      return withToken({ ScalingPolicies: p.items.map((x) => policyShape(x, state.cloud.cloudwatch)) }, p.nextToken);
    },

    DeletePolicy(input) {
      deletePolicy(state, optString(input, 'AutoScalingGroupName'), reqString(input, 'PolicyName'));
    },

    ExecutePolicy(input, ctx) {
      executePolicy(
        state,
        {
          PolicyName: reqString(input, 'PolicyName'),
          ...pick(input, { AutoScalingGroupName: optString, HonorCooldown: optBool, MetricValue: optNumber, BreachThreshold: optNumber }),
        },
        ctx.now,
      );
    },
  };
}

/** Scheduled actions, one at a time and in batches. */
function scheduledActionHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    PutScheduledUpdateGroupAction(input, ctx) {
      putScheduledAction(
        state,
        {
          AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
          ScheduledActionName: reqString(input, 'ScheduledActionName'),
          ...pick(input, {
            Time: optDate,
            StartTime: optDate,
            EndTime: optDate,
            Recurrence: optString,
            MinSize: optInt,
            MaxSize: optInt,
            DesiredCapacity: optInt,
            TimeZone: optString,
          }),
        },
        ctx.now,
      );
    },

    DescribeScheduledActions(input) {
      const groupName = optString(input, 'AutoScalingGroupName');
      if (groupName !== undefined) state.requireGroup(groupName);
      const names = optStrings(input, 'ScheduledActionNames') ?? [];
      const start = optDate(input, 'StartTime');
      const end = optDate(input, 'EndTime');
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
      const group = state.requireGroup(reqString(input, 'AutoScalingGroupName'));
      const name = reqString(input, 'ScheduledActionName');
      if (!state.deleteScheduled(group.name, name)) throw scheduledNotFound(name);
    },

    BatchPutScheduledUpdateGroupAction(input, ctx) {
      const actions = (optObjects(input, 'ScheduledUpdateGroupActions') ?? []).map((a) => ({
        ScheduledActionName: reqString(a, 'ScheduledActionName'),
        ...pick(a, { StartTime: optDate, EndTime: optDate, Recurrence: optString, MinSize: optInt, MaxSize: optInt, DesiredCapacity: optInt, TimeZone: optString }),
      }));
      return { FailedScheduledUpdateGroupActions: batchPutScheduledActions(state, reqString(input, 'AutoScalingGroupName'), actions, ctx.now) };
    },

    BatchDeleteScheduledAction(input) {
      const names = optStrings(input, 'ScheduledActionNames') ?? [];
      return { FailedScheduledActions: batchDeleteScheduledActions(state, reqString(input, 'AutoScalingGroupName'), names) };
    },
  };
}

/** A group's tags and its notification configurations. */
function tagAndNotificationHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    CreateOrUpdateTags(input) {
      createOrUpdateTags(state, tagsOf(input));
    },

    DeleteTags(input) {
      deleteTags(state, tagsOf(input));
    },

    DescribeTags(input) {
      const filters = (optObjects(input, 'Filters') ?? []).map((f) => {
        const filter: { Name?: string; Values?: string[] } = {};
        const name = optString(f, 'Name');
        const values = optStrings(f, 'Values');
        if (name !== undefined) filter.Name = name;
        if (values !== undefined) filter.Values = values;
        return filter;
      });
      const all = describeTags(state, filters);
      const p = page(input, all, (t) => `${t.group}\u0000${t.tag.key}`, 50, 100);
      return withToken({ Tags: p.items.map((t) => tagShape(t.group, t.tag)) }, p.nextToken);
    },

    PutNotificationConfiguration(input) {
      const group = state.requireGroup(reqString(input, 'AutoScalingGroupName'));
      const topic = reqString(input, 'TopicARN');
      const types = optStrings(input, 'NotificationTypes') ?? [];
      for (const t of types) {
        if (!(NOTIFICATION_TYPES as readonly string[]).includes(t)) throw validation(`Invalid notification type: ${t}`);
      }
      state.putNotification({ groupName: group.name, topicARN: topic, notificationTypes: [...new Set(types)].sort() });
    },

    DeleteNotificationConfiguration(input) {
      const group = state.requireGroup(reqString(input, 'AutoScalingGroupName'));
      const topic = reqString(input, 'TopicARN');
      if (!state.deleteNotification(group.name, topic)) {
        throw validation(`Notification configuration for topic ${topic} not found for AutoScalingGroup ${group.name}`);
      }
    },

    DescribeNotificationConfigurations(input) {
      const names = optStrings(input, 'AutoScalingGroupNames') ?? [];
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

    DescribeAutoScalingNotificationTypes() {
      return { AutoScalingNotificationTypes: [...NOTIFICATION_TYPES] };
    },
  };
}

/** Metrics collection, suspended processes, the service's fixed lists and the account limits. */
function processAndAccountHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    EnableMetricsCollection(input) {
      enableMetrics(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'Metrics'), reqString(input, 'Granularity'));
    },

    DisableMetricsCollection(input) {
      disableMetrics(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'Metrics'));
    },

    DescribeMetricCollectionTypes() {
      return { Metrics: GROUP_METRICS.map((m) => ({ Metric: m })), Granularities: [{ Granularity: '1Minute' }] };
    },

    SuspendProcesses(input, ctx) {
      suspendProcesses(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'ScalingProcesses'), ctx.now);
    },

    ResumeProcesses(input, ctx) {
      resumeProcesses(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'ScalingProcesses'), ctx.now);
    },

    DescribeScalingProcessTypes() {
      return { Processes: [...PROCESS_NAMES].sort().map((p) => ({ ProcessName: p })) };
    },

    DescribeAdjustmentTypes() {
      return { AdjustmentTypes: ADJUSTMENT_TYPES.map((t) => ({ AdjustmentType: t })) };
    },

    DescribeTerminationPolicyTypes() {
      return { TerminationPolicyTypes: [...TERMINATION_POLICIES] };
    },

    DescribeAccountLimits() {
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
function loadBalancerAndHookHandlers(state: AutoScalingState): ServiceHandlers {
  return {
    AttachLoadBalancers(input) {
      attachLoadBalancers(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'LoadBalancerNames') ?? []);
      return {};
    },

    DetachLoadBalancers(input) {
      detachLoadBalancers(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'LoadBalancerNames') ?? []);
      return {};
    },

    DescribeLoadBalancers(input) {
      const group = state.requireGroup(reqString(input, 'AutoScalingGroupName'));
      const p = page(input, group.loadBalancerNames, (n) => n, 100, 100);
      return withToken({ LoadBalancers: p.items.map((n) => ({ LoadBalancerName: n, State: loadBalancerState(state, group, n) })) }, p.nextToken);
    },

    PutLifecycleHook(input) {
      putLifecycleHook(state, {
        LifecycleHookName: reqString(input, 'LifecycleHookName'),
        AutoScalingGroupName: reqString(input, 'AutoScalingGroupName'),
        ...pick(input, {
          LifecycleTransition: optString,
          RoleARN: optString,
          NotificationTargetARN: optString,
          NotificationMetadata: optString,
          HeartbeatTimeout: optInt,
          DefaultResult: optString,
        }),
      });
      return {};
    },

    DescribeLifecycleHooks(input) {
      const hooks = describeLifecycleHooks(state, reqString(input, 'AutoScalingGroupName'), optStrings(input, 'LifecycleHookNames') ?? []);
      return { LifecycleHooks: hooks.map(lifecycleHookShape) };
    },

    DeleteLifecycleHook(input, ctx) {
      deleteLifecycleHook(state, reqString(input, 'AutoScalingGroupName'), reqString(input, 'LifecycleHookName'), ctx.now);
      return {};
    },

    DescribeLifecycleHookTypes() {
      return { LifecycleHookTypes: [...LIFECYCLE_TRANSITIONS] };
    },

    CompleteLifecycleAction(input, ctx) {
      completeLifecycleAction(state, actionRef(input), reqString(input, 'LifecycleActionResult'), ctx.now);
      return {};
    },

    RecordLifecycleActionHeartbeat(input, ctx) {
      recordLifecycleActionHeartbeat(state, actionRef(input), ctx.now);
      return {};
    },
  };
}
