/**
 * The resource model autoscalectl plans with: plain data, the same shape for what the
 * file wants (desired) and what AWS has (current), so that planning is a pure comparison.
 *
 * @module
 */
import type { StepAdjustment, TargetTrackingConfiguration } from '../../autoscale';

/** A block device of a launch configuration. */
export interface BlockDeviceSpec {
  /** e.g. `/dev/sdb`. */
  deviceName: string;
  /** Instance store name, e.g. `ephemeral0`. */
  virtualName?: string;
  /** EBS snapshot. */
  snapshotId?: string;
  /** EBS size in GiB. */
  volumeSize?: number;
  /** EBS volume type. */
  volumeType?: string;
  /** Delete the volume with the instance. */
  deleteOnTermination?: boolean;
  /** Provisioned IOPS. */
  iops?: number;
  /** Encrypt the volume. */
  encrypted?: boolean;
  /** Suppress the device. */
  noDevice?: boolean;
}

/** What a launch configuration launches (everything but its name). */
export interface LaunchConfigSpec {
  /** AMI id (the file's `ami`). */
  imageId: string;
  /** Key pair (`ssh_key`). */
  keyName?: string;
  /** Security groups (`security_group` or `security_groups`). */
  securityGroups: string[];
  /** Instance type. */
  instanceType: string;
  /** User data text. */
  userData?: string;
  /** Maximum spot price (US dollars per hour). */
  spotPrice?: number;
  /** Detailed monitoring. */
  instanceMonitoring: boolean;
  /** Block devices. */
  blockDevices: BlockDeviceSpec[];
  /** IAM instance profile name or ARN. */
  iamInstanceProfile?: string;
}

/** A launch configuration that exists. */
export interface LaunchConfigState extends LaunchConfigSpec {
  /** Its name. */
  name: string;
}

/** How a group launches its instances, as the file says (`launch`). */
export type LaunchMode = 'template' | 'configuration';

/** What a group's launch template (and version) is, as AWS describes it. */
export interface GroupLaunchTemplateRef {
  /** The template's id. */
  id?: string;
  /** The template's name. */
  name?: string;
  /** A version number, `$Latest` or `$Default`. */
  version: number | string;
}

/** A launch template that exists, with what its default version launches. */
export interface LaunchTemplateState {
  /** Its name (autoscalectl's are named after their group). */
  name: string;
  /** Its id. */
  id: string;
  /** The default version's number. */
  defaultVersion: number;
  /** The latest version's number. */
  latestVersion: number;
  /** What the default version launches. */
  settings: LaunchConfigSpec;
  /** The default version's `httpTokens`, kept by the versions autoscalectl adds. */
  httpTokens?: string;
}

/** One instance type of a group's spot settings, with its capacity units when weighted. */
export interface SpotInstanceType {
  /** Such as `m5.large`. */
  type: string;
  /** Capacity units (AWS's WeightedCapacity); unweighted when undefined. */
  weight?: number;
}

/**
 * A group's spot settings (the file's `spot`), which become its mixed instances policy on
 * the group's launch template. Defaults are autoscalectl's: spot above the base (0%
 * on-demand), `price-capacity-optimized`, the group's `instance_type` alone.
 */
export interface SpotSpec {
  /** The first this many capacity units are on-demand. */
  onDemandBase: number;
  /** Percent of the capacity above the base that is on-demand. */
  onDemandPercentage: number;
  /** The instance types, in priority order. */
  instanceTypes: SpotInstanceType[];
  /** The spot allocation strategy. */
  allocation: string;
  /** Highest spot price per hour; none (the on-demand price caps it) when undefined. */
  maxPrice?: number;
}

/** A group's mixed instances policy, as AWS describes it. */
export interface MixedState extends SpotSpec {
  /** The launch template and version the policy launches from. */
  launchTemplate: GroupLaunchTemplateRef;
}

/** A tag of a group. */
export interface TagSpec {
  /** Key. */
  key: string;
  /** Value. */
  value: string;
  /** Copied to instances the group launches. */
  propagateAtLaunch: boolean;
}

