/**
 * The contract between the parts of botoscale local: wire handlers, the four simulated
 * services, and the cloud that ties them together. Each service folder implements its
 * state model behind one of the `*Api` interfaces below and its wire handlers as a
 * {@link ServiceHandlers} map; services reach each other only through these interfaces.
 *
 * Values crossing the wire layer are plain JS objects keyed by the AWS model's member
 * names (`AutoScalingGroupName`, ...): lists are arrays, maps are objects, timestamps
 * are Dates, numbers are numbers, booleans are booleans, blobs are base64 strings.
 *
 * @module
 */
import type { SimClock } from './clock';

/** A parsed request or an answer before serialisation. */
export type WireValue = string | number | boolean | Date | null | undefined | WireValue[] | WireObject;
/** A structure on the wire. */
export interface WireObject {
  [member: string]: WireValue;
}

/** What a handler knows of the request it serves. */
export interface RequestContext {
  /** The simulated cloud the request is served in. */
  cloud: Cloud;
  /** Its region (`us-east-1`). */
  region: string;
  /** The account every resource belongs to. */
  accountId: string;
  /** The id of this request, as the answer carries it. */
  requestId: string;
  /** Simulated time when the request arrived (ms since the epoch). */
  now: number;
}

/** One action's handler: returns the output structure (or nothing for empty results). Throws `ServiceError`. */
export type Handler = (input: WireObject, ctx: RequestContext) => WireObject | void;

/** The wire handlers of one service, by action name (`DescribeAutoScalingGroups`). */
export type ServiceHandlers = Record<string, Handler>;

/** Signing names of the four services, as they appear in the SigV4 credential scope. */
export type ServiceName = 'autoscaling' | 'monitoring' | 'elasticloadbalancing' | 'ec2';

/** EC2 instance states. */
export type Ec2InstanceState = 'pending' | 'running' | 'shutting-down' | 'terminated' | 'stopping' | 'stopped';

/** What Auto Scaling asks EC2 to launch. */
export interface LaunchSpec {
  /** Image to launch (`ami-…`). */
  imageId: string;
  /** Instance type (`t3.micro`). */
  instanceType: string;
  /** Zone to launch in. */
  availabilityZone: string;
  /** Key pair name. */
  keyName?: string;
  /** Security group names or ids. */
  securityGroups?: string[];
  /** User data, base64 encoded. */
  userData?: string;
  /** Subnet to launch in (decides the zone when given). */
  subnetId?: string;
  /** Whether detailed monitoring is on. */
  monitoring?: boolean;
  /** Spot price bid, if a spot instance. */
  spotPrice?: string;
  /** True: a spot instance, taken from its pool's spot capacity. */
  spot?: boolean;
  /** Instance profile name or ARN. */
  iamInstanceProfile?: string;
  /** Whether the instance gets a public IPv4 address; when absent, its subnet's MapPublicIpOnLaunch decides. */
  associatePublicIpAddress?: boolean;
  /** Tags of the instance. */
  tags?: Array<{
    /** Tag key. */
    key: string;
    /** Tag value. */
    value: string;
  }>;
}

/** Names a launch template version, as Auto Scaling's LaunchTemplateSpecification does. */
export interface LaunchTemplateSpec {
  /** Template id (`lt-…`); give it or the name. */
  id?: string;
  /** Template name; give it or the id. */
  name?: string;
  /** `$Latest`, `$Default` (when absent) or a version number. */
  version?: string;
}

/** A launch template version as a launch resolves it. */
export interface ResolvedLaunchTemplate {
  /** Template id. */
  id: string;
  /** Template name. */
  name: string;
  /** The version number `$Latest`/`$Default`/the number named. */
  version: number;
  /** The version's image, if it has one. */
  imageId?: string;
  /** The version's instance type, if it has one. */
  instanceType?: string;
}

/** Where Auto Scaling launches an instance from a launch template, and its extra tags. */
export interface TemplatePlacement {
  /** Zone to launch in. */
  availabilityZone: string;
  /** Instance type instead of the template's (a mixed instances policy's override). */
  instanceType?: string;
  /** True: a spot instance, taken from its pool's spot capacity. */
  spot?: boolean;
  /** Subnet to launch in. */
  subnetId?: string;
  /** Tags added to the template's own instance tags. */
  tags?: Array<{
    /** Tag key. */
    key: string;
    /** Tag value. */
    value: string;
  }>;
}

/** A simulated EC2 instance as other services see it. */
export interface Ec2InstanceView {
  /** Instance id (`i-` + 17 hex digits). */
  readonly id: string;
  /** Lifecycle state. */
  readonly state: Ec2InstanceState;
  /** Its zone. */
  readonly availabilityZone: string;
  /** The image it was launched from. */
  readonly imageId: string;
  /** Its type. */
  readonly instanceType: string;
  /** Simulated launch time, ms since the epoch. */
  readonly launchTime: number;
  /** Simulated CPU utilisation in percent, driven by `setLoad`. */
  cpu: number;
  /** False when the simulation marks the instance as failing its health checks. */
  healthy: boolean;
  /** `spot` for a spot instance. */
  readonly instanceLifecycle?: 'spot';
  /** When EC2 sent this spot instance a rebalance recommendation. */
  readonly rebalanceRecommendedAt?: number;
  /** When EC2 sent this spot instance its two-minute interruption notice. */
  readonly interruptionNoticeAt?: number;
  /** The launch template version it was launched from, if any. */
  readonly launchTemplate?: {
    /** Template id. */
    readonly id: string;
    /** Template name. */
    readonly name: string;
    /** Version number. */
    readonly version: number;
  };
}

