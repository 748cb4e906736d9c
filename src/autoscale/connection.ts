/**
 * The Auto Scaling connection (boto2's `boto.ec2.autoscale.AutoScaleConnection`).
 *
 * Calls boto2 answers with a `Request` resolve with a {@link Request} (the AWS request
 * id), and so do most it answers with `True`; `setDesiredCapacity` and `executePolicy`
 * resolve `true`, as boto2's. Failures reject with `BotoServerError` (from AWS) or `BotoClientError`
 * (bad input, found before anything is sent).
 *
 * @module
 */
import type { AutoScaling, CreateAutoScalingGroupType, UpdateAutoScalingGroupType } from '@aws-sdk/client-auto-scaling';
import { AWSConnection, type CallOptions, type ConnectionOptions, type ServiceSpec } from '../core/connection';
import { rulesetOf } from '../core/endpoints';
import { DEFAULT_REGION } from '../core/regions';
import { PagedRequest, ResultSet } from '../core/resultset';
import { connectionArgs } from '../core/service';
import {
  checkDescribeNames, checkDesiredCapacity, checkGroup, checkHealthStatus, checkHookName, checkHookNames, checkInstanceCount, checkInstanceId, checkInstanceIds,
  checkLifecycleHook, checkLifecycleResult, checkLoadBalancerNames, checkMaxRecords, checkName, checkNonEmpty, checkOptionalName, checkPolicyName, checkPolicyRef,
  checkSizes, checkTagsToSend, groupNameOf, lifecycleActionTarget, LIMITS, optionalGroupName, requireValue, tagFilters, type GroupRef,
} from './checks';
import { Activity } from './activity';
import { AdjustmentType } from './adjustment';
import { Alarm } from './alarm';
import { AutoScalingGroup } from './group';
import { Instance } from './instance';
import { LaunchConfiguration, withLaunchTemplateHint } from './launchconfig';
import { LifecycleHook } from './lifecyclehook';
import { NotificationConfiguration } from './notification';
import { AccountLimits } from './limits';
import { MetricCollectionTypes } from './metrics';
import { checkCapacityRebalance } from './mixed';
import { ScalingPolicy } from './policy';
import { putScalingPolicyInput } from './policy-input';
import { ProcessType } from './process';
import { Request, SET_CAPACITY } from './request';
import { ScheduledUpdateGroupAction } from './scheduled';
import { Tag } from './tag';
import { TerminationPolicies } from './termination';
import { checkNew, CONNECTION_SIGNATURE, declareSignatures } from '../core/signature';

/** How botoscale reaches Auto Scaling. */
export const AUTOSCALE_SPEC: ServiceSpec<AutoScaling> = {
  name: 'autoscale',
  endpointPrefix: 'autoscaling',
  envEndpointName: 'AUTO_SCALING',
  botoRegionKey: 'autoscale_region_name',
  botoEndpointKey: 'autoscale_endpoint',
  async createClient(config) {
    const { AutoScaling } = await import('@aws-sdk/client-auto-scaling');
    return new AutoScaling(config);
  },
  endpointRuleset() {
    const { AutoScalingClient } = require('@aws-sdk/client-auto-scaling') as typeof import('@aws-sdk/client-auto-scaling');
    return rulesetOf(new AutoScalingClient({ region: DEFAULT_REGION }));
  },
};

export { HEALTH_CHECK_TYPES, HEALTH_STATUSES, TAG_FILTER_NAMES, type GroupRef } from './checks';

/** Options of {@link AutoScaleConnection.getAllLaunchConfigurations}. */
export interface GetAllLaunchConfigurationsOptions extends CallOptions {
  /** Only these launch configurations (at most 50). */
  names?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllGroups}. */
export interface GetAllGroupsOptions extends CallOptions {
  /** Only these groups. */
  names?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllActivities}. */
export interface GetAllActivitiesOptions extends CallOptions {
  /** Only these activities (at most 50). */
  activityIds?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllAutoscalingInstances}. */
