/**
 * Output structures of the Auto Scaling API, built from the state's records and keyed
 * by the model's member names.
 *
 * @module
 */
import type {
  Activity,
  AutoScalingGroup,
  AutoScalingInstanceDetails,
  Instance,
  LaunchConfiguration,
  LaunchTemplateSpecification,
  ScalingPolicy,
  ScheduledUpdateGroupAction,
  TagDescription,
} from '@aws-sdk/client-auto-scaling';
import type { CloudWatchApi } from '../types';
import { serviceLinkedRoleArn } from './format';
import { mixedPolicyShape } from './mixed';
import { targetTrackingShape } from './targettracking';
import type { ActivityRecord, GroupRecord, InstanceRecord, LaunchConfigRecord, PolicyRecord, ScheduledActionRecord, TagRecord, TemplateRefRecord } from './model';

/** A LaunchTemplateSpecification structure. */
function templateShape(t: TemplateRefRecord | undefined): LaunchTemplateSpecification | undefined {
  return t === undefined ? undefined : { LaunchTemplateId: t.id, LaunchTemplateName: t.name, Version: t.version };
}

/**
 * What the CloudWatch service may offer besides `putDatapoint`: the alarms whose actions
 * name an ARN, so DescribePolicies can list a policy's alarms. Used when present.
 */
export interface AlarmLookup {
  alarmsForAction(arn: string): Array<{ alarmName: string; alarmArn: string }>;
}

function hasAlarmLookup(cw: CloudWatchApi): cw is CloudWatchApi & AlarmLookup {
  return typeof (cw as Partial<AlarmLookup>).alarmsForAction === 'function';
}

/** A tag as DescribeTags and DescribeAutoScalingGroups write it. */
export function tagShape(group: string, tag: TagRecord): TagDescription {
  return {
    ResourceId: group,
    ResourceType: 'auto-scaling-group',
    Key: tag.key,
    Value: tag.value,
    PropagateAtLaunch: tag.propagateAtLaunch,
  };
}

function instanceShape(i: InstanceRecord): Instance {
  return {
    InstanceId: i.instanceId,
    InstanceType: i.instanceType,
    AvailabilityZone: i.availabilityZone,
    LifecycleState: i.lifecycleState,
    HealthStatus: i.healthStatus,
    ProtectedFromScaleIn: i.protectedFromScaleIn,
    LaunchConfigurationName: i.launchConfigurationName,
    LaunchTemplate: templateShape(i.launchTemplate),
    WeightedCapacity: i.weightedCapacity,
  };
}

/** An AutoScalingGroup structure. */
export function groupShape(g: GroupRecord, accountId: string): AutoScalingGroup {
  const out: AutoScalingGroup = {
    AutoScalingGroupName: g.name,
    AutoScalingGroupARN: g.arn,
    MinSize: g.minSize,
    MaxSize: g.maxSize,
    DesiredCapacity: g.desiredCapacity,
    DefaultCooldown: g.defaultCooldown,
    AvailabilityZones: [...g.availabilityZones],
    LoadBalancerNames: [...g.loadBalancerNames],
    TargetGroupARNs: [...g.targetGroupARNs],
    HealthCheckType: g.healthCheckType,
    HealthCheckGracePeriod: g.healthCheckGracePeriod,
    Instances: g.instances.filter((i) => i.lifecycleState !== 'Detaching').map(instanceShape),
    CreatedTime: new Date(g.createdTime),
    SuspendedProcesses: g.suspendedProcesses.map((p) => ({ ProcessName: p.processName, SuspensionReason: p.suspensionReason })),
    EnabledMetrics: g.enabledMetrics.map((m) => ({ Metric: m, Granularity: '1Minute' })),
    Tags: g.tags.map((t) => tagShape(g.name, t)),
    TerminationPolicies: [...g.terminationPolicies],
    NewInstancesProtectedFromScaleIn: g.newInstancesProtectedFromScaleIn,
    ServiceLinkedRoleARN: serviceLinkedRoleArn(accountId, g.arn),
    CapacityRebalance: g.capacityRebalance,
    TrafficSources: [],
    LaunchConfigurationName: g.launchConfigurationName,
    LaunchTemplate: templateShape(g.launchTemplate),
    MixedInstancesPolicy: g.mixedInstancesPolicy === undefined ? undefined : mixedPolicyShape(g.mixedInstancesPolicy),
    VPCZoneIdentifier: g.vpcZoneIdentifier,
    PlacementGroup: g.placementGroup,
    MaxInstanceLifetime: g.maxInstanceLifetime,
    DeletionProtection: g.deletionProtection,
  };
  if (g.deleting) out.Status = 'Delete in progress';
  return out;
}

/** An AutoScalingInstanceDetails structure (its health in capitals, as AWS writes it there). */
export function autoScalingInstanceShape(group: string, i: InstanceRecord): AutoScalingInstanceDetails {
  return {
    InstanceId: i.instanceId,
    InstanceType: i.instanceType,
    AutoScalingGroupName: group,
    AvailabilityZone: i.availabilityZone,
    LifecycleState: i.lifecycleState,
    HealthStatus: i.healthStatus.toUpperCase(),
    ProtectedFromScaleIn: i.protectedFromScaleIn,
    LaunchConfigurationName: i.launchConfigurationName,
    LaunchTemplate: templateShape(i.launchTemplate),
    WeightedCapacity: i.weightedCapacity,
  };
}