/** A scaling policy. */
export interface PolicySpec {
  /** AWS name: `<group>|<policy>`. */
  name: string;
  /** The name in the file. */
  shortName: string;
  /** Its group. */
  group: string;
  /** `StepScaling` or `TargetTrackingScaling`; undefined for a simple policy. */
  policyType?: 'StepScaling' | 'TargetTrackingScaling';
  /** `ChangeInCapacity`, `ExactCapacity` or `PercentChangeInCapacity` (`''` for target tracking). */
  adjustmentType: string;
  /** The file's `adjustment` (simple policies). */
  scalingAdjustment?: number;
  /** Seconds; not managed when undefined. */
  cooldown?: number;
  /** With `PercentChangeInCapacity`. */
  minAdjustmentStep?: number;
  /** A step policy's steps. */
  steps?: StepAdjustment[];
  /** A step policy's metric aggregation (AWS's default `Average` when the file says none). */
  aggregation?: string;
  /** Instance warm-up, seconds; not managed when undefined. */
  warmup?: number;
  /** A target-tracking policy's metric and target. */
  tracking?: TargetTrackingConfiguration;
}

/** A scaling policy that exists. */
export interface PolicyState extends PolicySpec {
  /** Its ARN (what alarms name as their action). */
  arn: string;
  /** Names of the alarms that run it. */
  alarmNames: string[];
}

/** The part of an alarm that is compared. */
export interface AlarmSettings {
  /** Metric name. */
  metric: string;
  /** Metric namespace. */
  namespace: string;
  /** Statistic. */
  statistic: string;
  /** Seconds. */
  period: number;
  /** Periods over which to compare. */
  evaluationPeriods: number;
  /** Threshold. */
  threshold: number;
  /** CloudWatch comparison operator name. */
  comparison: string;
  /** Dimensions. */
  dimensions: Record<string, string>;
  /** Unit. */
  unit?: string;
  /** Datapoints out of `evaluationPeriods` that set it off; not managed when undefined. */
  datapointsToAlarm?: number;
  /** `missing`, `ignore`, `breaching` or `notBreaching`; not managed when undefined. */
  treatMissingData?: string;
}

/** An alarm the file wants: runs the policy `policy` of `group`. */
export interface AlarmSpec extends AlarmSettings {
  /** AWS name: `<group>|<policy>|<metric>`. */
  name: string;
  /** Its group. */
  group: string;
  /** AWS name of the policy it runs. */
  policy: string;
}

/** An alarm that exists. */
export interface AlarmState extends AlarmSettings {
  /** Its name. */
  name: string;
  /** ARNs it acts on when in ALARM. */
  alarmActions: string[];
}

/** A scheduled change of a group's sizes. */
export interface ScheduledSpec {
  /** Name (unique within the group). */
  name: string;
  /** Its group. */
  group: string;
  /** Cron recurrence. */
  recurrence?: string;
  /** First run, ISO 8601. */
  startTime?: string;
  /** End of a recurring action, ISO 8601. */
  endTime?: string;
  /** Minimum size it sets. */
  minSize?: number;
  /** Maximum size it sets. */
  maxSize?: number;
  /** Desired capacity it sets. */
  desiredCapacity?: number;
}

/** A lifecycle hook of a group, as the file wants it and as AWS has it (AWS's defaults filled in). */
export interface LifecycleHookSpec {
  /** Name (unique within the group). */
  name: string;
  /** Its group. */
  group: string;
  /** `autoscaling:EC2_INSTANCE_LAUNCHING` or `autoscaling:EC2_INSTANCE_TERMINATING`. */
  transition: string;
  /** Seconds an action may wait without a heartbeat. */
  heartbeatTimeout: number;
  /** `CONTINUE` or `ABANDON`, on timeout. */
  defaultResult: string;
  /** SNS topic or SQS queue told of each action. */
  notificationTargetArn?: string;
  /** The role that lets Auto Scaling publish to the target. */
  roleArn?: string;
  /** Text passed along with each notification. */
  notificationMetadata?: string;
}

