/**
 * The AWS rules no service model states, written once for the client's checks,
 * botoscale local and autoscalectl alike, each with the AWS documentation it comes from.
 * The constraints the models do state are in `./generated` (made from the models).
 *
 * Every function here answers a question (is this allowed? what is the limit?) and leaves
 * the wording of the refusal to its caller: the client names the argument, botoscale
 * local answers with AWS's error code, autoscalectl names the file's key.
 *
 * @module
 */
import { SDK_PARTITIONS } from './sdk-regions';

// ---------------------------------------------------------------------------------------
// CloudWatch alarms. AWS CloudWatch API Reference, PutMetricAlarm, Period: "Valid values
// are 10, 20, 30, and any multiple of 60." ... "Period multiplied by EvaluationPeriods
// can't be more than 604,800 seconds. For alarms with a period of less than one hour
// (3,600 seconds), the total evaluation period can't be longer than one day (86,400
// seconds)." https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html

/** The periods under a minute an alarm may have (high-resolution alarms). */
export const ALARM_SHORT_PERIODS = [10, 20, 30] as const;

/** The periods an alarm may have, in words, for messages. */
export const ALARM_PERIODS_TEXT = '10, 20, 30 or a multiple of 60 seconds';

/** Whether `seconds` is a period PutMetricAlarm accepts: 10, 20, 30 or a positive multiple of 60. */
export function isAlarmPeriod(seconds: number): boolean {
  return Number.isInteger(seconds) && ((seconds > 0 && seconds % 60 === 0) || (ALARM_SHORT_PERIODS as readonly number[]).includes(seconds));
}

/** One day: the longest evaluation span of an alarm whose period is under an hour. */
export const SHORT_PERIOD_SPAN_LIMIT = 86_400;
/** Seven days: the longest evaluation span of any alarm. */
export const EVALUATION_SPAN_LIMIT = 604_800;

/** The longest period × evaluation periods an alarm with this period may have, in seconds. */
export function evaluationSpanLimit(period: number): number {
  return period < 3600 ? SHORT_PERIOD_SPAN_LIMIT : EVALUATION_SPAN_LIMIT;
}

/** The limit of {@link evaluationSpanLimit} in words: "one day, for a period under an hour" or "seven days". */
export function evaluationSpanLimitText(period: number): string {
  return period < 3600 ? 'one day, for a period under an hour' : 'seven days';
}

/** Whether an alarm may look at `evaluationPeriods` periods of `period` seconds. */
export function isEvaluationSpanAllowed(period: number, evaluationPeriods: number): boolean {
  return period * evaluationPeriods <= evaluationSpanLimit(period);
}

/**
 * A percentile statistic, `p0` to `p100` with up to ten decimals (`p99.9`). CloudWatch
 * User Guide, "CloudWatch statistics definitions": "Percentile (p) indicates the relative
 * standing of a value in a dataset. For example, p95 is the 95th percentile"; the same page
 * bounds the other extended statistics' numbers to "0 to 100, with up to 10 decimal
 * places", which botoscale applies to percentiles too. AWS also takes trimmed and
 * winsorized means (tm90, wm90, ...); botoscale, client and local alike, takes percentiles only.
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html
 */
export const PERCENTILE_STATISTIC = /^p(\d{1,2}(\.\d{1,10})?|100(\.0{1,10})?)$/;

// ---------------------------------------------------------------------------------------
// Auto Scaling.

/**
 * The adjustment types of simple and step scaling policies. Amazon EC2 Auto Scaling API
 * Reference, PutScalingPolicy, AdjustmentType: "Valid values are ChangeInCapacity,
 * ExactCapacity, and PercentChangeInCapacity." (the model types it as a free string).
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html
 */
export const ADJUSTMENT_TYPES = ['ChangeInCapacity', 'ExactCapacity', 'PercentChangeInCapacity'] as const;

/**
 * How a step scaling policy aggregates its metric. Amazon EC2 Auto Scaling API Reference,
 * PutScalingPolicy, MetricAggregationType: "Valid values are Minimum, Maximum, and Average.
 * If the aggregation type is null, the value is treated as Average."
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html
 */