export interface GetAllAutoscalingInstancesOptions extends CallOptions {
  /** Only these instances (at most 50). */
  instanceIds?: string[];
  /** Page size, 1 to 50. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllPolicies}. */
export interface GetAllPoliciesOptions extends CallOptions {
  /** Only this group's policies. */
  asGroup?: GroupRef;
  /** Only these policies, by name or ARN (at most 50). */
  policyNames?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllScheduledActions}. */
export interface GetAllScheduledActionsOptions extends CallOptions {
  /** Only this group's actions. */
  asGroup?: GroupRef;
  /** Only actions from this time on. */
  startTime?: Date;
  /** Only actions up to this time. */
  endTime?: Date;
  /** Only these actions, by name (at most 50). */
  scheduledActions?: string[];
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllTags}. */
export interface GetAllTagsOptions extends CallOptions {
  /**
   * Filters by name: `auto-scaling-group`, `key`, `value` or `propagate-at-launch`, each
   * with one value or a list, e.g. `{ 'auto-scaling-group': 'my_group' }`.
   */
  filters?: Record<string, string | string[]>;
  /** Page size, 1 to 100. */
  maxRecords?: number;
  /** Start from this page. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.deleteAutoScalingGroup}. */
export interface DeleteAutoScalingGroupOptions extends CallOptions {
  /** Delete even with instances or activities in progress (terminating the instances). Default false. */
  forceDelete?: boolean;
}

/** Options of {@link AutoScaleConnection.detachInstances} and {@link AutoScaleConnection.terminateInstance}. */
export interface DecrementCapacityOptions extends CallOptions {
  /** Lower the group's desired capacity too; default true, as boto2. */
  decrementCapacity?: boolean;
}

/** Options of {@link AutoScaleConnection.suspendProcesses} and {@link AutoScaleConnection.resumeProcesses}. */
export interface ScalingProcessesOptions extends CallOptions {
  /** The processes (`Launch`, `Terminate`, ...); all of them when omitted. */
  scalingProcesses?: string[];
}

/** Options of {@link AutoScaleConnection.enableMetricsCollection} and {@link AutoScaleConnection.disableMetricsCollection}. */
export interface MetricsOptions extends CallOptions {
  /** The metrics (`GroupMinSize`, ...); all of them when omitted. */
  metrics?: string[];
}

/** Options of {@link AutoScaleConnection.createScheduledGroupAction}. */
export interface CreateScheduledGroupActionOptions extends CallOptions {
  /** When it runs (deprecated by AWS; prefer `startTime`). */
  time?: Date;
  /** The desired capacity to set. */
  desiredCapacity?: number;
  /** The minimum size to set. */
  minSize?: number;
  /** The maximum size to set. */
  maxSize?: number;
  /** When it (first) runs. */
  startTime?: Date;
  /** When a recurring action stops. */
  endTime?: Date;
  /** Cron-style recurrence, e.g. `0 10 * * *`. */
  recurrence?: string;
}

/** Options of {@link AutoScaleConnection.deletePolicy} and {@link AutoScaleConnection.deleteScheduledAction}. */
export interface AutoscaleGroupOption extends CallOptions {
  /** The group the policy or action belongs to. */
  autoscaleGroup?: GroupRef;
}

/** Options of {@link AutoScaleConnection.executePolicy}. */
export interface ExecutePolicyOptions extends CallOptions {
  /** The policy's group. */
  asGroup?: GroupRef;
  /** Wait for the group's cooldown to end before running. */
  honorCooldown?: boolean;
}

/** Options of {@link AutoScaleConnection.setDesiredCapacity}. */
export interface SetDesiredCapacityOptions extends CallOptions {
  /** Wait for the group's cooldown to end; default false (override it), as boto2. */
  honorCooldown?: boolean;
}

/** Options of {@link AutoScaleConnection.setInstanceHealth}. */
export interface SetInstanceHealthOptions extends CallOptions {
  /** Respect the group's health check grace period; default true, as boto2. */
  shouldRespectGracePeriod?: boolean;
}

/** Options of {@link AutoScaleConnection.getAllNotificationConfigurations}. */
export interface GetAllNotificationConfigurationsOptions extends CallOptions {
  /** Only these groups' configurations. */
  groupNames?: string[];
  /** Page size, 1 to 100 (AWS's default 50). */
  maxRecords?: number;
  /** Continue from this page token. */
  nextToken?: string;
}

/** Options of {@link AutoScaleConnection.getAllLifecycleHooks}. */
export interface GetAllLifecycleHooksOptions extends CallOptions {
  /** Only these hooks (at most 50). */
  hookNames?: string[];
}

/** Which lifecycle action {@link AutoScaleConnection.completeLifecycleAction} and `recordLifecycleActionHeartbeat` mean: the instance's or the token's. */
export interface LifecycleActionOptions extends CallOptions {
  /** The instance the hook holds. */
  instanceId?: string;
  /** The action's token, from its notification. */
  lifecycleActionToken?: string;
}

/** Options of {@link AutoScaleConnection.enterStandby}. */
export interface EnterStandbyOptions extends CallOptions {
  /** Lower the desired capacity by the instances put in Standby (default true); false: the group launches replacements. */
  shouldDecrementDesiredCapacity?: boolean;
}

function list<T>(items: readonly T[] | undefined): T[] | undefined {
  // One name where a list goes (`getAllGroups('g2')`) is that name, not its letters.
  if (typeof items === 'string') return [items];
  return items === undefined || items.length === 0 ? undefined : [...items];
}

/** The settings CreateAutoScalingGroup and UpdateAutoScalingGroup share, from a group object. */
function groupSettings(name: string, g: AutoScalingGroup, creating: boolean): UpdateAutoScalingGroupType {
  return {
    AutoScalingGroupName: name,
    ...g.launchToSend(creating),
    AvailabilityZones: list(g.availabilityZones),
    DesiredCapacity: g.desiredCapacity,
    VPCZoneIdentifier: g.vpcZoneIdentifier || undefined,
    HealthCheckGracePeriod: g.healthCheckPeriod,
    HealthCheckType: g.healthCheckType || undefined,
    DefaultCooldown: g.defaultCooldown,
    PlacementGroup: g.placementGroup || undefined,
    TerminationPolicies: list(g.terminationPolicies),
    CapacityRebalance: checkCapacityRebalance('capacityRebalance', g.capacityRebalance),
  };
}

/** A connection to Auto Scaling in one region. */
export class AutoScaleConnection extends AWSConnection<AutoScaling> {
  /** Auto Scaling API version botoscale speaks. */
  static readonly APIVersion = '2011-01-01';