/**
 * The settings of an Auto Scaling group, as the file wants them, as AWS has them, and
 * as a plan creates them. Where the file leaves an optional one out, it is not managed.
 */
export interface GroupSettings {
  /** Name. */
  name: string;
  /** Fewest instances. */
  minSize: number;
  /** Most instances. */
  maxSize: number;
  /** Availability zones. */
  zones: string[];
  /** Subnets (`vpc_zone_identifier`). */
  subnets: string[];
  /** Classic load balancers. */
  loadBalancers: string[];
  /** `EC2` or `ELB`. */
  healthCheckType?: string;
  /** Seconds. */
  healthCheckPeriod?: number;
  /** Seconds. */
  defaultCooldown?: number;
  /** Tags: the file's alone in a {@link GroupSpec}, autoscalectl's included otherwise. */
  tags: TagSpec[];
}

/** An Auto Scaling group the file wants, with everything attached to it. */
export interface GroupSpec extends GroupSettings {
  /** The file's `capacity` (desired capacity), if given. */
  capacity?: number;
  /** What its launch configuration or launch template must launch. */
  launchConfig: LaunchConfigSpec;
  /**
   * The file's `launch`: a launch template named after the group, or launch
   * configurations `<group>-<n>`. When the file says nothing, a new group gets a template
   * and an existing one keeps what it has (`--migrate` moves it to a template).
   */
  launch?: LaunchMode;
  /** Not managed when undefined. */
  terminationPolicies?: string[];
  /** SNS topic for launch/terminate notifications. */
  notificationTopic?: string;
  /** Its scaling policies. */
  policies: PolicySpec[];
  /** Its alarms. */
  alarms: AlarmSpec[];
  /** Its scheduled actions. */
  scheduledActions: ScheduledSpec[];
  /** Its lifecycle hooks. */
  lifecycleHooks: LifecycleHookSpec[];
  /** Its spot settings: a mixed instances policy on its launch template (the file's `spot`). */
  spot?: SpotSpec;
  /** Capacity rebalancing (`spot.capacity_rebalance`); managed only with `spot`. */
  capacityRebalance?: boolean;
}

/** An Auto Scaling group that exists. */
export interface GroupState extends GroupSettings {
  /** Its launch configuration's name. */
  launchConfigName?: string;
  /** Its launch template, when it has one instead (for a group on a mixed instances policy, the policy's). */
  launchTemplate?: GroupLaunchTemplateRef;
  /** Its mixed instances policy, when it has one. */
  mixed?: MixedState;
  /** Whether capacity rebalancing is on. */
  capacityRebalance?: boolean;
  /** Desired capacity. */
  desiredCapacity: number;
  /** Termination policies. */
  terminationPolicies: string[];
  /** How many instances it has. */
  instanceCount: number;
}

/** A listener of a load balancer. */
export interface ListenerSpec {
  /** Port the load balancer listens on. */
  loadBalancerPort: number;
  /** Port of the instances. */
  instancePort: number;
  /** `HTTP`, `HTTPS`, `TCP` or `SSL`. */
  protocol: string;
  /** Protocol to the instances; AWS's default (and not compared) when undefined. */
  instanceProtocol?: string;
  /** Certificate of an HTTPS or SSL listener. */
  sslCertificateId?: string;
}

/** A load balancer health check. */
export interface HealthCheckSpec {
  /** e.g. `HTTP:8080/health`. */
  target: string;
  /** Seconds between checks. */
  interval: number;
  /** Seconds to wait for an answer. */
  timeout: number;
  /** Successes before healthy. */
  healthyThreshold: number;
  /** Failures before unhealthy. */
  unhealthyThreshold: number;
}

/** Cookie stickiness on the HTTP/HTTPS listeners. */
export type StickinessSpec = { type: 'lb'; expiration?: number } | { type: 'app'; cookieName: string };