export const METRIC_AGGREGATION_TYPES = ['Minimum', 'Maximum', 'Average'] as const;

/**
 * How a mixed instances policy picks on-demand and spot pools. Amazon EC2 Auto Scaling API
 * Reference, InstancesDistribution: OnDemandAllocationStrategy "Valid values: prioritized |
 * lowest-price"; SpotAllocationStrategy "Valid values: capacity-optimized |
 * capacity-optimized-prioritized | lowest-price | price-capacity-optimized" (the model types
 * both as free strings). https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html
 */
export const ON_DEMAND_ALLOCATION_STRATEGIES = ['prioritized', 'lowest-price'] as const;
/** See {@link ON_DEMAND_ALLOCATION_STRATEGIES}; in the order AWS's refusal lists them. */
export const SPOT_ALLOCATION_STRATEGIES = ['lowest-price', 'capacity-optimized', 'capacity-optimized-prioritized', 'price-capacity-optimized'] as const;

/**
 * The ranges of a mixed instances policy's numbers (the model types them as free strings or
 * integers). Amazon EC2 Auto Scaling API Reference, LaunchTemplateOverrides, WeightedCapacity:
 * "Value must be in the range of 1–999."; InstancesDistribution, SpotInstancePools: "Valid
 * only when the SpotAllocationStrategy is lowest-price. Value must be in the range of 1–20.",
 * OnDemandPercentageAboveBaseCapacity: "Expressed as a number (for example, 20 specifies 20%).
 * ... 0-100", SpotMaxPrice: "Valid Range: Minimum value of 0.001".
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_InstancesDistribution.html
 */
export const MIXED_INSTANCES_LIMITS = {
  weightedCapacity: { min: 1, max: 999 },
  spotInstancePools: { min: 1, max: 20 },
  onDemandPercentage: { min: 0, max: 100 },
  minSpotPrice: 0.001,
} as const;

/**
 * The instance types one mixed instances policy may list. Amazon EC2 Auto Scaling User
 * Guide, "Auto Scaling groups with multiple instance types and purchase options": "You can
 * specify up to 40 instance types per Auto Scaling group".
 */
export const MAX_INSTANCE_TYPES = 40;

/**
 * The scaling policy types botoscale sends. PutScalingPolicy, PolicyType: "One of the
 * following policy types: TargetTrackingScaling, StepScaling, SimpleScaling (default),
 * PredictiveScaling" (the model types it as a free string). botoscale does not send
 * `PredictiveScaling` (nor does botoscale local simulate it).
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html
 */
export const POLICY_TYPES = ['SimpleScaling', 'StepScaling', 'TargetTrackingScaling'] as const;
/** A policy type botoscale sends. */
export type PolicyType = (typeof POLICY_TYPES)[number];

/**
 * Which PutScalingPolicy parameters each policy type takes, by botoscale's field names.
 * PutScalingPolicy: AdjustmentType "Required if the policy type is StepScaling or
 * SimpleScaling"; Cooldown and ScalingAdjustment with SimpleScaling; MinAdjustmentMagnitude
 * with the adjustment type PercentChangeInCapacity (so simple and step policies);
 * MetricAggregationType and StepAdjustments "Valid only if the policy type is StepScaling";
 * EstimatedInstanceWarmup "Valid only if the policy type is TargetTrackingScaling or
 * StepScaling"; TargetTrackingConfiguration "Required if the policy type is TargetTrackingScaling".
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutScalingPolicy.html
 */
export const POLICY_FIELDS_BY_TYPE: Readonly<Record<string, readonly PolicyType[]>> = {
  adjustmentType: ['SimpleScaling', 'StepScaling'],
  scalingAdjustment: ['SimpleScaling'],
  cooldown: ['SimpleScaling'],
  minAdjustmentStep: ['SimpleScaling', 'StepScaling'],
  minAdjustmentMagnitude: ['SimpleScaling', 'StepScaling'],
  stepAdjustments: ['StepScaling'],
  metricAggregationType: ['StepScaling'],
  estimatedInstanceWarmup: ['StepScaling', 'TargetTrackingScaling'],
  targetTrackingConfiguration: ['TargetTrackingScaling'],
};