  /**
   * @param awsAccessKeyId access key, or the options object alone
   * @param awsSecretAccessKey secret key (never printed or logged)
   * @param options region, endpoint, credentials and SDK pass-through options
   */
  constructor(awsAccessKeyId?: string | ConnectionOptions, awsSecretAccessKey?: string, options?: ConnectionOptions) {
    checkNew(AutoScaleConnection, arguments);
    super(AUTOSCALE_SPEC, connectionArgs(awsAccessKeyId, awsSecretAccessKey, options));
  }

  #request(out: { $metadata?: { requestId?: string } }): Request {
    return Request.fromSdk(this, out.$metadata);
  }

  // ----- groups -----

  /** Creates a group from `asGroup`, which is then bound to this connection (so `asGroup.getActivities()` works). */
  async createAutoScalingGroup(asGroup: AutoScalingGroup, options?: CallOptions): Promise<Request> {
    const g = asGroup;
    const name = checkGroup(g, true);
    const input: CreateAutoScalingGroupType = {
      ...groupSettings(name, g, true),
      MinSize: g.minSize,
      MaxSize: g.maxSize,
      InstanceId: g.instanceId || undefined,
      LoadBalancerNames: list(g.loadBalancers),
      Tags: list(g.tags)?.map((t) => t.toSdk()),
      LifecycleHookSpecificationList: list(g.lifecycleHooks)?.map((h) => h.toSpecification()),
    };
    const out = await this.call((c, o) => c.createAutoScalingGroup(input, o), options);
    g.launchSent(input);
    g.connection = this;
    for (const t of g.tags ?? []) t.connection = this;
    for (const h of g.lifecycleHooks ?? []) {
      h.connection = this;
      h.asGroup = name;
    }
    return this.#request(out);
  }

  /**
   * Sends a group's settings to AWS (boto2's `_update_group('UpdateAutoScalingGroup')`, what
   * `group.update()` calls). Load balancers and tags are set at creation only, as in boto2.
   */
  async updateAutoScalingGroup(asGroup: AutoScalingGroup, options?: CallOptions): Promise<Request> {
    const g = asGroup;
    const name = checkGroup(g, false);
    const input: UpdateAutoScalingGroupType = { ...groupSettings(name, g, false), MinSize: g.minSize, MaxSize: g.maxSize };
    const out = await this.call((c, o) => c.updateAutoScalingGroup(input, o), options);
    g.launchSent(input);
    return this.#request(out);
  }

  /** Deletes a group; with `forceDelete`, also when it still has instances or activities. */
  async deleteAutoScalingGroup(name: GroupRef, options: DeleteAutoScalingGroupOptions = {}): Promise<Request> {
    const groupNameValue = groupNameOf('name', name);
    const out = await this.call((c, o) => c.deleteAutoScalingGroup({
      AutoScalingGroupName: groupNameValue,
      ForceDelete: options.forceDelete ? true : undefined,
    }, o), options);
    return this.#request(out);
  }