/** Connection draining. */
export interface DrainingSpec {
  /** On or off. */
  enabled: boolean;
  /** Seconds; AWS's default when undefined. */
  timeout?: number;
}

/** A load balancer the file wants. */
export interface LoadBalancerSpec {
  /** Name. */
  name: string;
  /** Availability zones (EC2-Classic or default VPC). */
  zones: string[];
  /** Subnets (VPC). */
  subnets: string[];
  /** Security groups (VPC). */
  securityGroups: string[];
  /** `internet-facing` or `internal`. */
  scheme: string;
  /** Listeners. */
  listeners: ListenerSpec[];
  /** Health check; not managed when undefined. */
  healthCheck?: HealthCheckSpec;
  /** Stickiness; none when undefined. */
  stickiness?: StickinessSpec;
  /** Cross-zone load balancing; not managed when undefined. */
  crossZone?: boolean;
  /** Connection draining; not managed when undefined. */
  connectionDraining?: DrainingSpec;
}

/** A load balancer that exists. */
export interface LoadBalancerState {
  /** Name. */
  name: string;
  /** Availability zones. */
  zones: string[];
  /** Subnets. */
  subnets: string[];
  /** Security groups. */
  securityGroups: string[];
  /** Scheme. */
  scheme: string;
  /** Listeners, each with the policies set on it. */
  listeners: (ListenerSpec & { policyNames: string[] })[];
  /** Health check. */
  healthCheck?: HealthCheckSpec;
  /** Load balancer cookie policies. */
  lbCookiePolicies: { name: string; expiration?: number }[];
  /** Application cookie policies. */
  appCookiePolicies: { name: string; cookieName: string }[];
  /** Attributes, when they were read. */
  attributes?: { crossZone: boolean; connectionDraining: DrainingSpec };
  /** Whether autoscalectl created it (it carries the marker policy). */
  managed: boolean;
}

/** What the file wants. */
export interface DesiredState {
  /** The file's region. */
  region?: string;
  /** Groups, in file order. */
  groups: GroupSpec[];
  /** Load balancers of the top-level section, in file order. */
  loadBalancers: LoadBalancerSpec[];
}

/** What exists, as far as it was read. */
export interface CurrentState {
  /** Groups by name. */
  groups: Map<string, GroupState>;
  /** Launch configurations by name. */
  launchConfigs: Map<string, LaunchConfigState>;
  /** Launch templates by name (the ones named after groups of the file, or of managed groups when pruning). */
  launchTemplates: Map<string, LaunchTemplateState>;
  /** Policies by `stateKey(group, name)`. */
  policies: Map<string, PolicyState>;
  /** Alarms by name. */
  alarms: Map<string, AlarmState>;
  /** Scheduled actions by `stateKey(group, name)`. */
  scheduled: Map<string, ScheduledSpec>;
  /** Lifecycle hooks by `stateKey(group, name)`, of the groups whose hooks were read. */
  lifecycleHooks: Map<string, LifecycleHookSpec>;
  /** Load balancers by name. */
  loadBalancers: Map<string, LoadBalancerState>;
  /** Notification configurations by group: topic → notification types (DescribeNotificationConfigurations). */
  notifications: Map<string, Map<string, string[]>>;
  /** Whether every group, launch configuration, policy, alarm and load balancer of the account was listed (for pruning). */
  complete: boolean;
}

/** Key of a per-group resource (policy, scheduled action, lifecycle hook) in the state maps. */
export function stateKey(group: string, name: string): string {
  return `${group}\n${name}`;
}

/** An empty current state. */
export function emptyState(): CurrentState {
  return {
    groups: new Map(),
    launchConfigs: new Map(),
    launchTemplates: new Map(),
    policies: new Map(),
    alarms: new Map(),
    scheduled: new Map(),
    lifecycleHooks: new Map(),
    loadBalancers: new Map(),
    notifications: new Map(),
    complete: false,
  };
}