/** The fields each policy type needs (PutScalingPolicy, "Required if …", as above). */
export const POLICY_REQUIRED_BY_TYPE: Readonly<Record<PolicyType, readonly string[]>> = {
  SimpleScaling: ['adjustmentType', 'scalingAdjustment'],
  StepScaling: ['adjustmentType', 'stepAdjustments'],
  TargetTrackingScaling: ['targetTrackingConfiguration'],
};

/**
 * The predefined metric that takes a resource label, and the label's form.
 * PredefinedMetricSpecification, ResourceLabel: "You can't specify a resource label unless
 * the target group is attached to the Auto Scaling group" ... "You must specify the
 * ResourceLabel parameter with the ALBRequestCountPerTarget metric type" ... "The format is
 * app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>".
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PredefinedMetricSpecification.html
 */
export const LABELLED_METRIC_TYPE = 'ALBRequestCountPerTarget';
/** The resource label's form, in words. */
export const RESOURCE_LABEL_FORM = 'app/<load-balancer-name>/<load-balancer-id>/targetgroup/<target-group-name>/<target-group-id>';
const RESOURCE_LABEL = /^app\/[^/]+\/[^/]+\/targetgroup\/[^/]+\/[^/]+$/;

/** Whether `label` has the form of an `ALBRequestCountPerTarget` resource label. */
export function isResourceLabel(label: string): boolean {
  return RESOURCE_LABEL.test(label);
}

/** One step of a step scaling policy: bounds relative to the alarm threshold (undefined: none). */
export interface StepInterval {
  /** Lower bound, or undefined for none. */
  lowerBound?: number;
  /** Upper bound, or undefined for none. */
  upperBound?: number;
}

/** The names a step's bounds go by in the caller's messages (the client's, or the file's `lower`/`upper`). */
export interface StepWords {
  /** The lower bound's name. */
  lower: string;
  /** The upper bound's name. */
  upper: string;
}

function interval(s: StepInterval): string {
  return `[${s.lowerBound ?? 'null'}, ${s.upperBound ?? 'null'}]`;
}

/** Which of the step rules (below) a policy's intervals break, with the steps involved. */
export type StepRuleBreak =
  | { rule: 'both-null' | 'upper-not-above-lower'; step: StepInterval; index: number }
  | { rule: 'null-lower-twice' | 'null-upper-twice'; count: number }
  | { rule: 'negative-lower-needs-null-lower' | 'positive-upper-needs-null-upper'; step: StepInterval }
  | { rule: 'overlap' | 'gap'; before: StepInterval; after: StepInterval };

/**
 * The first rule a step policy's intervals break, or undefined. StepAdjustment: "The
 * ranges of your step adjustments can't overlap or have a gap. At most, one step adjustment
 * can have a null lower bound. If one step adjustment has a negative lower bound, then
 * there must be a step adjustment with a null lower bound. At most, one step adjustment
 * can have a null upper bound. If one step adjustment has a positive upper bound, then
 * there must be a step adjustment with a null upper bound. The upper and lower bound can't
 * be null in the same step adjustment."
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_StepAdjustment.html
 */