/** A LaunchConfiguration structure. */
export function launchConfigShape(lc: LaunchConfigRecord): LaunchConfiguration {
  return {
    LaunchConfigurationName: lc.name,
    LaunchConfigurationARN: lc.arn,
    ImageId: lc.imageId,
    KeyName: lc.keyName ?? '',
    SecurityGroups: [...lc.securityGroups],
    ClassicLinkVPCSecurityGroups: [...lc.classicLinkVPCSecurityGroups],
    UserData: lc.userData ?? '',
    InstanceType: lc.instanceType,
    KernelId: lc.kernelId ?? '',
    RamdiskId: lc.ramdiskId ?? '',
    BlockDeviceMappings: lc.blockDeviceMappings.map((b) => ({
      DeviceName: b.deviceName,
      VirtualName: b.virtualName,
      NoDevice: b.noDevice,
      Ebs: b.ebs === undefined
        ? undefined
        : {
            SnapshotId: b.ebs.snapshotId,
            VolumeSize: b.ebs.volumeSize,
            VolumeType: b.ebs.volumeType,
            DeleteOnTermination: b.ebs.deleteOnTermination,
            Iops: b.ebs.iops,
            Encrypted: b.ebs.encrypted,
            Throughput: b.ebs.throughput,
          },
    })),
    InstanceMonitoring: { Enabled: lc.instanceMonitoring },
    CreatedTime: new Date(lc.createdTime),
    EbsOptimized: lc.ebsOptimized,
    ClassicLinkVPCId: lc.classicLinkVPCId,
    SpotPrice: lc.spotPrice,
    IamInstanceProfile: lc.iamInstanceProfile,
    AssociatePublicIpAddress: lc.associatePublicIpAddress,
    PlacementTenancy: lc.placementTenancy,
    MetadataOptions: lc.metadataOptions === undefined
      ? undefined
      : { HttpTokens: lc.metadataOptions.httpTokens, HttpPutResponseHopLimit: lc.metadataOptions.httpPutResponseHopLimit, HttpEndpoint: lc.metadataOptions.httpEndpoint },
  };
}

/** An Activity structure. */
export function activityShape(a: ActivityRecord, deleted = false): Activity {
  const out: Activity = {
    ActivityId: a.activityId,
    AutoScalingGroupName: a.groupName,
    AutoScalingGroupARN: a.groupArn,
    Description: a.description,
    Cause: a.cause,
    StartTime: new Date(a.startTime),
    StatusCode: a.statusCode,
    Progress: a.progress,
    Details: a.details,
  };
  if (a.endTime !== undefined) out.EndTime = new Date(a.endTime);
  if (a.statusMessage !== undefined) out.StatusMessage = a.statusMessage;
  if (deleted) out.AutoScalingGroupState = 'Deleted';
  return out;
}

/** A ScalingPolicy structure, with the alarms that name it when CloudWatch can say. */
export function policyShape(p: PolicyRecord, cw: CloudWatchApi): ScalingPolicy {
  const out: ScalingPolicy = {
    AutoScalingGroupName: p.groupName,
    PolicyName: p.name,
    PolicyARN: p.arn,
    PolicyType: p.policyType,
    AdjustmentType: p.adjustmentType,
    StepAdjustments: p.stepAdjustments.map((s) => ({ ScalingAdjustment: s.scalingAdjustment, MetricIntervalLowerBound: s.lower, MetricIntervalUpperBound: s.upper })),
    Alarms: hasAlarmLookup(cw) ? cw.alarmsForAction(p.arn).map((a) => ({ AlarmName: a.alarmName, AlarmARN: a.alarmArn })) : [],
    Enabled: p.enabled,
    ScalingAdjustment: p.scalingAdjustment,
    Cooldown: p.cooldown,
  };
  if (p.targetTracking !== undefined) {
    delete out.AdjustmentType;
    out.TargetTrackingConfiguration = targetTrackingShape(p.targetTracking);
  }
  if (p.minAdjustmentMagnitude !== undefined) {
    out.MinAdjustmentMagnitude = p.minAdjustmentMagnitude;
    out.MinAdjustmentStep = p.minAdjustmentMagnitude;
  }
  if (p.metricAggregationType !== undefined) out.MetricAggregationType = p.metricAggregationType;
  if (p.estimatedInstanceWarmup !== undefined) out.EstimatedInstanceWarmup = p.estimatedInstanceWarmup;
  return out;
}

/** A ScheduledUpdateGroupAction structure; StartTime and Time give the next run. */
export function scheduledShape(s: ScheduledActionRecord): ScheduledUpdateGroupAction {
  const out: ScheduledUpdateGroupAction = {
    AutoScalingGroupName: s.groupName,
    ScheduledActionName: s.name,
    ScheduledActionARN: s.arn,
  };
  const start = s.nextRun ?? s.startTime;
  if (start !== undefined) {
    out.Time = new Date(start);
    out.StartTime = new Date(start);
  }
  if (s.endTime !== undefined) out.EndTime = new Date(s.endTime);
  if (s.recurrence !== undefined) out.Recurrence = s.recurrence;
  if (s.minSize !== undefined) out.MinSize = s.minSize;
  if (s.maxSize !== undefined) out.MaxSize = s.maxSize;
  if (s.desiredCapacity !== undefined) out.DesiredCapacity = s.desiredCapacity;
  if (s.timeZone !== undefined) out.TimeZone = s.timeZone;
  return out;
}
