/**
 * The records the simulated Auto Scaling service keeps, and the fixed vocabularies of the
 * API (process names, metric names, termination policies, ...). Every record is plain
 * JSON-safe data (times are milliseconds since the epoch) so that the whole state
 * round-trips through `JSON.stringify` for `--state`.
 *
 * @module
 */
import type {
  DeletionProtection,
  InstanceMetadataEndpointState,
  InstanceMetadataHttpTokensState,
  LifecycleState as SdkLifecycleState,
  MetricStatistic,
  MetricType,
  ScalingActivityStatusCode,
} from '@aws-sdk/client-auto-scaling';

/** One EBS volume of a block device mapping. */
export interface EbsRecord {
  snapshotId?: string;
  volumeSize?: number;
  volumeType?: string;
  deleteOnTermination?: boolean;
  iops?: number;
  encrypted?: boolean;
  throughput?: number;
}

/** One block device mapping of a launch configuration. */
export interface BlockDeviceMappingRecord {
  deviceName: string;
  virtualName?: string;
  ebs?: EbsRecord;
  noDevice?: boolean;
}

/** A launch configuration. */
export interface LaunchConfigRecord {
  name: string;
  arn: string;
  createdTime: number;
  imageId: string;
  instanceType: string;
  keyName?: string;
  securityGroups: string[];
  classicLinkVPCId?: string;
  classicLinkVPCSecurityGroups: string[];
  /** Base64 text exactly as given. */
  userData?: string;
  kernelId?: string;
  ramdiskId?: string;
  blockDeviceMappings: BlockDeviceMappingRecord[];
  instanceMonitoring: boolean;
  spotPrice?: string;
  iamInstanceProfile?: string;
  ebsOptimized: boolean;
  associatePublicIpAddress?: boolean;
  placementTenancy?: string;
  metadataOptions?: { httpTokens?: InstanceMetadataHttpTokensState; httpPutResponseHopLimit?: number; httpEndpoint?: InstanceMetadataEndpointState };
}

/** A launch template as a group or an instance names it (AWS's LaunchTemplateSpecification). */
export interface TemplateRefRecord {
  /** Template id (`lt-…`). */
  id: string;
  /** Template name. */
  name: string;
  /** A group's: `$Latest`, `$Default` or a number, as given; an instance's: the number it was launched from. */
  version: string;
}

/** Lifecycle states the simulation uses: AWS's (the SDK's `LifecycleState`) without the warm pool's. */
export type LifecycleState = Extract<
  SdkLifecycleState,
  'Pending' | 'Pending:Wait' | 'Pending:Proceed' | 'InService' | 'Terminating' | 'Terminating:Wait' | 'Terminating:Proceed' | 'Detaching' | 'Standby'
>;

/** Whether an instance is launching (Pending, or held or released by a launch lifecycle hook). */
export function isPending(state: LifecycleState): boolean {
  return state === 'Pending' || state === 'Pending:Wait' || state === 'Pending:Proceed';
}

/** Whether an instance is being terminated (or held or released by a termination lifecycle hook). */
export function isTerminating(state: LifecycleState): boolean {
  return state === 'Terminating' || state === 'Terminating:Wait' || state === 'Terminating:Proceed';
}

/** The two lifecycle transitions a hook can hold (DescribeLifecycleHookTypes), from the rules. */
export { LIFECYCLE_TRANSITIONS } from '../../core/rules/aws-rules';

/** A lifecycle hook of a group. */
export interface LifecycleHookRecord {
  name: string;
  groupName: string;
  transition: string;
  roleARN?: string;
  notificationTargetARN?: string;
  notificationMetadata?: string;
  /** Seconds. */
  heartbeatTimeout: number;
  defaultResult: 'CONTINUE' | 'ABANDON';
}

/** A lifecycle action: one hook holding one instance in a wait state. */
export interface LifecycleActionRecord {
  hookName: string;
  token: string;
  /** The hook's heartbeat timeout when the action started (seconds). */
  heartbeatTimeout: number;
  defaultResult: 'CONTINUE' | 'ABANDON';
  /** When the action times out unless a heartbeat extends it (ms). */
  deadline: number;
  /** When it times out whatever the heartbeats: the hook's GlobalTimeout after it started (ms). */
  globalDeadline: number;
}