export function stepRuleBroken(steps: readonly StepInterval[]): StepRuleBreak | undefined {
  for (const [index, step] of steps.entries()) {
    if (step.lowerBound === undefined && step.upperBound === undefined) return { rule: 'both-null', step, index };
    if (step.lowerBound !== undefined && step.upperBound !== undefined && step.upperBound <= step.lowerBound) return { rule: 'upper-not-above-lower', step, index };
  }
  const openBelow = steps.filter((s) => s.lowerBound === undefined).length;
  const openAbove = steps.filter((s) => s.upperBound === undefined).length;
  if (openBelow > 1) return { rule: 'null-lower-twice', count: openBelow };
  if (openAbove > 1) return { rule: 'null-upper-twice', count: openAbove };
  const negative = steps.find((s) => s.lowerBound !== undefined && s.lowerBound < 0);
  if (negative !== undefined && openBelow === 0) return { rule: 'negative-lower-needs-null-lower', step: negative };
  const positive = steps.find((s) => s.upperBound !== undefined && s.upperBound > 0);
  if (positive !== undefined && openAbove === 0) return { rule: 'positive-upper-needs-null-upper', step: positive };
  const sorted = [...steps].sort((a, b) => (a.lowerBound ?? -Infinity) - (b.lowerBound ?? -Infinity));
  for (let i = 1; i < sorted.length; i++) {
    const before = sorted[i - 1] as StepInterval;
    const after = sorted[i] as StepInterval;
    const gapOrOverlap = (before.upperBound ?? Infinity) - (after.lowerBound ?? -Infinity);
    if (gapOrOverlap > 0) return { rule: 'overlap', before, after };
    if (gapOrOverlap < 0) return { rule: 'gap', before, after };
  }
  return undefined;
}

/** {@link stepRuleBroken}, worded for the client and autoscalectl with `field` and `words`. */
export function stepIntervalProblem(field: string, steps: readonly StepInterval[], words: StepWords): string | undefined {
  const broken = stepRuleBroken(steps);
  if (broken === undefined) return undefined;
  switch (broken.rule) {
    case 'both-null':
      return `${field}[${broken.index}] needs a ${words.lower} or an ${words.upper} (both can't be null)`;
    case 'upper-not-above-lower':
      return `${field}[${broken.index}].${words.upper} (${broken.step.upperBound}) must be greater than its ${words.lower} (${broken.step.lowerBound})`;
    case 'null-lower-twice':
      return `at most one of ${field} may have a null ${words.lower}, got ${broken.count}`;
    case 'null-upper-twice':
      return `at most one of ${field} may have a null ${words.upper}, got ${broken.count}`;
    case 'negative-lower-needs-null-lower':
      return `${field} has a negative ${words.lower} (${broken.step.lowerBound}), so one step must have a null ${words.lower}`;
    case 'positive-upper-needs-null-upper':
      return `${field} has a positive ${words.upper} (${broken.step.upperBound}), so one step must have a null ${words.upper}`;
    case 'overlap':
      return `${field} ${interval(broken.before)} and ${interval(broken.after)} overlap`;
    case 'gap':
      return `${field} leave a gap between ${broken.before.upperBound} and ${broken.after.lowerBound}`;
  }
}

/**
 * The termination policies, in the order DescribeTerminationPolicyTypes lists them.
 * Amazon EC2 Auto Scaling API Reference, DescribeTerminationPolicyTypes: "The termination
 * policies supported by Amazon EC2 Auto Scaling: OldestInstance, OldestLaunchConfiguration,
 * NewestInstance, ClosestToNextInstanceHour, Default, OldestLaunchTemplate, and
 * AllocationStrategy." (the model types each as a free string). https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeTerminationPolicyTypes.html
 */
export const TERMINATION_POLICIES = [
  'AllocationStrategy', 'ClosestToNextInstanceHour', 'Default', 'NewestInstance', 'OldestInstance',
  'OldestLaunchConfiguration', 'OldestLaunchTemplate',
] as const;

/**
 * Where a group's instance health comes from, as botoscale sends and simulates it.
 * CreateAutoScalingGroup, HealthCheckType: "The valid values are EC2 (default), ELB, and
 * VPC_LATTICE." (the model types it as a free string); botoscale takes EC2 and ELB, the two
 * it simulates. https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
 */
export const HEALTH_CHECK_TYPES = ['EC2', 'ELB'] as const;

/**
 * The health statuses SetInstanceHealth accepts. SetInstanceHealth, HealthStatus: "The
 * health status of the instance. Set to Healthy to have the instance remain in service. Set
 * to Unhealthy to have the instance be out of service."
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_SetInstanceHealth.html
 */
export const HEALTH_STATUSES = ['Healthy', 'Unhealthy'] as const;

