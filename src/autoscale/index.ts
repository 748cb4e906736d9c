/**
 * Auto Scaling, as boto2's `boto.ec2.autoscale`.
 *
 * @module
 */
import { regionFunctions } from '../core/service';
import { AutoScaleConnection, AUTOSCALE_SPEC } from './connection';

export {
  AutoScaleConnection, AUTOSCALE_SPEC, HEALTH_CHECK_TYPES, HEALTH_STATUSES, TAG_FILTER_NAMES,
  type GroupRef, type GetAllLaunchConfigurationsOptions, type GetAllGroupsOptions, type GetAllActivitiesOptions,
  type GetAllAutoscalingInstancesOptions, type GetAllPoliciesOptions, type GetAllScheduledActionsOptions, type GetAllTagsOptions,
  type DeleteAutoScalingGroupOptions, type DecrementCapacityOptions, type ScalingProcessesOptions, type MetricsOptions,
  type CreateScheduledGroupActionOptions, type AutoscaleGroupOption, type ExecutePolicyOptions, type SetDesiredCapacityOptions,
  type SetInstanceHealthOptions, type GetAllNotificationConfigurationsOptions, type GetAllLifecycleHooksOptions,
  type LifecycleActionOptions, type EnterStandbyOptions,
} from './connection';
export { LifecycleHook, LIFECYCLE_TRANSITIONS, LIFECYCLE_ACTION_RESULTS, type LifecycleHookOptions } from './lifecyclehook';
export { NotificationConfiguration, type NotificationConfigurationOptions } from './notification';
export { LaunchConfiguration, InstanceMonitoring, type LaunchConfigurationOptions } from './launchconfig';
export { BlockDeviceMapping, Ebs } from './blockdevice';
export { AutoScalingGroup, type AutoScalingGroupOptions, type GetActivitiesOptions, type WaitForCapacityOptions } from './group';
export { type GroupLaunchTemplate, type LaunchTemplateChoice, type LaunchTemplateInput } from './grouplaunch';
export {
  type InstanceTypeOverride, type InstanceTypeOverrideInput, type MixedInstancesPolicy, type MixedInstancesPolicyInput, MAX_INSTANCE_TYPES, ON_DEMAND_ALLOCATION_STRATEGIES, SPOT_ALLOCATION_STRATEGIES,
} from './mixed';
export { ScalingPolicy, type ScalingPolicyOptions, type StepAdjustment, type PredefinedMetric, type CustomizedMetric, type TargetTrackingConfiguration } from './policy';
export { POLICY_TYPES, type PolicyType } from './policy-checks';
export { METRIC_AGGREGATION_TYPES } from '../core/rules/aws-rules';
export { Alarm } from './alarm';
export { AdjustmentType, ADJUSTMENT_TYPES } from './adjustment';
export { Activity, type ActivityOptions } from './activity';
export { Instance, type InstanceOptions } from './instance';
export { Tag, type TagOptions } from './tag';
export { ScheduledUpdateGroupAction, type ScheduledUpdateGroupActionOptions } from './scheduled';
export { AccountLimits } from './limits';
export { ProcessType, SuspendedProcess } from './process';
export {
  EnabledMetric, AutoScalingGroupMetric, MetricCollectionTypes, MetricCollectionBaseType, MetricCollectionMetric, MetricCollectionGranularity,
} from './metrics';
export { TerminationPolicies } from './termination';
export { Request } from './request';
// Launch templates live in EC2; groups launch from them, so they are offered here too.
export { LaunchTemplate, type LaunchTemplateOptions, type LaunchTemplateVersionRef } from '../ec2/launchtemplate';
export { type LaunchSettings, type MetadataOptions } from '../ec2/launchtemplate-data';

const fns = regionFunctions(AUTOSCALE_SPEC, (options) => new AutoScaleConnection(options));
/** Every Auto Scaling region, each a `RegionInfo` that can `connect()`. */
export const regions = fns.regions;
/** A connection to Auto Scaling in the named region (boto2's `connect_to_region`). */
export const connectToRegion = fns.connectToRegion;
