/**
 * Text AWS writes into activities and ARNs: timestamps in causes, activity details, ARNs
 * of groups, launch configurations, policies and scheduled actions.
 *
 * @module
 */
import { partitionOf } from '../../core/rules/aws-rules';

/** `2026-01-01T00:00:00Z`: the second-precision UTC time AWS writes in activity causes. */
export function causeTime(ms: number): string {
  return `${new Date(Math.floor(ms / 1000) * 1000).toISOString().slice(0, 19)}Z`;
}

/** An activity's Details: the instance's subnet (when it has one) and zone, as AWS writes them. */
export function activityDetails(zone: string, subnetId: string | undefined): string {
  return JSON.stringify(subnetId === undefined ? { 'Availability Zone': zone } : { 'Subnet ID': subnetId, 'Availability Zone': zone });
}

/** The ARN of a group. */
export function groupArn(region: string, account: string, id: string, name: string): string {
  return `arn:${partitionOf(region)}:autoscaling:${region}:${account}:autoScalingGroup:${id}:autoScalingGroupName/${name}`;
}

/** The ARN of a launch configuration. */
export function launchConfigArn(region: string, account: string, id: string, name: string): string {
  return `arn:${partitionOf(region)}:autoscaling:${region}:${account}:launchConfiguration:${id}:launchConfigurationName/${name}`;
}

/** The ARN of a scaling policy. */
export function policyArn(region: string, account: string, id: string, group: string, name: string): string {
  return `arn:${partitionOf(region)}:autoscaling:${region}:${account}:scalingPolicy:${id}:autoScalingGroupName/${group}:policyName/${name}`;
}

/** The ARN of a scheduled action. */
export function scheduledActionArn(region: string, account: string, id: string, group: string, name: string): string {
  return `arn:${partitionOf(region)}:autoscaling:${region}:${account}:scheduledUpdateGroupAction:${id}:autoScalingGroupName/${group}:scheduledActionName/${name}`;
}

/** The service-linked role every group reports, in the partition of the group's ARN. */
export function serviceLinkedRoleArn(account: string, groupArn: string): string {
  const partition = groupArn.split(':')[1] ?? 'aws';
  return `arn:${partition}:iam::${account}:role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling`;
}