/**
 * The filters DescribeTags takes. DescribeTags, Filters: "The following filters are
 * supported: auto-scaling-group ... key ... value ... propagate-at-launch ..." (the model
 * types the name as a free string). https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_DescribeTags.html
 */
export const TAG_FILTER_NAMES = ['auto-scaling-group', 'key', 'value', 'propagate-at-launch'] as const;

/**
 * How many items one Auto Scaling call takes where the model states no limit. AttachInstances,
 * DetachInstances, EnterStandby and ExitStandby, InstanceIds: "You can specify up to 20
 * instances."; AttachLoadBalancers, LoadBalancerNames: "You can specify up to 10 load
 * balancers."; DescribeScalingActivities (ActivityIds), DescribeLaunchConfigurations
 * (LaunchConfigurationNames), DescribePolicies (PolicyNames), DescribeScheduledActions
 * (ScheduledActionNames) and DescribeAutoScalingInstances (InstanceIds): "Array Members:
 * Maximum number of 50 items."; MaxRecords of the describes: "The default value is 50 and the
 * maximum value is 100." (DescribeAutoScalingInstances: "the maximum value is 50");
 * SetInstanceProtection, InstanceIds: "You can specify up to 50 instances" (LimitExceeded beyond).
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_Operations.html
 */
export const AUTOSCALING_CALL_LIMITS = {
  instancesPerCall: 20,
  protectionInstancesPerCall: 50,
  loadBalancersPerCall: 10,
  namesPerDescribe: 50,
  maxRecords: 100,
  instancesMaxRecords: 50,
} as const;

/**
 * The transitions a lifecycle hook can hold. Amazon EC2 Auto Scaling API Reference,
 * PutLifecycleHook, LifecycleTransition: "The lifecycle transition. For Auto Scaling
 * groups, there are two major lifecycle transitions. To create a lifecycle hook for
 * scale-out events, specify autoscaling:EC2_INSTANCE_LAUNCHING. To create a lifecycle hook
 * for scale-in events, specify autoscaling:EC2_INSTANCE_TERMINATING." (the model types it
 * as a free string). https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_PutLifecycleHook.html
 */
export const LIFECYCLE_TRANSITIONS = ['autoscaling:EC2_INSTANCE_LAUNCHING', 'autoscaling:EC2_INSTANCE_TERMINATING'] as const;

/**
 * The results of a lifecycle action, and a hook's default one. PutLifecycleHook,
 * DefaultResult: "The action the Auto Scaling group takes when the lifecycle hook timeout
 * elapses or if an unexpected failure occurs. The default value is ABANDON. Valid values:
 * CONTINUE | ABANDON" (CompleteLifecycleAction's LifecycleActionResult takes the same two).
 */
export const LIFECYCLE_ACTION_RESULTS = ['CONTINUE', 'ABANDON'] as const;
/** A hook's result when PutLifecycleHook gives none (see {@link LIFECYCLE_ACTION_RESULTS}). */
export const DEFAULT_LIFECYCLE_RESULT = 'ABANDON';

/**
 * A lifecycle hook's heartbeat timeout, in seconds. PutLifecycleHook, HeartbeatTimeout:
 * "The maximum time, in seconds, that can elapse before the lifecycle hook times out. The
 * range is from 30 to 7200 seconds. The default value is 3600 seconds (1 hour)." (the
 * model states no range).
 */
export const HEARTBEAT_TIMEOUT = { min: 30, max: 7200, default: 3600 } as const;

/**
 * The lifecycle hooks one group may have. PutLifecycleHook: "If you exceed your maximum
 * limit of lifecycle hooks, which by default is 50 per Auto Scaling group, the call
 * fails." (a quota AWS may raise; botoscale applies the default).
 */
export const MAX_LIFECYCLE_HOOKS = 50;

/**
 * A lifecycle hook's GlobalTimeout, in seconds: LifecycleHook, GlobalTimeout: "The maximum
 * time, in seconds, that an instance can remain in a wait state. The maximum is 172800
 * seconds (48 hours) or 100 times HeartbeatTimeout, whichever is smaller."
 */