/** EC2 as other services use it. */
export interface Ec2Api {
  /** The region's availability zones (`us-east-1a` ...). */
  zones(): string[];
  /** Launches an instance; it starts `pending` and becomes `running` after the boot delay. */
  runInstance(spec: LaunchSpec): Ec2InstanceView;
  /** Starts terminating an instance (shutting-down, then terminated). Unknown ids are ignored. */
  terminateInstance(id: string): void;
  /** The instance with this id, while it is visible (terminated ones stay an hour). */
  getInstance(id: string): Ec2InstanceView | undefined;
  /** Whether an image id is known (or acceptable) to the simulation. */
  imageExists(imageId: string): boolean;
  /** The launch template version a launch would use now; throws EC2's error (a `ServiceError`) when there is none. */
  resolveLaunchTemplate(spec: LaunchTemplateSpec): ResolvedLaunchTemplate;
  /** Launches an instance from a launch template version (resolved now); throws EC2's error when it can't. */
  runInstanceFromTemplate(spec: LaunchTemplateSpec, placement: TemplatePlacement): Ec2InstanceView;
  /** How many more spot instances a pool can provide; undefined: no limit. */
  spotCapacity(zone: string, instanceType: string): number | undefined;
  /** Sets how many more spot instances a pool can provide (undefined lifts the limit). */
  setSpotCapacity(zone: string, instanceType: string, available: number | undefined): void;
  /** Starts interrupting a spot instance (rebalance recommendation, then the two-minute notice); false if it can't be. */
  interruptSpotInstance(id: string): boolean;
}

/** ELB health of one instance. */
export interface ElbInstanceHealth {
  /** Whether the load balancer sends it traffic. */
  state: 'InService' | 'OutOfService' | 'Unknown';
  /** Who is the cause of an OutOfService state. */
  reasonCode: 'ELB' | 'Instance' | 'N/A';
  /** AWS's description of the state. */
  description: string;
}

/** ELB as other services use it. */
export interface ElbApi {
  /** Whether a load balancer exists. */
  exists(loadBalancerName: string): boolean;
  /** Registers instances with a load balancer (unknown load balancers are ignored). */
  registerInstances(loadBalancerName: string, instanceIds: string[]): void;
  /** Deregisters instances from a load balancer (unknown ones are ignored). */
  deregisterInstances(loadBalancerName: string, instanceIds: string[]): void;
  /** The health of a registered instance; undefined if it is not registered. */
  instanceHealth(loadBalancerName: string, instanceId: string): ElbInstanceHealth | undefined;
}

/** One datapoint as stored by CloudWatch. */
export interface Datapoint {
  /** Metric namespace (`AWS/EC2`). */
  namespace: string;
  /** Metric name (`CPUUtilization`). */
  metricName: string;
  /** Dimensions of the metric. */
  dimensions: Array<{
    /** Dimension name. */
    name: string;
    /** Dimension value. */
    value: string;
  }>;
  /** Simulated time of the datapoint, ms since the epoch. */
  timestamp: number;
  /** A single value. */
  value?: number;
  /** Statistic set, for PutMetricData with StatisticValues. */
  statistics?: {
    /** Number of samples. */
    sampleCount: number;
    /** Their sum. */
    sum: number;
    /** Their minimum. */
    minimum: number;
    /** Their maximum. */
    maximum: number;
  };
  /** Unit (`Percent`). */
  unit?: string;
}

/** CloudWatch as other services use it. */
export interface CloudWatchApi {
  /** Stores a datapoint, as PutMetricData would. */
  putDatapoint(datapoint: Datapoint): void;
}

/** Auto Scaling as other services use it (alarm actions). */
export interface AutoScalingApi {
  /**
   * Executes a policy named by its ARN, as an alarm action; returns false if the ARN is
   * unknown. `breach` gives the alarm's newest datapoint and threshold (step and target
   * tracking policies scale by them).
   */
  executePolicyByArn(policyArn: string, cause: string, breach?: { value: number; threshold: number }): boolean;
  /** Groups and their InService instance ids, for the load driver. */
  groupInstances(groupName: string): string[] | undefined;
}

/** A simulated service: its state model (persisted as JSON) and its wire handlers. */
export interface SimulatedService<Api> {
  /** The service as the other services use it. */
  readonly api: Api;
  /** Its wire handlers, by action. */
  readonly handlers: ServiceHandlers;
  /** One control-loop step at simulated time `now`. */
  step(now: number): void;
  /** The state, as JSON-safe data, for `--state`. */
  snapshot(): unknown;
  /** Replaces the state with a snapshot's. */
  restore(snapshot: unknown): void;
}

/** The simulated cloud: one region, four services, one clock. */
export interface Cloud {
  /** Region of the cloud. */
  readonly region: string;
  /** Account every resource belongs to. */
  readonly accountId: string;
  /** The simulated clock. */
  readonly clock: SimClock;
  /** EC2 as the other services use it. */
  readonly ec2: Ec2Api;
  /** ELB as the other services use it. */
  readonly elb: ElbApi;
  /** Auto Scaling as the other services use it. */
  readonly autoscaling: AutoScalingApi;
  /** CloudWatch as the other services use it. */
  readonly cloudwatch: CloudWatchApi;
  /** Sets the simulated CPU load of a group's instances (and of the ones it launches later). */
  setLoad(groupName: string, cpuPercent: number): void;
}