  /** Groups, with their instances (`await` for one page, `for await` for all). */
  getAllGroups(options: GetAllGroupsOptions = {}): PagedRequest<AutoScalingGroup> {
    return new PagedRequest(async (nextToken) => {
      checkMaxRecords(options.maxRecords);
      const out = await this.call((c, o) => c.describeAutoScalingGroups({
        AutoScalingGroupNames: list(options.names),
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.AutoScalingGroups ?? []).map((g) => AutoScalingGroup.fromSdk(this, g)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * Sets a group's desired capacity (AWS starts or stops instances to match). Resolves
   * `true`, as boto2's; a failure rejects with the request id on the error.
   */
  async setDesiredCapacity(groupName: GroupRef, desiredCapacity: number, options: SetDesiredCapacityOptions = {}): Promise<boolean> {
    await this[SET_CAPACITY](groupName, desiredCapacity, options);
    return true;
  }

  /** `SetDesiredCapacity`, resolving with its {@link Request} (what `group.setCapacity()` answers). @internal */
  async [SET_CAPACITY](groupName: GroupRef, desiredCapacity: number, options: SetDesiredCapacityOptions = {}): Promise<Request> {
    const name = groupNameOf('groupName', groupName);
    checkDesiredCapacity(desiredCapacity);
    const out = await this.call((c, o) => c.setDesiredCapacity({
      AutoScalingGroupName: name,
      DesiredCapacity: desiredCapacity,
      HonorCooldown: options.honorCooldown ? true : undefined,
    }, o), options);
    return this.#request(out);
  }

  // ----- instances -----

  /** Attaches running EC2 instances (at most 20) to a group. */
  async attachInstances(name: GroupRef, instanceIds: string[], options?: CallOptions): Promise<Request> {
    const group = groupNameOf('name', name);
    checkInstanceCount('instanceIds', instanceIds);
    const out = await this.call((c, o) => c.attachInstances({ AutoScalingGroupName: group, InstanceIds: [...instanceIds] }, o), options);
    return this.#request(out);
  }

  /** Detaches instances (at most 20) from a group; `decrementCapacity` (default true) lowers its desired capacity. */
  async detachInstances(name: GroupRef, instanceIds: string[], options: DecrementCapacityOptions = {}): Promise<Request> {
    const group = groupNameOf('name', name);
    checkInstanceCount('instanceIds', instanceIds);
    const out = await this.call((c, o) => c.detachInstances({
      AutoScalingGroupName: group,
      InstanceIds: [...instanceIds],
      ShouldDecrementDesiredCapacity: options.decrementCapacity ?? true,
    }, o), options);
    return this.#request(out);
  }

  /** Instances of every group, or the ones named (`await` for one page, `for await` for all). */
  getAllAutoscalingInstances(options: GetAllAutoscalingInstancesOptions = {}): PagedRequest<Instance> {
    return new PagedRequest(async (nextToken) => {
      checkMaxRecords(options.maxRecords, LIMITS.instancesMaxRecords);
      checkDescribeNames('instanceIds', options.instanceIds);
      const out = await this.call((c, o) => c.describeAutoScalingInstances({
        InstanceIds: list(options.instanceIds),
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.AutoScalingInstances ?? []).map((i) => Instance.fromSdk(this, i)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * Terminates an instance of a group; `decrementCapacity` (default true) lowers the
   * group's desired capacity so it is not replaced. Resolves with the termination activity.
   */
  async terminateInstance(instanceId: string, options: DecrementCapacityOptions = {}): Promise<Activity> {
    checkInstanceId('instanceId', instanceId);
    const out = await this.call((c, o) => c.terminateInstanceInAutoScalingGroup({
      InstanceId: instanceId,
      ShouldDecrementDesiredCapacity: options.decrementCapacity ?? true,
    }, o), options);
    return Activity.fromSdk(this, out.Activity ?? {});
  }

  /** Marks an instance `Healthy` or `Unhealthy` (an unhealthy one is replaced). */
  async setInstanceHealth(instanceId: string, healthStatus: string, options: SetInstanceHealthOptions = {}): Promise<Request> {
    checkInstanceId('instanceId', instanceId);
    checkHealthStatus(healthStatus);
    const out = await this.call((c, o) => c.setInstanceHealth({
      InstanceId: instanceId,
      HealthStatus: healthStatus,
      ShouldRespectGracePeriod: options.shouldRespectGracePeriod ?? true,
    }, o), options);
    return this.#request(out);
  }

  // ----- activities -----

  /** A group's scaling activities, newest first (`await` for one page, `for await` for all). */
  getAllActivities(autoscaleGroup: GroupRef, options: GetAllActivitiesOptions = {}): PagedRequest<Activity> {
    return new PagedRequest(async (nextToken) => {
      const name = groupNameOf('autoscaleGroup', autoscaleGroup);
      checkMaxRecords(options.maxRecords);
      checkDescribeNames('activityIds', options.activityIds);
      const out = await this.call((c, o) => c.describeScalingActivities({
        AutoScalingGroupName: name,
        ActivityIds: list(options.activityIds),
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.Activities ?? []).map((a) => Activity.fromSdk(this, a)), out.NextToken);
    }, options.nextToken);
  }

  // ----- launch configurations -----

  /**
   * Creates a launch configuration; `launchConfig` is then bound to this connection (so
   * `launchConfig.delete()` works). Accounts created since 2024-10-01 refuse it with
   * `UnsupportedOperation`; the error then also says how to make a launch template instead.
   */
  async createLaunchConfiguration(launchConfig: LaunchConfiguration, options?: CallOptions): Promise<Request> {
    const lc = launchConfig;
    checkName('name', lc.name);
    requireValue('imageId', lc.imageId);
    const out = await this.call((c, o) => c.createLaunchConfiguration({
      LaunchConfigurationName: lc.name,
      ImageId: lc.imageId,
      InstanceType: lc.instanceType,
      KeyName: lc.keyName || undefined,
      SecurityGroups: list(lc.securityGroups),
      UserData: lc.userData ? Buffer.from(lc.userData, 'utf8').toString('base64') : undefined,
      KernelId: lc.kernelId || undefined,
      RamdiskId: lc.ramdiskId || undefined,
      BlockDeviceMappings: list(lc.blockDeviceMappings)?.map((b) => b.toSdk()),
      InstanceMonitoring: { Enabled: lc.instanceMonitoring.enabled },
      SpotPrice: lc.spotPrice === undefined ? undefined : String(lc.spotPrice),
      IamInstanceProfile: lc.instanceProfileName,
      EbsOptimized: lc.ebsOptimized,
      AssociatePublicIpAddress: lc.associatePublicIpAddress,
      ClassicLinkVPCId: lc.classicLinkVpcId,
      ClassicLinkVPCSecurityGroups: list(lc.classicLinkVpcSecurityGroups),
      PlacementTenancy: lc.placementTenancy,
    }, o), options).catch((err: unknown) => {
      throw withLaunchTemplateHint(err);
    });
    lc.connection = this;
    return this.#request(out);
  }

  /** Launch configurations, one page per await, or all of them with `for await`. */
  getAllLaunchConfigurations(options: GetAllLaunchConfigurationsOptions = {}): PagedRequest<LaunchConfiguration> {
    return new PagedRequest(async (nextToken) => {
      checkMaxRecords(options.maxRecords);
      checkDescribeNames('names', options.names);
      const out = await this.call((c, o) => c.describeLaunchConfigurations({
        LaunchConfigurationNames: list(options.names),
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.LaunchConfigurations ?? []).map((lc) => LaunchConfiguration.fromSdk(this, lc)), out.NextToken);
    }, options.nextToken);
  }

  /** Deletes a launch configuration by name (it must not be in use by a group). */
  async deleteLaunchConfiguration(launchConfigName: string, options?: CallOptions): Promise<Request> {
    checkName('launchConfigName', launchConfigName);
    const out = await this.call((c, o) => c.deleteLaunchConfiguration({ LaunchConfigurationName: launchConfigName }, o), options);
    return this.#request(out);
  }

  // ----- scaling policies -----

  /**
   * Creates or replaces a scaling policy: simple (boto2's), step or target tracking.
   * `scalingPolicy` is then bound to this connection (so `scalingPolicy.delete()` works) and
   * its `policyArn` and `alarms` are set (a target-tracking policy's are the two AWS created).
   */
  async createScalingPolicy(scalingPolicy: ScalingPolicy, options?: CallOptions): Promise<Request> {
    const p = scalingPolicy;
    const input = putScalingPolicyInput(p);
    const out = await this.call((c, o) => c.putScalingPolicy(input, o), options);
    p.connection = this;
    p.policyArn = out.PolicyARN;
    p.alarms = (out.Alarms ?? []).map((a) => Alarm.fromSdk(this, a));
    return this.#request(out);
  }

  /** Scaling policies, all or a group's or the named ones (`await` for one page, `for await` for all). */
  getAllPolicies(options: GetAllPoliciesOptions = {}): PagedRequest<ScalingPolicy> {
    return new PagedRequest(async (nextToken) => {
      const name = optionalGroupName('asGroup', options.asGroup);
      checkMaxRecords(options.maxRecords);
      checkDescribeNames('policyNames', options.policyNames);
      const out = await this.call((c, o) => c.describePolicies({
        AutoScalingGroupName: name,
        PolicyNames: list(options.policyNames),
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.ScalingPolicies ?? []).map((p) => ScalingPolicy.fromSdk(this, p)), out.NextToken);
    }, options.nextToken);
  }

  /** Deletes a scaling policy, by name (with its group) or ARN. */
  async deletePolicy(policyName: string, options: AutoscaleGroupOption = {}): Promise<Request> {
    checkPolicyName('policyName', policyName);
    const group = optionalGroupName('autoscaleGroup', options.autoscaleGroup);
    checkPolicyRef(policyName, 'autoscaleGroup', group);
    const out = await this.call((c, o) => c.deletePolicy({ PolicyName: policyName, AutoScalingGroupName: group }, o), options);
    return this.#request(out);
  }

  /**
   * Runs a scaling policy now (by ARN, or by name with `asGroup`). Resolves `true`, as
   * boto2's; a failure rejects with the request id on the error.
   */
  async executePolicy(policyName: string, options: ExecutePolicyOptions = {}): Promise<boolean> {
    checkPolicyName('policyName', policyName);
    const group = optionalGroupName('asGroup', options.asGroup);
    checkPolicyRef(policyName, 'asGroup', group);
    await this.call((c, o) => c.executePolicy({
      PolicyName: policyName,
      AutoScalingGroupName: group,
      HonorCooldown: options.honorCooldown ? true : undefined,
    }, o), options);
    return true;
  }

  /** The adjustment types scaling policies accept (`await` for the list). */
  getAllAdjustmentTypes(options: CallOptions = {}): PagedRequest<AdjustmentType> {
    return new PagedRequest(async () => {
      const out = await this.call((c, o) => c.describeAdjustmentTypes({}, o), options);
      return ResultSet.fromPage((out.AdjustmentTypes ?? []).map((a) => AdjustmentType.fromSdk(this, a)));
    });
  }

  // ----- scheduled actions -----

  /** Schedules a change of a group's sizes; sizes left out stay as they are. */
  async createScheduledGroupAction(asGroup: GroupRef, name: string, options: CreateScheduledGroupActionOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkName('name', name);
    checkSizes('', options);
    checkOptionalName('recurrence', options.recurrence);
    const out = await this.call((c, o) => c.putScheduledUpdateGroupAction({
      AutoScalingGroupName: group,
      ScheduledActionName: name,
      StartTime: options.startTime,
      EndTime: options.endTime,
      Recurrence: options.recurrence,
      Time: options.time,
      DesiredCapacity: options.desiredCapacity,
      MinSize: options.minSize,
      MaxSize: options.maxSize,
    }, o), options);
    return this.#request(out);
  }

  /** Scheduled actions (`await` for one page, `for await` for all). */
  getAllScheduledActions(options: GetAllScheduledActionsOptions = {}): PagedRequest<ScheduledUpdateGroupAction> {
    return new PagedRequest(async (nextToken) => {
      const group = optionalGroupName('asGroup', options.asGroup);
      checkMaxRecords(options.maxRecords);
      checkDescribeNames('scheduledActions', options.scheduledActions);
      const out = await this.call((c, o) => c.describeScheduledActions({
        AutoScalingGroupName: group,
        ScheduledActionNames: list(options.scheduledActions),
        StartTime: options.startTime,
        EndTime: options.endTime,
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage(
        (out.ScheduledUpdateGroupActions ?? []).map((a) => ScheduledUpdateGroupAction.fromSdk(this, a)),
        out.NextToken,
      );
    }, options.nextToken);
  }

  /** Deletes a scheduled action of a group (AWS needs the group: give `autoscaleGroup`). */
  async deleteScheduledAction(scheduledActionName: string, options: AutoscaleGroupOption = {}): Promise<Request> {
    checkName('scheduledActionName', scheduledActionName);
    const group = groupNameOf('autoscaleGroup', options.autoscaleGroup);
    const out = await this.call((c, o) => c.deleteScheduledAction({
      ScheduledActionName: scheduledActionName,
      AutoScalingGroupName: group,
    }, o), options);
    return this.#request(out);
  }

  // ----- processes -----

  /** The scaling processes that can be suspended and resumed (`await` for the list). */
  getAllScalingProcessTypes(options: CallOptions = {}): PagedRequest<ProcessType> {
    return new PagedRequest(async () => {
      const out = await this.call((c, o) => c.describeScalingProcessTypes({}, o), options);
      return ResultSet.fromPage((out.Processes ?? []).map((p) => ProcessType.fromSdk(this, p)));
    });
  }

  /** Suspends a group's scaling processes (all of them unless `scalingProcesses` names some). */
  async suspendProcesses(asGroup: GroupRef, options: ScalingProcessesOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkNonEmpty('scalingProcesses', options.scalingProcesses);
    const out = await this.call((c, o) => c.suspendProcesses({
      AutoScalingGroupName: group,
      ScalingProcesses: list(options.scalingProcesses),
    }, o), options);
    return this.#request(out);
  }

  /** Resumes a group's scaling processes (all of them unless `scalingProcesses` names some). */
  async resumeProcesses(asGroup: GroupRef, options: ScalingProcessesOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkNonEmpty('scalingProcesses', options.scalingProcesses);
    const out = await this.call((c, o) => c.resumeProcesses({
      AutoScalingGroupName: group,
      ScalingProcesses: list(options.scalingProcesses),
    }, o), options);
    return this.#request(out);
  }

  /** The termination policies groups accept. */
  async getTerminationPolicies(options?: CallOptions): Promise<TerminationPolicies> {
    const out = await this.call((c, o) => c.describeTerminationPolicyTypes({}, o), options);
    return TerminationPolicies.fromNames(out.TerminationPolicyTypes ?? []);
  }

  // ----- metrics -----

  /** The group metrics and granularities `enableMetricsCollection` accepts. */
  async getAllMetricCollectionTypes(options?: CallOptions): Promise<MetricCollectionTypes> {
    const out = await this.call((c, o) => c.describeMetricCollectionTypes({}, o), options);
    return MetricCollectionTypes.fromSdk(this, out);
  }

  /** Starts collecting a group's metrics (all of them unless `metrics` names some) at `granularity` (`1Minute`). */
  async enableMetricsCollection(asGroup: GroupRef, granularity: string, options: MetricsOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkName('granularity', granularity);
    checkNonEmpty('metrics', options.metrics);
    const out = await this.call((c, o) => c.enableMetricsCollection({
      AutoScalingGroupName: group,
      Granularity: granularity,
      Metrics: list(options.metrics),
    }, o), options);
    return this.#request(out);
  }

  /** Stops collecting a group's metrics (all of them unless `metrics` names some). */
  async disableMetricsCollection(asGroup: GroupRef, options: MetricsOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkNonEmpty('metrics', options.metrics);
    const out = await this.call((c, o) => c.disableMetricsCollection({
      AutoScalingGroupName: group,
      Metrics: list(options.metrics),
    }, o), options);
    return this.#request(out);
  }

  // ----- notifications -----

  /**
   * Sends SNS notifications to `topic` when the given events happen, e.g.
   * `autoscaling:EC2_INSTANCE_LAUNCH`, `autoscaling:EC2_INSTANCE_TERMINATE`.
   */
  async putNotificationConfiguration(autoscaleGroup: GroupRef, topic: string, notificationTypes: string[], options?: CallOptions): Promise<Request> {
    const group = groupNameOf('autoscaleGroup', autoscaleGroup);
    checkName('topic', topic);
    checkNonEmpty('notificationTypes', requireValue('notificationTypes', notificationTypes));
    const out = await this.call((c, o) => c.putNotificationConfiguration({
      AutoScalingGroupName: group,
      TopicARN: topic,
      NotificationTypes: [...notificationTypes],
    }, o), options);
    return this.#request(out);
  }

  /** Stops a group's notifications to `topic`. */
  async deleteNotificationConfiguration(autoscaleGroup: GroupRef, topic: string, options?: CallOptions): Promise<Request> {
    const group = groupNameOf('autoscaleGroup', autoscaleGroup);
    checkName('topic', topic);
    const out = await this.call((c, o) => c.deleteNotificationConfiguration({ AutoScalingGroupName: group, TopicARN: topic }, o), options);
    return this.#request(out);
  }

  // ----- tags -----

  /** Tags of every group (`await` for one page, `for await` for all). */
  getAllTags(options: GetAllTagsOptions = {}): PagedRequest<Tag> {
    return new PagedRequest(async (nextToken) => {
      checkMaxRecords(options.maxRecords);
      const filters = tagFilters(options.filters);
      const out = await this.call((c, o) => c.describeTags({
        Filters: filters,
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.Tags ?? []).map((t) => Tag.fromSdk(this, t)), out.NextToken);
    }, options.nextToken);
  }

  /** Creates or updates tags on groups; the tags are then bound to this connection (so `tag.delete()` works). */
  async createOrUpdateTags(tags: Tag[], options?: CallOptions): Promise<Request> {
    checkTagsToSend(tags);
    const out = await this.call((c, o) => c.createOrUpdateTags({ Tags: tags.map((t) => t.toSdk()) }, o), options);
    for (const t of tags) t.connection = this;
    return this.#request(out);
  }

  /** Deletes tags from groups. */
  async deleteTags(tags: Tag[], options?: CallOptions): Promise<Request> {
    checkTagsToSend(tags);
    const out = await this.call((c, o) => c.deleteTags({ Tags: tags.map((t) => t.toSdk()) }, o), options);
    return this.#request(out);
  }

  // ----- beyond boto2: load balancers, notifications read back, lifecycle hooks, standby -----

  /** Adds classic load balancers (at most 10 a call) to a group; its InService instances are registered with them. */
  async attachLoadBalancers(asGroup: GroupRef, loadBalancerNames: string[], options?: CallOptions): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    const names = checkLoadBalancerNames(loadBalancerNames);
    const out = await this.call((c, o) => c.attachLoadBalancers({ AutoScalingGroupName: group, LoadBalancerNames: names }, o), options);
    return this.#request(out);
  }

  /** Removes classic load balancers (at most 10 a call) from a group; its instances are deregistered from them. */
  async detachLoadBalancers(asGroup: GroupRef, loadBalancerNames: string[], options?: CallOptions): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    const names = checkLoadBalancerNames(loadBalancerNames);
    const out = await this.call((c, o) => c.detachLoadBalancers({ AutoScalingGroupName: group, LoadBalancerNames: names }, o), options);
    return this.#request(out);
  }

  /** Notification configurations, one per group, topic and event (`await` for one page, `for await` for all). */
  getAllNotificationConfigurations(options: GetAllNotificationConfigurationsOptions = {}): PagedRequest<NotificationConfiguration> {
    return new PagedRequest(async (nextToken) => {
      checkMaxRecords(options.maxRecords);
      const groupNames = list(options.groupNames);
      (groupNames ?? []).forEach((g, i) => checkOptionalName(`groupNames[${i}]`, g));
      const out = await this.call((c, o) => c.describeNotificationConfigurations({
        AutoScalingGroupNames: groupNames,
        MaxRecords: options.maxRecords,
        NextToken: nextToken,
      }, o), options);
      return ResultSet.fromPage((out.NotificationConfigurations ?? []).map((n) => NotificationConfiguration.fromSdk(this, n)), out.NextToken);
    }, options.nextToken);
  }

  /**
   * Creates or updates a lifecycle hook (PutLifecycleHook); `hook` is then bound to this
   * connection (so `hook.delete()` works). A new hook needs its `transition`.
   */
  async createLifecycleHook(hook: LifecycleHook, options?: CallOptions): Promise<Request> {
    checkLifecycleHook(hook);
    const out = await this.call((c, o) => c.putLifecycleHook({
      AutoScalingGroupName: hook.asGroup,
      LifecycleHookName: hook.name,
      LifecycleTransition: hook.transition,
      HeartbeatTimeout: hook.heartbeatTimeout,
      DefaultResult: hook.defaultResult,
      NotificationTargetARN: hook.notificationTargetArn,
      RoleARN: hook.roleArn,
      NotificationMetadata: hook.notificationMetadata,
    }, o), options);
    hook.connection = this;
    return this.#request(out);
  }

  /** A group's lifecycle hooks, all or the named ones (`await` for the list). */
  getAllLifecycleHooks(asGroup: GroupRef, options: GetAllLifecycleHooksOptions = {}): PagedRequest<LifecycleHook> {
    return new PagedRequest(async () => {
      const group = groupNameOf('asGroup', asGroup);
      const hookNames = list(options.hookNames);
      checkHookNames(hookNames);
      const out = await this.call((c, o) => c.describeLifecycleHooks({ AutoScalingGroupName: group, LifecycleHookNames: hookNames }, o), options);
      return ResultSet.fromPage((out.LifecycleHooks ?? []).map((h) => LifecycleHook.fromSdk(this, h)));
    });
  }

  /** Deletes a lifecycle hook; actions it still holds are completed first (ABANDON on launch, CONTINUE on termination). */
  async deleteLifecycleHook(asGroup: GroupRef, name: string, options?: CallOptions): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkHookName('name', name);
    const out = await this.call((c, o) => c.deleteLifecycleHook({ AutoScalingGroupName: group, LifecycleHookName: name }, o), options);
    return this.#request(out);
  }

  /**
   * Ends a hook's wait for one instance (give `instanceId` or `lifecycleActionToken`):
   * `CONTINUE` lets it go on, `ABANDON` terminates a launching instance.
   */
  async completeLifecycleAction(asGroup: GroupRef, hookName: string, result: string, options: LifecycleActionOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkHookName('hookName', hookName);
    checkLifecycleResult(result);
    const target = lifecycleActionTarget(options);
    const out = await this.call((c, o) => c.completeLifecycleAction({ AutoScalingGroupName: group, LifecycleHookName: hookName, LifecycleActionResult: result, ...target }, o), options);
    return this.#request(out);
  }

  /** Starts a hook's heartbeat timeout again for one instance (give `instanceId` or `lifecycleActionToken`). */
  async recordLifecycleActionHeartbeat(asGroup: GroupRef, hookName: string, options: LifecycleActionOptions = {}): Promise<Request> {
    const group = groupNameOf('asGroup', asGroup);
    checkHookName('hookName', hookName);
    const target = lifecycleActionTarget(options);
    const out = await this.call((c, o) => c.recordLifecycleActionHeartbeat({ AutoScalingGroupName: group, LifecycleHookName: hookName, ...target }, o), options);
    return this.#request(out);
  }

  /**
   * Puts InService instances (at most 20) in Standby: out of the load balancers and the
   * health checks, still running. Resolves with one activity per instance.
   */
  async enterStandby(asGroup: GroupRef, instanceIds: string[], options: EnterStandbyOptions = {}): Promise<Activity[]> {
    const group = groupNameOf('asGroup', asGroup);
    const ids = checkInstanceIds(instanceIds);
    const out = await this.call((c, o) => c.enterStandby({
      AutoScalingGroupName: group,
      InstanceIds: ids,
      ShouldDecrementDesiredCapacity: options.shouldDecrementDesiredCapacity ?? true,
    }, o), options);
    return (out.Activities ?? []).map((a) => Activity.fromSdk(this, a));
  }

  /** Brings Standby instances (at most 20) back into service, raising the desired capacity. Resolves with one activity per instance. */
  async exitStandby(asGroup: GroupRef, instanceIds: string[], options?: CallOptions): Promise<Activity[]> {
    const group = groupNameOf('asGroup', asGroup);
    const ids = checkInstanceIds(instanceIds);
    const out = await this.call((c, o) => c.exitStandby({ AutoScalingGroupName: group, InstanceIds: ids }, o), options);
    return (out.Activities ?? []).map((a) => Activity.fromSdk(this, a));
  }

  // ----- account -----

  /** The account's Auto Scaling quotas and current use. */
  async getAccountLimits(options?: CallOptions): Promise<AccountLimits> {
    const out = await this.call((c, o) => c.describeAccountLimits({}, o), options);
    return AccountLimits.fromSdk(this, out);
  }
}

// Run-time argument checks: src/core/signature.ts explains the notation.
declareSignatures(AutoScaleConnection, {
  new: CONNECTION_SIGNATURE,
  createAutoScalingGroup: 'asGroup, {signal}',
  updateAutoScalingGroup: 'asGroup, {signal}',
  deleteAutoScalingGroup: 'name, [forceDelete], {signal}',
  getAllGroups: 'paged: [names, maxRecords, nextToken], {signal}',
  setDesiredCapacity: 'groupName, desiredCapacity, [honorCooldown], {signal}',
  attachInstances: 'name, instanceIds, {signal}',
  detachInstances: 'name, instanceIds, [decrementCapacity], {signal}',
  getAllAutoscalingInstances: 'paged: [instanceIds, maxRecords, nextToken], {signal}',
  terminateInstance: 'instanceId, [decrementCapacity], {signal}',
  setInstanceHealth: 'instanceId, healthStatus, [shouldRespectGracePeriod], {signal}',
  getAllActivities: 'paged: autoscaleGroup, [activityIds, maxRecords, nextToken], {signal}',
  createLaunchConfiguration: 'launchConfig, {signal}',
  getAllLaunchConfigurations: 'paged: {names, maxRecords, nextToken, signal}',
  deleteLaunchConfiguration: 'launchConfigName, {signal}',
  createScalingPolicy: 'scalingPolicy, {signal}',
  getAllPolicies: 'paged: [asGroup, policyNames, maxRecords, nextToken], {signal}',
  deletePolicy: 'policyName, [autoscaleGroup], {signal}',
  executePolicy: 'policyName, [asGroup, honorCooldown], {signal}',
  getAllAdjustmentTypes: 'paged: {signal}',
  createScheduledGroupAction: 'asGroup, name, [time, desiredCapacity, minSize, maxSize, startTime, endTime, recurrence], {signal}',
  getAllScheduledActions: 'paged: [asGroup, startTime, endTime, scheduledActions, maxRecords, nextToken], {signal}',
  deleteScheduledAction: 'scheduledActionName, [autoscaleGroup], {signal}',
  getAllScalingProcessTypes: 'paged: {signal}',
  suspendProcesses: 'asGroup, [scalingProcesses], {signal}',
  resumeProcesses: 'asGroup, [scalingProcesses], {signal}',
  getTerminationPolicies: '{signal}',
  getAllMetricCollectionTypes: '{signal}',
  enableMetricsCollection: 'asGroup, granularity, [metrics], {signal}',
  disableMetricsCollection: 'asGroup, [metrics], {signal}',
  putNotificationConfiguration: 'autoscaleGroup, topic, notificationTypes, {signal}',
  deleteNotificationConfiguration: 'autoscaleGroup, topic, {signal}',
  getAllTags: 'paged: [filters:object, maxRecords, nextToken], {signal}',
  createOrUpdateTags: 'tags, {signal}',
  deleteTags: 'tags, {signal}',
  getAccountLimits: '{signal}',
  attachLoadBalancers: 'asGroup, loadBalancerNames, {signal}',
  detachLoadBalancers: 'asGroup, loadBalancerNames, {signal}',
  getAllNotificationConfigurations: 'paged: {groupNames, maxRecords, nextToken, signal}',
  createLifecycleHook: 'hook, {signal}',
  getAllLifecycleHooks: 'paged: asGroup, {hookNames, signal}',
  deleteLifecycleHook: 'asGroup, name, {signal}',
  completeLifecycleAction: 'asGroup, hookName, result, {instanceId, lifecycleActionToken, signal}',
  recordLifecycleActionHeartbeat: 'asGroup, hookName, {instanceId, lifecycleActionToken, signal}',
  enterStandby: 'asGroup, instanceIds, {shouldDecrementDesiredCapacity, signal}',
  exitStandby: 'asGroup, instanceIds, {signal}',
});