export function lifecycleGlobalTimeout(heartbeatTimeout: number): number {
  return Math.min(heartbeatTimeout * 100, 172_800);
}

/** Which capacity bound a group's sizes break, if any. */
export type CapacityBreach = 'min-above-max' | 'desired-below-min' | 'desired-above-max';

/**
 * Checks a group's sizes against each other: min ≤ desired ≤ max, for whichever are
 * known. Amazon EC2 Auto Scaling API Reference, CreateAutoScalingGroup, DesiredCapacity:
 * "This number must be greater than or equal to the minimum size of the group and less
 * than or equal to the maximum size of the group." (and MinSize ≤ MaxSize with it).
 * https://docs.aws.amazon.com/autoscaling/ec2/APIReference/API_CreateAutoScalingGroup.html
 */
export function capacityBreach(min: number | undefined, max: number | undefined, desired: number | undefined): CapacityBreach | undefined {
  if (min !== undefined && max !== undefined && min > max) return 'min-above-max';
  if (desired !== undefined && min !== undefined && desired < min) return 'desired-below-min';
  if (desired !== undefined && max !== undefined && desired > max) return 'desired-above-max';
  return undefined;
}

// ---------------------------------------------------------------------------------------
// Classic Load Balancers.

/** The longest load balancer name. */
export const LOAD_BALANCER_NAME_MAX_LENGTH = 32;

/**
 * A load balancer name: 1 to 32 letters, digits and hyphens, not starting or ending with a
 * hyphen. Elastic Load Balancing API Reference, CreateLoadBalancer, LoadBalancerName: "This
 * name must be unique within your set of load balancers for the region, must have a
 * maximum of 32 characters, must contain only alphanumeric characters or hyphens, and
 * cannot begin or end with a hyphen." (the model types it as a free string).
 * https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_CreateLoadBalancer.html
 */
export const LOAD_BALANCER_NAME = /^[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,30}[a-zA-Z0-9])?$/;

/**
 * Whether a health check's timeout fits its interval. Elastic Load Balancing API
 * Reference, HealthCheck, Timeout: "This value must be less than the Interval value."
 */
export function isHealthCheckTimeoutAllowed(timeout: number, interval: number): boolean {
  return timeout < interval;
}

/**
 * The protocols of listeners and health checks. Elastic Load Balancing API Reference
 * (2012-06-01), Listener, Protocol: "The load balancer transport protocol to use for
 * routing: HTTP, HTTPS, TCP, or SSL." (the model types it as a free string).
 * https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_Listener.html
 */
export const LISTENER_PROTOCOLS = ['HTTP', 'HTTPS', 'TCP', 'SSL'] as const;
/** A listener protocol, upper-case. */
export type ListenerProtocol = (typeof LISTENER_PROTOCOLS)[number];

/**
 * The instance protocols a front-end protocol may forward with. Listener,
 * InstanceProtocol: "If the front-end protocol is TCP or SSL, the back-end protocol must
 * be TCP or SSL. If the front-end protocol is HTTP or HTTPS, the back-end protocol must be
 * HTTP or HTTPS."
 */
export function instanceProtocolsFor(protocol: ListenerProtocol): readonly ListenerProtocol[] {
  return protocol === 'HTTP' || protocol === 'HTTPS' ? ['HTTP', 'HTTPS'] : ['TCP', 'SSL'];
}

/** Whether a listener protocol needs a server certificate (Listener, SSLCertificateId: "The Amazon Resource Name (ARN) of the server certificate" of HTTPS and SSL listeners). */
export function isSecureProtocol(protocol: string): boolean {
  return protocol === 'HTTPS' || protocol === 'SSL';
}

/**
 * A health check target: `TCP:port`, `SSL:port`, `HTTP:port/path` or `HTTPS:port/path`,
 * any case. Elastic Load Balancing API Reference, HealthCheck, Target: "TCP is default,
 * specified as a TCP: port pair ... SSL is also specified as SSL: port pair ... For HTTP/HTTPS,
 * you must include a ping path in the string. ... The total length of the HTTP ping target
 * must be 1024 16-bit Unicode characters or less." A path holds no white space (it is
 * sent as an HTTP request line). Groups: 1/3 protocol, 2/4 port, 5 path.
 * https://docs.aws.amazon.com/elasticloadbalancing/2012-06-01/APIReference/API_HealthCheck.html
 */