/** One instance of a group. */
export interface InstanceRecord {
  instanceId: string;
  availabilityZone: string;
  subnetId?: string;
  instanceType: string;
  lifecycleState: LifecycleState;
  healthStatus: 'Healthy' | 'Unhealthy';
  /** Which health check found it unhealthy, for the termination cause. */
  unhealthyReason?: 'EC2' | 'ELB' | 'user';
  launchConfigurationName?: string;
  /** Creation time of the launch configuration at launch (for OldestLaunchConfiguration). */
  launchConfigurationCreated?: number;
  /** The launch template version it was launched from. */
  launchTemplate?: TemplateRefRecord;
  protectedFromScaleIn: boolean;
  launchTime: number;
  inServiceTime?: number;
  /** The launch or termination activity that is still running for this instance. */
  activityId?: string;
  /** Whether it was registered with the group's load balancers. */
  registered: boolean;
  /** `Spot` for a spot instance of a mixed instances group (on-demand ones have none). */
  lifecycle?: 'Spot';
  /** The capacity units it counts for, as its override's WeightedCapacity gives them. */
  weightedCapacity?: string;
  /** The instance launched to replace it after a rebalance recommendation (Capacity Rebalancing). */
  replacementId?: string;
  /** The lifecycle actions holding it in Pending:Wait or Terminating:Wait, until each is completed or times out. */
  lifecycleActions?: LifecycleActionRecord[];
  /**
   * The group's launch hooks (names) when it began launching, or left Standby: only these
   * may hold it in Pending:Wait. Absent (snapshots made before it was kept): the hooks
   * the group has when the instance is running.
   */
  launchHooks?: string[];
}

/** A tag of a group. */
export interface TagRecord {
  key: string;
  value: string;
  propagateAtLaunch: boolean;
}

/** A suspended process with AWS's reason text. */
export interface SuspendedProcessRecord {
  processName: string;
  suspensionReason: string;
}

/** What changed the desired capacity last, waiting for the activities that follow. */
export interface CapacityCause {
  /** The sentence(s) AWS puts at the start of the following activities' causes. */
  text: string;
}

/** An Auto Scaling group. */
export interface GroupRecord {
  name: string;
  arn: string;
  createdTime: number;
  launchConfigurationName?: string;
  /** The launch template it launches from (instead of a launch configuration). */
  launchTemplate?: TemplateRefRecord;
  minSize: number;
  maxSize: number;
  desiredCapacity: number;
  defaultCooldown: number;
  availabilityZones: string[];
  /** subnet id → zone, when the group was given VPCZoneIdentifier. */
  subnets: Array<{ subnetId: string; zone: string }>;
  vpcZoneIdentifier?: string;
  loadBalancerNames: string[];
  targetGroupARNs: string[];
  healthCheckType: string;
  healthCheckGracePeriod: number;
  placementGroup?: string;
  terminationPolicies: string[];
  newInstancesProtectedFromScaleIn: boolean;
  capacityRebalance: boolean;
  maxInstanceLifetime?: number;
  /** Its DeletionProtection as last set (none, prevent-force-deletion or prevent-all-deletion); absent: never set, AWS's default none. */
  deletionProtection?: DeletionProtection;
  suspendedProcesses: SuspendedProcessRecord[];
  enabledMetrics: string[];
  tags: TagRecord[];
  instances: InstanceRecord[];
  /** Set while ForceDelete tears the group down. */
  deleting: boolean;
  /** The cause of the pending capacity change, for the activities it leads to. */
  pendingCause?: CapacityCause;
  /** A scaling activity whose completion starts a cooldown of this many seconds. */
  cooldownPending?: number;
  /** End of the current cooldown (ms). */
  cooldownUntil: number;
  /** Launches are retried no sooner than this after a failure (ms). */
  launchRetryAt: number;
  launchFailures: number;
  /** Set while a zone rebalance launched an extra instance that must come up first. */
  rebalancing: boolean;
  /** Whether CPU datapoints are published for this group (it has had load). */
  cpuTracked: boolean;
  /** Its mixed instances policy (instead of a launch configuration or template). */
  mixedInstancesPolicy?: MixedPolicyRecord;
}

/** One override of a mixed instances policy. */
export interface OverrideRecord {
  instanceType: string;
  /** As given (a string of 1 to 999 on the wire). */
  weightedCapacity?: string;
  /** A launch template for this type instead of the policy's. */
  launchTemplate?: TemplateRefRecord;
}

/** A mixed instances policy: a launch template, its overrides and the on-demand/spot split. */
export interface MixedPolicyRecord {
  launchTemplate: TemplateRefRecord;
  overrides: OverrideRecord[];
  onDemandAllocationStrategy: string;
  onDemandBaseCapacity: number;
  onDemandPercentageAboveBaseCapacity: number;
  spotAllocationStrategy: string;
  /** Only with the lowest-price spot strategy. */
  spotInstancePools?: number;
  /** As given; absent: the on-demand price. */
  spotMaxPrice?: string;
}