export const HEALTH_CHECK_TARGET = /^(?:(TCP|SSL):(\d{1,5})|(HTTPS?):(\d{1,5})(\/\S*))$/i;
/** The forms of {@link HEALTH_CHECK_TARGET}, in words, for messages. */
export const HEALTH_CHECK_TARGET_FORMS = 'TCP:port, SSL:port, HTTP:port/path or HTTPS:port/path';
/** The longest health check target, in characters. */
export const HEALTH_CHECK_TARGET_MAX_LENGTH = 1024;

/** A health check target's parts: protocol (upper-case), port and path (`''` for TCP and SSL). */
export interface HealthCheckTargetParts {
  /** `HTTP`, `HTTPS`, `TCP` or `SSL`. */
  protocol: ListenerProtocol;
  /** The port as written (its range is checked apart). */
  port: number;
  /** The ping path of HTTP and HTTPS checks, starting with `/`; `''` otherwise. */
  path: string;
}

/** The parts of a target of the right form, or `undefined` when it has not that form. */
export function parseHealthCheckTarget(target: string): HealthCheckTargetParts | undefined {
  const m = HEALTH_CHECK_TARGET.exec(target);
  if (m === null) return undefined;
  return { protocol: (m[1] ?? m[3] ?? '').toUpperCase() as ListenerProtocol, port: Number(m[2] ?? m[4]), path: m[5] ?? '' };
}

/** The AWS partitions ARNs name. */
export type Partition = 'aws' | 'aws-cn' | 'aws-us-gov';

/** The partition of every region the SDK lists in one of the partitions ARNs name. */
const LISTED_PARTITIONS = new Map<string, Partition>(
  SDK_PARTITIONS.flatMap((p) => (p.id === 'aws' || p.id === 'aws-cn' || p.id === 'aws-us-gov' ? p.regions.map((r): [string, Partition] => [r, p.id as Partition]) : [])),
);

/**
 * The partition of a region, as ARNs write it (IAM User Guide, "IAM identifiers" / AWS
 * General Reference, "Amazon Resource Names (ARNs)": "partition ... aws - AWS Regions,
 * aws-cn - China Regions, aws-us-gov - AWS GovCloud (US) Regions"): the SDK's own
 * partition data for the regions it lists, the name's prefix for any other.
 */
export function partitionOf(region: string): Partition {
  const listed = LISTED_PARTITIONS.get(region);
  if (listed !== undefined) return listed;
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

/** The domain of a region's endpoints and DNS names, from the SDK's partition data (`amazonaws.com`, `amazonaws.com.cn`). */
export function dnsSuffixOf(region: string): string {
  const partition = partitionOf(region);
  return SDK_PARTITIONS.find((p) => p.id === partition)?.dnsSuffix ?? 'amazonaws.com';
}

/** The regions of a partition, as the SDK's endpoint data lists them. */
export function regionsOf(partition: Partition): readonly string[] {
  return SDK_PARTITIONS.find((p) => p.id === partition)?.regions ?? [];
}

/**
 * The regions enabled in every account: those introduced before 20 March 2019. Every
 * region introduced since must be opted in to (AWS General Reference / Account Management
 * Guide, "Enable or disable AWS Regions in your account": "Regions introduced before
 * March 20, 2019 are enabled by default").
 */
export const DEFAULT_ENABLED_REGIONS: readonly string[] = [
  'ap-northeast-1', 'ap-northeast-2', 'ap-northeast-3', 'ap-south-1', 'ap-southeast-1', 'ap-southeast-2',
  'ca-central-1', 'eu-central-1', 'eu-north-1', 'eu-west-1', 'eu-west-2', 'eu-west-3', 'sa-east-1',
  'us-east-1', 'us-east-2', 'us-west-1', 'us-west-2',
];