/** A scaling activity. */
export interface ActivityRecord {
  activityId: string;
  groupName: string;
  groupArn: string;
  description: string;
  cause: string;
  startTime: number;
  endTime?: number;
  statusCode: ScalingActivityStatusCode;
  statusMessage?: string;
  progress: number;
  details: string;
}

/** One step of a step scaling policy. */
export interface StepAdjustmentRecord {
  lower?: number;
  upper?: number;
  scalingAdjustment: number;
}

/** A scaling policy. */
export interface PolicyRecord {
  name: string;
  groupName: string;
  arn: string;
  policyType: string;
  adjustmentType: string;
  scalingAdjustment?: number;
  cooldown?: number;
  minAdjustmentMagnitude?: number;
  /** Whether the caller used the deprecated MinAdjustmentStep name. */
  minAdjustmentStep: boolean;
  stepAdjustments: StepAdjustmentRecord[];
  metricAggregationType?: string;
  estimatedInstanceWarmup?: number;
  enabled: boolean;
  /** A TargetTrackingScaling policy's configuration. */
  targetTracking?: TargetTrackingRecord;
  /** The alarms a TargetTrackingScaling policy created and owns. */
  alarmNames?: string[];
  /** When a TargetTrackingScaling policy last changed the desired capacity (ms). */
  lastScaledAt?: number;
}

/** A target tracking policy's TargetTrackingConfiguration. */
export interface TargetTrackingRecord {
  targetValue: number;
  disableScaleIn: boolean;
  predefined?: { type: MetricType; resourceLabel?: string };
  customized?: { metricName: string; namespace: string; statistic: MetricStatistic; dimensions: Array<{ name: string; value: string }>; unit?: string };
}

/** A scheduled action. */
export interface ScheduledActionRecord {
  name: string;
  groupName: string;
  arn: string;
  startTime?: number;
  endTime?: number;
  recurrence?: string;
  timeZone?: string;
  minSize?: number;
  maxSize?: number;
  desiredCapacity?: number;
  /** When it fires next (ms); undefined once it has no more runs. */
  nextRun?: number;
}

/** A notification configuration: one topic and its notification types for one group. */
export interface NotificationRecord {
  groupName: string;
  topicARN: string;
  notificationTypes: string[];
}

/** The whole persisted state. */
export interface AutoScalingSnapshot {
  version: 1;
  groups: GroupRecord[];
  launchConfigurations: LaunchConfigRecord[];
  policies: PolicyRecord[];
  scheduledActions: ScheduledActionRecord[];
  notifications: NotificationRecord[];
  activities: ActivityRecord[];
  lastMetricsMinute: number;
  /** Absent in snapshots made before botoscale local had lifecycle hooks. */
  lifecycleHooks?: LifecycleHookRecord[];
}

/** The processes SuspendProcesses knows, in AWS's order. */
export const PROCESS_NAMES = [
  'Launch',
  'Terminate',
  'AddToLoadBalancer',
  'AlarmNotification',
  'AZRebalance',
  'HealthCheck',
  'InstanceRefresh',
  'ReplaceUnhealthy',
  'ScheduledActions',
] as const;

/** The group metrics EnableMetricsCollection knows. */
export const GROUP_METRICS = [
  'GroupMinSize',
  'GroupMaxSize',
  'GroupDesiredCapacity',
  'GroupInServiceInstances',
  'GroupPendingInstances',
  'GroupStandbyInstances',
  'GroupTerminatingInstances',
  'GroupTotalInstances',
  'GroupInServiceCapacity',
  'GroupPendingCapacity',
  'GroupStandbyCapacity',
  'GroupTerminatingCapacity',
  'GroupTotalCapacity',
] as const;

/** Termination policies, as DescribeTerminationPolicyTypes lists them. */
export { TERMINATION_POLICIES } from '../../core/rules/aws-rules';

/** Adjustment types of simple and step scaling. */
export { ADJUSTMENT_TYPES } from '../../core/rules/aws-rules';

/** Notification types PutNotificationConfiguration accepts. */
export const NOTIFICATION_TYPES = [
  'autoscaling:EC2_INSTANCE_LAUNCH',
  'autoscaling:EC2_INSTANCE_LAUNCH_ERROR',
  'autoscaling:EC2_INSTANCE_TERMINATE',
  'autoscaling:EC2_INSTANCE_TERMINATE_ERROR',
  'autoscaling:TEST_NOTIFICATION',
] as const;

/** AWS's default cooldown, in seconds. */
export const DEFAULT_COOLDOWN = 300;
